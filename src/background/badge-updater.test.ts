import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogTranslator, setTranslator } from '../i18n/translate';
import { localeCatalog } from '../test-support/locale-catalog';
import { chain, recordingOf } from '../analysis/test-fixtures';
import { DEFAULT_SETTINGS } from '../protocol/messages';
import { BadgeUpdater, badgeOf, INTERVAL_MS, PENDING_KEY, SETTLE_STEP_MS, type DrawnBadge } from './badge-updater';
import { TabRecording } from './tab-recording';
import { MemoryStorage } from './test-support';

const TAB = 4;
const calm = () => TabRecording.restore(TAB, '0.1.0', recordingOf([]), {}, []);
/** A 1008 retried 0.05 s later with the same request: one problem. */
const problem = () => TabRecording.restore(TAB, '0.1.0', chain({ code: 1008, delays: [0.05] }).recording, {}, []);

/** One worker: its draws, and its timers, which fire only when the test says (a stopped worker's never do). */
function worker(storage: MemoryStorage, clock = { now: 1_000_000 }) {
  const drawn: [number, DrawnBadge][] = [];
  const timers: (() => void)[] = [];
  const delays: number[] = [];
  const updater = new BadgeUpdater({
    storage,
    draw: async (tabId, badge) => void drawn.push([tabId, badge]),
    now: () => clock.now,
    setTimer: (fn, ms) => {
      timers.push(fn);
      delays.push(ms);
    },
  });
  const fire = () => timers.splice(0).forEach((fn) => fn());
  return { updater, drawn, clock, fire, delays, texts: () => drawn.map(([, b]) => b.text) };
}

const marked = (storage: MemoryStorage) => storage.get([PENDING_KEY]).then((all) => all[PENDING_KEY]);

