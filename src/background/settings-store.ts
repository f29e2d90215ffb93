/** Settings live in storage.local (they outlive the browser session, unlike recordings). */
import type { Storage } from 'webextension-polyfill';
import { DEFAULT_SETTINGS, isLanguageSetting, SETTINGS_STORAGE_KEY, type Settings } from '../protocol/messages';
import { sanitizeCaptureMap } from '../protocol/capture-policy';

const KEY = SETTINGS_STORAGE_KEY;

/** Accepts only known keys with the right types; anything else keeps its current value. */
export function sanitizeSettings(patch: unknown, base: Settings): Settings {
  const p = (typeof patch === 'object' && patch !== null ? patch : {}) as Record<string, unknown>;
  const next: Settings = { ...base };
  if (typeof p.preserveLog === 'boolean') next.preserveLog = p.preserveLog;
  if (typeof p.profileId === 'string' && /^[a-z0-9-]{1,40}$/.test(p.profileId)) next.profileId = p.profileId;
  if (typeof p.recentMinutes === 'number' && Number.isInteger(p.recentMinutes) && p.recentMinutes >= 1 && p.recentMinutes <= 24 * 60) next.recentMinutes = p.recentMinutes;
  if (typeof p.redactQuery === 'boolean') next.redactQuery = p.redactQuery;
  const capture = sanitizeCaptureMap(p.contentCapture);
  if (capture) next.contentCapture = capture;
  if (typeof p.exportContent === 'boolean') next.exportContent = p.exportContent;
  if (Array.isArray(p.pausedSites) && p.pausedSites.length <= 1000 && p.pausedSites.every((s) => typeof s === 'string' && s.length <= 253)) next.pausedSites = [...new Set(p.pausedSites as string[])];
  if (isLanguageSetting(p.language)) next.language = p.language;
  return next;
}

export class SettingsStore {
  current: Settings = { ...DEFAULT_SETTINGS };
  constructor(private readonly area: Storage.StorageArea) {}

  async load(): Promise<Settings> {
    const got = await this.area.get(KEY);
    this.current = sanitizeSettings(got[KEY], DEFAULT_SETTINGS);
    return this.current;
  }

  /** Another context (or a test) wrote the settings directly. */
  onStored(value: unknown): void {
    this.current = sanitizeSettings(value, DEFAULT_SETTINGS);
  }

  static readonly KEY = KEY;

  async update(patch: unknown): Promise<Settings> {
    this.current = sanitizeSettings(patch, this.current);
    await this.area.set({ [KEY]: this.current });
    return this.current;
  }
}
