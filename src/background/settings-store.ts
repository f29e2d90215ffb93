/** Settings live in storage.local (they outlive the browser session, unlike recordings). */
import type { Storage } from 'webextension-polyfill';
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY, type Settings } from '../protocol/messages';
import { sanitizeSettings } from '../protocol/settings';

export { sanitizeSettings };

const KEY = SETTINGS_STORAGE_KEY;

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
