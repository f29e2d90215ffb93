import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../protocol/messages';
import { SettingsStore } from './settings-store';

/**
 * storage.onChanged reaches the worker for its own writes too, a moment after each: by then the worker may
 * have made a newer change. That echo is older than what the worker holds, and must not replace it.
 */
describe('SettingsStore: the echo of its own write', () => {
  /** A storage area that keeps what was written; the test delivers each write's change event when it says. */
  function echoingArea() {
    let stored: Record<string, unknown> = {};
    const echoes: unknown[] = [];
    const area = {
      get: async () => stored,
      set: async (items: Record<string, unknown>) => {
        stored = { ...stored, ...items };
        echoes.push(structuredClone(items.settings));
      },
    };
    return { area, echoes, stored: () => stored.settings as Settings };
  }

  it('keeps every change made here when the echo of an older write comes between two updates', async () => {
    const { area, echoes, stored } = echoingArea();
    const store = new SettingsStore(area as never);
    await store.load();
    await store.update({ redactQuery: false });
    await store.update({ profileId: 'iana' });
    // The first write's event comes only now: it holds the settings before the profile changed.
    store.onStored(echoes.shift());
    expect(store.current).toMatchObject({ redactQuery: false, profileId: 'iana' });
    await store.update({ recentMinutes: 60 });
    for (const echo of echoes.splice(0)) store.onStored(echo);
    expect(store.current).toMatchObject({ redactQuery: false, profileId: 'iana', recentMinutes: 60 });
    expect(stored()).toMatchObject({ redactQuery: false, profileId: 'iana', recentMinutes: 60 });
  });

  it('still takes a change another context stored after its own writes', async () => {
    const { area, echoes } = echoingArea();
    const heard: string[] = [];
    const store = new SettingsStore(area as never, (_, after) => heard.push(after.profileId));
    await store.load();
    await store.update({ profileId: 'iana' });
    store.onStored(echoes.shift());
    store.onStored({ ...DEFAULT_SETTINGS, profileId: 'rfc6455' });
    expect(store.current.profileId).toBe('rfc6455');
    // The echo changed nothing: only the update and the other context's change were heard.
    expect(heard).toEqual(['iana', 'rfc6455']);
  });
});
