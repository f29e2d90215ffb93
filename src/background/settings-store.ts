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
    this.reading++;
    let got;
    try {
      got = await this.area.get(KEY);
    } finally {
      this.reading--;
    }
    this.loaded = true;
    if (this.changes === before) this.current = sanitizeSettings(got[KEY], DEFAULT_SETTINGS, warnDropped);
    return this.current;
  }

  /**
   * Whether the stored settings were read. A worker whose read at start failed runs on the defaults, and an
   * update made on them would write the defaults over every stored choice (paused sites, per-site content
   * switches): an update reads them first, and is refused, with the storage's reason, while that fails.
   * One made while a read is on its way applies to what is held (the read keeps it, see load).
   */
  private loaded = false;
  private reading = 0;

  /**
   * The settings stored, as storage.onChanged says, which it also says of each write made here, a moment
   * later: by then a newer update may have been made, and that echo is older than what is held. Each write
   * made here waits for its echo (the storage says them in the order they were written); an echo is taken
   * for what it is and changes nothing. Anything else was written by another context (or a test), and is
   * newer than every write made here still unheard: those are forgotten, and their echoes, if they come,
   * are then stored changes like any other.
   */
  onStored(value: unknown): void {
    const echo = this.unheard.indexOf(JSON.stringify(value));
    // A write that changed nothing is never said: the ones before an echo are no longer awaited.
    if (echo !== -1) this.unheard.splice(0, echo + 1);
    else {
      this.unheard.length = 0;
      this.change(sanitizeSettings(value, DEFAULT_SETTINGS, warnDropped));
    }
  }

  /** The settings written here whose change event has not come yet, as JSON, oldest first. */
  private readonly unheard: string[] = [];

  static readonly KEY = KEY;

  async update(patch: unknown): Promise<Settings> {
    if (!this.loaded && this.reading === 0) await this.load();
    this.change(sanitizeSettings(patch, this.current));
    const written = this.current;
    const json = JSON.stringify(written);
    // Bounded: writes the storage never says (no change) are dropped at the next echo, or here.
    if (this.unheard.push(json) > 64) this.unheard.shift();
    try {
      await this.area.set({ [KEY]: written });
    } catch (e) {
      // Not written: no echo will come for it.
      const i = this.unheard.lastIndexOf(json);
      if (i !== -1) this.unheard.splice(i, 1);
      throw e;
    }
    return this.current;
  }
}
