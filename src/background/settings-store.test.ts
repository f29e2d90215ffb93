import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../protocol/messages';
import { sanitizeSettings, SettingsStore } from './settings-store';

describe('sanitizeSettings: language', () => {
  it.each(['auto', 'en', 'ar', 'hi'] as const)('keeps %s', (language) => {
    expect(sanitizeSettings({ language }, DEFAULT_SETTINGS).language).toBe(language);
  });
  it.each([['fr'], ['AR'], [''], [1], [null], [{ toString: () => 'ar' }]])(
    'ignores %o and keeps the current language',
    (language) => {
      expect(sanitizeSettings({ language }, { ...DEFAULT_SETTINGS, language: 'hi' }).language).toBe('hi');
    },
  );
  it("defaults to the browser's language", () => {
    expect(sanitizeSettings(undefined, DEFAULT_SETTINGS).language).toBe('auto');
  });
});

describe('SettingsStore.load', () => {
  /** A storage area whose read answers only when told to, holding what was stored when the read began. */
  function slowArea(stored: Record<string, unknown>) {
    let answer: () => void = () => undefined;
    const area = {
      get: () => {
        const snapshot = { ...stored };
        return new Promise<Record<string, unknown>>((resolve) => (answer = () => resolve(snapshot)));
      },
      set: async () => undefined,
    };
    return { area, answer: () => answer() };
  }

  it('keeps a change stored while its read was in flight (the event can come before the read)', async () => {
    const { area, answer } = slowArea({});
    const store = new SettingsStore(area as never);
    const loaded = store.load();
    store.onStored({ preserveLog: false });
    answer();
    await loaded;
    expect(store.current.preserveLog).toBe(false);
  });

  it('keeps an update made while its read was in flight', async () => {
    const { area, answer } = slowArea({ settings: { recentMinutes: 30 } });
    const store = new SettingsStore(area as never);
    const loaded = store.load();
    await store.update({ preserveLog: false });
    answer();
    await loaded;
    expect(store.current.preserveLog).toBe(false);
  });

  it('takes what is stored when nothing changed meanwhile', async () => {
    const { area, answer } = slowArea({ settings: { preserveLog: false, recentMinutes: 30 } });
    const store = new SettingsStore(area as never);
    const loaded = store.load();
    answer();
    expect(await loaded).toMatchObject({ preserveLog: false, recentMinutes: 30 });
  });
});

describe('SettingsStore: who hears a change', () => {
  const area = (stored: Record<string, unknown> = {}) => ({ get: async () => stored, set: async () => undefined });

  it('hears an update and a change stored elsewhere, with the settings before it; not the start', async () => {
    const heard: [string, string][] = [];
    const store = new SettingsStore(area({ settings: { profileId: 'iana' } }) as never, (before, after) =>
      heard.push([before.profileId, after.profileId]),
    );
    await store.load();
    expect(heard).toEqual([]);
    await store.update({ profileId: 'rfc6455' });
    store.onStored({ ...store.current, profileId: 'default' });
    expect(heard).toEqual([
      ['iana', 'rfc6455'],
      ['rfc6455', 'default'],
    ]);
  });
});

describe('SettingsStore after a failed read', () => {
  const stored = { settings: { pausedSites: ['a.example'], recentMinutes: 30 } };

  it('reads the stored settings before an update, so the update keeps every other choice', async () => {
    let fail = true;
    const writes: unknown[] = [];
    const area = {
      get: async () => {
        if (fail) throw new Error('storage unavailable');
        return stored;
      },
      set: async (items: Record<string, unknown>) => void writes.push(items.settings),
    };
    const store = new SettingsStore(area as never);
    await expect(store.load()).rejects.toThrow('storage unavailable');
    // The worker runs on the defaults meanwhile.
    expect(store.current.pausedSites).toEqual([]);
    fail = false;
    await store.update({ preserveLog: false });
    expect(writes).toEqual([
      expect.objectContaining({ pausedSites: ['a.example'], recentMinutes: 30, preserveLog: false }),
    ]);
  });

  it('refuses an update, writing nothing, while the settings still cannot be read', async () => {
    const set = vi.fn(async () => undefined);
    const area = { get: async () => Promise.reject(new Error('storage unavailable')), set };
    const store = new SettingsStore(area as never);
    await expect(store.load()).rejects.toThrow();
    await expect(store.update({ preserveLog: false })).rejects.toThrow('storage unavailable');
    expect(set).not.toHaveBeenCalled();
  });
});
