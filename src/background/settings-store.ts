/** Settings live in storage.local (they outlive the browser session, unlike recordings). */
import type { Storage } from 'webextension-polyfill';
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY, type Settings } from '../protocol/messages';
import { sanitizeSettings } from '../protocol/settings';

export { sanitizeSettings };

const KEY = SETTINGS_STORAGE_KEY;

/** Stored settings are read entry by entry; what could not be read is said once per read, not kept. */
const warnDropped = (field: keyof Settings, count: number) =>
  console.warn(`Closeline: ${count} stored entries of the ${field} setting were unreadable and were left out`);

export class SettingsStore {
  current: Settings = { ...DEFAULT_SETTINGS };
  /** Counts changes seen (stored elsewhere or made here): a load that read before one must not undo it. */
  private changes = 0;
  /**
   * `onChange` hears every change made here or stored by another context, with the settings before it;
   * not the start's read, which finds the settings the last worker already worked with.
   */
  constructor(
    private readonly area: Storage.StorageArea,
    private readonly onChange?: (before: Settings, after: Settings) => void,
  ) {}

  private change(next: Settings): void {
    const before = this.current;
    this.changes++;
    this.current = next;
    this.onChange?.(before, next);
  }

  /**
   * Reads the stored settings when the worker starts. A change that arrives while the read is in flight
   * (another context wrote them; the storage event can come before the read's answer) is newer than what
   * the read returns, and is kept: otherwise the worker went on with the old settings until the next
   * change, and writing the same value again fires no change event.
   */
  async load(): Promise<Settings> {
    const before = this.changes;
    const got = await this.area.get(KEY);
    if (this.changes === before) this.current = sanitizeSettings(got[KEY], DEFAULT_SETTINGS, warnDropped);
    return this.current;
  }

  /** Another context (or a test) wrote the settings directly. */
  onStored(value: unknown): void {
    this.change(sanitizeSettings(value, DEFAULT_SETTINGS, warnDropped));
  }

  static readonly KEY = KEY;

  async update(patch: unknown): Promise<Settings> {
    this.change(sanitizeSettings(patch, this.current));
    await this.area.set({ [KEY]: this.current });
    return this.current;
  }
}