describe('BadgeUpdater', () => {
  it('draws the badge a stopped worker left waiting on the throttle once the next worker starts', async () => {
    const storage = new MemoryStorage();
    const first = worker(storage);
    await first.updater.load();
    first.updater.update([calm()], DEFAULT_SETTINGS);
    first.clock.now += 200;
    const tab = problem();
    first.updater.update([tab], DEFAULT_SETTINGS);
    expect(first.texts()).toEqual(['']);
    await vi.waitFor(async () => expect(await marked(storage)).toEqual([TAB]));

    // Stopped before its timer fired. The next worker draws the stored recording's badge, then lets the marker go.
    const next = worker(storage, { now: first.clock.now + 50 });
    await next.updater.load();
    await next.updater.restore(new Map([[TAB, tab]]), DEFAULT_SETTINGS);
    expect(next.drawn).toMatchObject([[TAB, { text: '1' }]]);
    expect(next.drawn[0]![1].title).toContain('1008');
    await vi.waitFor(async () => expect(await marked(storage)).toBeUndefined());
  });

  it('a draw waiting on the throttle uses the settings of the latest update (a profile chosen meanwhile)', async () => {
    // A 1012 answered after 0.1 s: too soon by the default profile, fits RFC 6455's.
    const soon = TabRecording.restore(TAB, '0.1.0', chain({ code: 1012, delays: [0.1] }).recording, {}, []);
    const rfc = { ...DEFAULT_SETTINGS, profileId: 'rfc6455' };
    expect([badgeOf(soon, DEFAULT_SETTINGS, 2e12).text, badgeOf(soon, rfc, 2e12).text]).toEqual(['1', '']);
    const w = worker(new MemoryStorage());
    await w.updater.load();
    w.updater.update([calm()], DEFAULT_SETTINGS);
    w.clock.now += 200;
    w.updater.update([soon], DEFAULT_SETTINGS);
    w.updater.update([soon], rfc);
    w.fire();
    expect(w.texts()).toEqual(['', '']);
  });

  it('draws nothing at a start that follows no cut-short throttle (a start analyses no stored tab)', async () => {
    const storage = new MemoryStorage();
    const first = worker(storage);
    await first.updater.load();
    first.updater.update([problem()], DEFAULT_SETTINGS);
    expect(first.texts()).toEqual(['1']);
    const next = worker(storage);
    await next.updater.load();
    await next.updater.restore(new Map([[TAB, problem()]]), DEFAULT_SETTINGS);
    expect(next.drawn).toEqual([]);
    expect(storage.writes).toBe(0);
  });

  it('keeps the throttle: a burst within the second is one trailing draw of the latest, and the marker goes', async () => {
    const storage = new MemoryStorage();
    const w = worker(storage);
    await w.updater.load();
    w.updater.update([calm()], DEFAULT_SETTINGS);
    for (let i = 0; i < 5; i++) {
      w.clock.now += 100;
      w.updater.update([i < 4 ? calm() : problem()], DEFAULT_SETTINGS);
    }
    expect(w.texts()).toEqual(['']);
    await vi.waitFor(async () => expect(await marked(storage)).toEqual([TAB]));
    w.clock.now += INTERVAL_MS;
    w.fire();
    expect(w.texts()).toEqual(['', '1']);
    await vi.waitFor(async () => expect(await marked(storage)).toBeUndefined());
    // One write names the tab for the whole burst.
    expect(storage.writes).toBe(1);
  });

  it('lets the marker of a closed tab go, whether it closes while waiting or while the worker is stopped', async () => {
    const storage = new MemoryStorage();
    const w = worker(storage);
    await w.updater.load();
    w.updater.update([calm()], DEFAULT_SETTINGS);
    w.updater.update([problem()], DEFAULT_SETTINGS);
    await vi.waitFor(async () => expect(await marked(storage)).toEqual([TAB]));
    w.updater.forget(TAB);
    await vi.waitFor(async () => expect(await marked(storage)).toBeUndefined());
    w.fire();
    expect(w.texts()).toEqual(['']);

    await storage.set({ [PENDING_KEY]: [TAB, 7] });
    const next = worker(storage);
    await next.updater.load();
    await next.updater.restore(new Map([[TAB, problem()]]), DEFAULT_SETTINGS);
    expect(next.drawn.map(([id]) => id)).toEqual([TAB]);
    await vi.waitFor(async () => expect(await marked(storage)).toBeUndefined());
  });

  it('starts whatever it finds at the marker: a value of another shape is dropped, not read at every start', async () => {
    for (const junk of ['junk', { 0: TAB }, [-1, 'x', 1.5]]) {
      const storage = new MemoryStorage();
      await storage.set({ [PENDING_KEY]: junk });
      const w = worker(storage);
      await w.updater.load();
      await w.updater.restore(new Map([[TAB, problem()]]), DEFAULT_SETTINGS);
      expect(w.drawn).toEqual([]);
      await vi.waitFor(async () => expect(await marked(storage)).toBeUndefined());
    }
  });

  it('counts an unanswered 1013 as a problem once its wait is judged, with no new event from the page', async () => {
    // The page never reconnects: pending for 60 s after the close, then "no reconnect", a problem the popup
    // shows. Nothing more is recorded, so only the updater's own look-again can bring the badge along.
    const c = chain({ code: 1013, delays: [] });
    const tab = TabRecording.restore(TAB, '0.1.0', c.recording, {}, []);
    const storage = new MemoryStorage();
    const w = worker(storage, { now: c.closedAt + 5_000 });
    await w.updater.load();
    w.updater.update([tab], DEFAULT_SETTINGS);
    expect(w.texts()).toEqual(['']);
    // Named at the marker while it waits, so a worker stopped meanwhile draws it at its next start.
    await vi.waitFor(async () => expect(await marked(storage)).toEqual([TAB]));
    // Looked at again in steps the worker stays alive for, then exactly when the wait is judged.
    while (w.texts().at(-1) === '') {
      const ms = w.delays.at(-1)!;
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBeLessThanOrEqual(SETTLE_STEP_MS);
      w.clock.now += ms;
      w.fire();
      expect(w.clock.now).toBeLessThanOrEqual(c.closedAt + 61_000);
    }
    expect(w.texts().at(-1)).toBe('1');
    expect(w.drawn.at(-1)![1].title).toContain('1013');
    await vi.waitFor(async () => expect(await marked(storage)).toBeUndefined());
    const timersLeft = w.delays.length;
    w.fire();
    expect(w.delays.length).toBe(timersLeft);

    // A worker stopped before the wait was judged: the next one draws the problem at its start.
    const kept = new MemoryStorage();
    const stopped = worker(kept, { now: c.closedAt + 5_000 });
    await stopped.updater.load();
    stopped.updater.update([tab], DEFAULT_SETTINGS);
    await vi.waitFor(async () => expect(await marked(kept)).toEqual([TAB]));
    const next = worker(kept, { now: c.closedAt + 70_000 });
    await next.updater.load();
    await next.updater.restore(new Map([[TAB, tab]]), DEFAULT_SETTINGS);
    expect(next.texts()).toEqual(['1']);
  });

  it('names a blind retry as one whenever it came: the tooltip says no "at once" of a retry 30 s later', () => {
    // Any retry of the same request within the link window is blind (docs/verdicts.md), however long it waited.
    for (const delay of [0.05, 30]) {
      const c = chain({ code: 1008, delays: [delay] });
      const tab = TabRecording.restore(TAB, '0.1.0', c.recording, {}, []);
      const { text, title } = badgeOf(tab, DEFAULT_SETTINGS, c.now);
      expect(text).toBe('1');
      expect(title).toBe('1 problem — worst: 1008 Policy Violation retried with the same request');
    }
  });
});

describe('badgeOf in the language in use', () => {
  afterEach(() => setTranslator(catalogTranslator(localeCatalog('en'))));

  it('writes the tooltip’s count and code in the digits the popup and panel use for that locale (ar-EG)', () => {
    setTranslator(catalogTranslator(localeCatalog('ar')), { intlLocale: 'ar-EG', isolate: true });
    // Four blind retries, one per endpoint: "٤ مشكلات" (a count Arabic writes with digits).
    const four = [1, 2, 3, 4].flatMap((n) =>
      chain({ code: 1008, delays: [0.05], url: `wss://api.example.com/${n}` }).recording.connections.map((c) => ({
        ...c,
        id: `${n}${c.id}`,
      })),
    );
    const many = TabRecording.restore(TAB, '0.1.0', recordingOf(four), {}, []);
    const { title } = badgeOf(many, DEFAULT_SETTINGS, 2e12);
    expect(title).toContain('١٠٠٨');
    expect(title).not.toMatch(/[0-9]/);
  });
});
