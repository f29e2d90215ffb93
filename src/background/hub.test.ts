import { describe, expect, it, vi } from 'vitest';
import { HELLO_START_WINDOW_MS, Hub } from './hub';
import { Persist } from './persist';
import { MemoryStorage } from './test-support';
import { DEFAULT_SETTINGS, type BackgroundPush, type RelayBatch } from '../protocol/messages';

const counters = { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 };

function makeHub(storage = new MemoryStorage(), settings = { ...DEFAULT_SETTINGS }) {
  let now = 1000;
  const hub = new Hub({
    persist: new Persist(storage),
    extensionVersion: '0.1.0',
    now: () => now,
    setTimer: () => undefined,
    settings: () => settings,
  });
  return { hub, storage, settings, advance: (ms: number) => (now += ms) };
}

const sender = { tabId: 4, frameId: 0, documentId: 'DOC1', url: 'http://127.0.0.1/a' };
const hello = { type: 'hello' as const, docNonce: 'n', url: 'http://127.0.0.1/a', isTop: true };
const batch = (seq: number, k: number): RelayBatch => ({
  type: 'batch',
  seq,
  events: [
    { t: 'socket', k, api: 'WebSocket', url: 'ws://127.0.0.1/s', protocols: [], at: 1000 + k, stack: '' },
    { t: 'close', k, at: 1001 + k, code: 1012, reason: '', wasClean: true, counters },
  ],
  dropped: {},
});

describe('Hub', () => {
  it('acknowledges a batch only after it is stored', async () => {
    const { hub, storage } = makeHub();
    const docId = hub.hello(sender, hello);
    const acks: number[] = [];
    hub.batch(4, docId, batch(1, 1), (s) => acks.push(s));
    expect(acks).toEqual([]);
    await hub.tick();
    expect(acks).toEqual([1]);
    expect([...storage.data.keys()]).toContain('t4:c0');
  });

  it('moves a replaced tab’s recording to its new id, ending its documents, and stores nothing under the old one', async () => {
    const { hub, storage } = makeHub();
    const docId = hub.hello(sender, hello);
    const open = { ...batch(1, 1), events: batch(1, 1).events.slice(0, 1) };
    hub.batch(4, docId, open, () => undefined);
    hub.batch(4, docId, batch(2, 2), () => undefined);
    await hub.tick();
    await hub.replaceTab(4, 9);
    await hub.tick();
    expect([...storage.data.keys()].filter((k) => k.startsWith('t4:'))).toEqual([]);
    const reloaded = makeHub(storage).hub;
    await reloaded.load();
    const rec = reloaded.recordingOf(9);
    expect(rec.tabId).toBe(9);
    expect(rec.connections.map((c) => [c.socketNumber, c.events.at(-1)?.type])).toEqual([
      [1, 'ended-with-document'],
      [2, 'close'],
    ]);
    expect(rec.marks.filter((m) => m.type === 'navigation')).toHaveLength(1);
    // The tab, loaded again: its new document joins the same recording.
    reloaded.hello({ ...sender, tabId: 9, documentId: 'DOC2' }, hello);
    expect(reloaded.recordingOf(9).marks.filter((m) => m.type === 'navigation')).toHaveLength(2);
  });

  it('leaves the recording of a replacing tab that already has one, and removes the replaced one', async () => {
    const { hub, storage } = makeHub();
    hub.batch(4, hub.hello(sender, hello), batch(1, 1), () => undefined);
    hub.hello({ ...sender, tabId: 9, documentId: 'DOC9' }, hello);
    await hub.tick();
    await hub.replaceTab(4, 9);
    await hub.tick();
    expect(hub.recordingOf(9).connections).toEqual([]);
    expect([...storage.data.keys()].filter((k) => k.startsWith('t4:'))).toEqual([]);
  });

  it('does not apply a re-sent batch twice after a worker restart', async () => {
    const storage = new MemoryStorage();
    const first = makeHub(storage).hub;
    const docId = first.hello(sender, hello);
    first.batch(4, docId, batch(1, 1), () => undefined);
    await first.tick();
    // The worker dies before acking batch 2's successor; the relay re-sends 1 and 2 to a new worker.
    const second = makeHub(storage).hub;
    await second.load();
    const again = second.hello(sender, hello);
    const acks: number[] = [];
    second.batch(4, again, batch(1, 1), (s) => acks.push(s));
    second.batch(4, again, batch(2, 2), (s) => acks.push(s));
    await second.tick();
    expect(acks).toEqual([1, 2]);
    expect(second.recordingOf(4).connections.map((c) => c.id)).toEqual(['4:0:DOC1:1', '4:0:DOC1:2']);
    // No duplicate navigation mark for a document it already knew.
    expect(second.recordingOf(4).marks.filter((m) => m.type === 'navigation')).toHaveLength(1);
  });

  it('stores the count of stored connections it could not read back at its start, without waiting for new events', async () => {
    const storage = new MemoryStorage();
    const first = makeHub(storage).hub;
    first.batch(4, first.hello(sender, hello), batch(1, 1), () => undefined);
    await first.tick();
    const chunk = JSON.parse(storage.data.get('t4:c0')!) as { n: number[]; c: unknown[] };
    await storage.set({ 't4:c0': { n: [...chunk.n, 5], c: [...chunk.c, 'not a connection'] } });
    const timers: (() => void)[] = [];
    const second = new Hub({
      persist: new Persist(storage),
      extensionVersion: '0.1.0',
      now: () => 2000,
      setTimer: (f: () => void) => void timers.push(f),
      settings: () => DEFAULT_SETTINGS,
    });
    await second.load();
    expect(second.recordingOf(4).dropped.connectionsUnreadable).toBe(1);
    expect(timers.length).toBeGreaterThan(0);
    await second.tick();
    const meta = JSON.parse(storage.data.get('t4:meta')!) as { recording: { dropped: Record<string, number> } };
    expect(meta.recording.dropped.connectionsUnreadable).toBe(1);
    expect((JSON.parse(storage.data.get('t4:c0')!) as { c: unknown[] }).c).toHaveLength(1);
  });

  it('survives a write rejected for quota: nothing acked until stored, then room is made and the retry lands', async () => {
    const storage = new MemoryStorage(6_000); // far below what 40 connections need
    const { hub } = makeHub(storage);
    const docId = hub.hello(sender, hello);
    const acks: number[] = [];
    for (let i = 1; i <= 40; i++) hub.batch(4, docId, batch(i, i), (s) => acks.push(s));
    await hub.tick();
    for (let i = 0; i < 30 && acks.length === 0; i++) await hub.tick();
    expect(acks).toHaveLength(40);
    const rec = hub.recordingOf(4);
    expect(rec.dropped.connectionsEvicted).toBeGreaterThan(0);
    expect(rec.connections.length + rec.dropped.connectionsEvicted).toBe(40);
    expect(storage.totalBytes()).toBeLessThanOrEqual(6_000);
  });

  it('ignores batches from a port that never said hello', async () => {
    const { hub } = makeHub();
    hub.batch(4, 'nobody', batch(1, 1), () => undefined);
    await hub.tick();
    expect(hub.recordingOf(4).connections).toEqual([]);
  });

  it('records nothing for a paused site but still acknowledges', async () => {
    const { hub } = makeHub(undefined, { ...DEFAULT_SETTINGS, pausedSites: ['127.0.0.1'] });
    const docId = hub.hello(sender, hello);
    const acks: number[] = [];
    hub.batch(4, docId, batch(1, 1), (s) => acks.push(s));
    await hub.tick();
    expect(acks).toEqual([1]);
    expect(hub.recordingOf(4).connections).toEqual([]);
  });

  it('pushes a snapshot on subscribe and deltas after each tick', async () => {
    const { hub } = makeHub();
    const pushes: BackgroundPush[] = [];
    hub.addView({ tabId: 4, post: (m) => pushes.push(m) });
    const docId = hub.hello(sender, hello);
    hub.batch(4, docId, batch(1, 1), () => undefined);
    await hub.tick();
    expect(pushes.map((p) => p.type)).toEqual(['snapshot', 'delta']);
    const delta = pushes[1];
    expect(delta?.type === 'delta' && delta.delta.connections.map((c) => c.id)).toEqual(['4:0:DOC1:1']);
    hub.clear(4);
    await hub.tick();
    expect(pushes.at(-1)?.type).toBe('snapshot');
  });

  it('a cleared recording goes on naming the page the tab shows (the popup’s per-site switches read it)', async () => {
    const { hub, storage, advance } = makeHub();
    const docId = hub.hello(sender, hello);
    hub.batch(4, docId, batch(1, 1), () => undefined);
    advance(5000);
    hub.clear(4);
    const rec = hub.recordingOf(4);
    expect(rec.connections).toEqual([]);
    expect(rec.marks).toEqual([{ type: 'navigation', at: 6000, frameId: 0, documentId: docId, url: sender.url }]);
    await hub.tick();
    const reloaded = makeHub(storage).hub;
    await reloaded.load();
    expect(reloaded.recordingOf(4).marks).toEqual(rec.marks);
    // A tab whose page went away (nothing scripted shows now) names none.
    hub.documentGone(4, docId);
    hub.clear(4);
    expect(hub.recordingOf(4).marks).toEqual([]);
  });

  it('a new top document ends the old one and, without preserve log, starts a fresh recording', async () => {
    const { hub, settings } = makeHub();
    settings.preserveLog = false;
    const d1 = hub.hello(sender, hello);
    hub.batch(4, d1, { ...batch(1, 1), events: [batch(1, 1).events[0]!] }, () => undefined);
    hub.hello({ ...sender, documentId: 'DOC2', url: 'http://127.0.0.1/b' }, { ...hello, url: 'http://127.0.0.1/b' });
    const rec = hub.recordingOf(4);
    expect(rec.connections).toEqual([]);
    expect(rec.marks).toMatchObject([{ type: 'navigation', url: 'http://127.0.0.1/b' }]);
  });

  it.each([
    ['at the start its relay reports (heard later)', { startedAt: 700 }, 700],
    ['at the hello when no start is reported', {}, 1000],
    ['never after the hello', { startedAt: 1500 }, 1000],
    ['never further back than the window before the hello', { startedAt: -1e9 }, 1000 - HELLO_START_WINDOW_MS],
    ['at the hello for a document back from the back/forward cache', { startedAt: 700, restored: true }, 1000],
  ] as const)('marks a new top document’s navigation %s', (_name, fields, at) => {
    const { hub } = makeHub();
    const d1 = hub.hello(sender, { ...hello, startedAt: -1e9 });
    const restored = 'restored' in fields;
    if (restored) hub.documentGone(4, d1);
    else hub.batch(4, d1, { ...batch(1, 1), events: [{ ...batch(1, 1).events[0]!, at: 600 }] }, () => undefined);
    const d2 = hub.hello({ ...sender, documentId: restored ? 'DOC1' : 'DOC2' }, { ...hello, ...fields });
    const marks = hub.recordingOf(4).marks.filter((m) => m.type === 'navigation' && m.documentId === d2);
    expect(marks.at(-1)?.at).toBe(at);
    // The document it replaced ended then too (not when the worker heard of it), and not before its socket was made.
    const ended = Math.max(at, 600);
    if (!restored)
      expect(hub.recordingOf(4).connections[0]?.events).toMatchObject([{ type: 'ended-with-document', at: ended }]);
  });

  it('pushes a closure to open views before it is stored, and acknowledges only after storing', async () => {
    const { hub, storage } = makeHub();
    const pushes: BackgroundPush[] = [];
    hub.addView({ tabId: 4, post: (m) => pushes.push(m) });
    const docId = hub.hello(sender, hello);
    const acks: number[] = [];
    hub.batch(4, docId, batch(1, 1), (s) => acks.push(s));
    hub.pushNow();
    const delta = pushes.at(-1);
    expect(delta?.type === 'delta' && delta.delta.connections.map((c) => c.id)).toEqual(['4:0:DOC1:1']);
    expect(storage.writes).toBe(0);
    expect(acks).toEqual([]);
    await hub.tick();
    expect(acks).toEqual([1]);
    expect([...storage.data.keys()]).toContain('t4:c0');
    // The write does not push the same change again.
    expect(pushes.filter((p) => p.type === 'delta')).toHaveLength(1);
  });

  it('after a failed write, what was shown is stored on the retry or evicted in view of the user', async () => {
    const storage = new MemoryStorage();
    const { hub } = makeHub(storage);
    const pushes: BackgroundPush[] = [];
    hub.addView({ tabId: 4, post: (m) => pushes.push(m) });
    const docId = hub.hello(sender, hello);
    const acks: number[] = [];
    hub.batch(4, docId, batch(1, 1), (s) => acks.push(s));
    hub.pushNow();
    const realSet = storage.set.bind(storage);
    storage.set = async () => {
      throw new Error('transient');
    };
    await hub.tick();
    expect(acks).toEqual([]);
    storage.set = realSet;
    hub.batch(4, docId, batch(2, 2), (s) => acks.push(s));
    await hub.tick();
    expect(acks).toEqual([1, 2]);
    // A rejected write is taken for quota: a tenth of the largest recording (here the first
    // connection) makes room, is counted, and the views are told.
    const stored = (await new Persist(storage).load('0.1.0')).get(4)?.recording;
    expect(stored?.connections.map((c) => c.id)).toEqual(['4:0:DOC1:2']);
    expect(stored?.dropped.connectionsEvicted).toBe(1);
    const deltas = pushes.flatMap((p) => (p.type === 'delta' ? [p.delta] : []));
    expect(deltas.flatMap((d) => d.connections.map((c) => c.id))).toEqual(['4:0:DOC1:1', '4:0:DOC1:2']);
    expect(deltas.flatMap((d) => d.evicted)).toEqual(['4:0:DOC1:1']);
  });

  it('connections a write evicts for the storage budget leave the views too, with no later event', async () => {
    const storage = new MemoryStorage();
    const timers: (() => void)[] = [];
    const hub = new Hub({
      persist: new Persist(storage, 6_000),
      extensionVersion: '0.1.0',
      now: () => 2000,
      setTimer: (f: () => void) => void timers.push(f),
      settings: () => DEFAULT_SETTINGS,
    });
    // What an open panel holds: the snapshot, then each delta applied.
    let shown: string[] = [];
    let evicted = 0;
    hub.addView({
      tabId: 4,
      post: (m) => {
        if (m.type === 'snapshot') shown = m.recording.connections.map((c) => c.id);
        else if (m.type === 'delta') {
          const gone = new Set(m.delta.evicted);
          shown = [...shown.filter((id) => !gone.has(id)), ...m.delta.connections.map((c) => c.id)];
          shown = [...new Set(shown)];
          evicted = m.delta.dropped.connectionsEvicted;
        }
      },
    });
    const docId = hub.hello(sender, hello);
    for (let k = 1; k <= 30; k++) hub.batch(4, docId, batch(k, k), () => undefined);
    // Run every timer the hub sets, each after the writes before it settled, until it sets no more.
    for (let i = 0; i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const next = timers.shift();
      if (!next) break;
      next();
    }
    expect(timers).toEqual([]);
    const held = hub.recordingOf(4);
    expect(held.dropped.connectionsEvicted).toBeGreaterThan(0);
    const stored = (await new Persist(storage).load('0.1.0')).get(4)?.recording;
    expect(stored?.connections.map((c) => c.id)).toEqual(held.connections.map((c) => c.id));
    expect(shown).toEqual(held.connections.map((c) => c.id));
    expect(evicted).toBe(held.dropped.connectionsEvicted);
  });

  it('a batch applied while an earlier write is in flight is not stored as seen without its changes', async () => {
    const storage = new MemoryStorage();
    const { hub } = makeHub(storage);
    // storage.set answers when the test says: a long write, as under a burst.
    const realSet = storage.set.bind(storage);
    const held: (() => void)[] = [];
    storage.set = (items) => new Promise<void>((resolve) => held.push(() => resolve(realSet(items))));
    const answer = async () => {
      await vi.waitFor(() => expect(held).toHaveLength(1));
      held.shift()?.();
    };
    const docId = hub.hello(sender, hello);
    const socket = (k: number) => batch(0, k).events[0]!;
    // Five sockets fill storage chunk 0; the sixth opens chunk 1.
    const sockets: RelayBatch = { type: 'batch', seq: 1, events: [1, 2, 3, 4, 5].map(socket), dropped: {} };
    hub.batch(4, docId, sockets, () => undefined);
    const first = hub.tick(); // written, not yet answered
    hub.batch(4, docId, { ...batch(2, 1), events: [batch(2, 1).events[1]!] }, () => undefined); // closes k 1
    const second = hub.tick(); // drains batch 2, waits for the first write
    hub.batch(4, docId, { type: 'batch', seq: 3, events: [socket(6)], dropped: {} }, () => undefined);
    await answer();
    await first;
    await answer();
    await second;
    // The worker stops before its next tick; batch 3 was never acknowledged, so the relay sends it again.
    storage.set = realSet;
    const next = makeHub(storage).hub;
    await next.load();
    const again = next.hello(sender, hello);
    next.batch(4, again, { type: 'batch', seq: 3, events: [socket(6)], dropped: {} }, () => undefined);
    expect(next.recordingOf(4).connections.map((c) => c.id.split(':')[3])).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('a worker that dies after showing but before storing gets the batch again from the relay', async () => {
    const storage = new MemoryStorage();
    const first = makeHub(storage).hub;
    const docId = first.hello(sender, hello);
    first.batch(4, docId, batch(1, 1), () => undefined);
    first.pushNow(); // shown, never stored: the worker stops here
    const second = makeHub(storage).hub;
    await second.load();
    const pushes: BackgroundPush[] = [];
    second.addView({ tabId: 4, post: (m) => pushes.push(m) });
    const again = second.hello(sender, hello);
    const acks: number[] = [];
    second.batch(4, again, batch(1, 1), (s) => acks.push(s));
    await second.tick();
    expect(acks).toEqual([1]);
    const delta = pushes.at(-1);
    expect(delta?.type === 'delta' && delta.delta.connections.map((c) => c.id)).toEqual(['4:0:DOC1:1']);
    expect(second.recordingOf(4).connections.map((c) => c.id)).toEqual(['4:0:DOC1:1']);
  });

  describe('a document back from the back/forward cache', () => {
    const socketOnly = (seq: number, k: number): RelayBatch => ({
      ...batch(seq, k),
      events: [batch(seq, k).events[0]!],
    });
    const pagehide = (seq: number): RelayBatch => ({
      type: 'batch',
      seq,
      events: [{ t: 'life', at: 1500, state: 'pagehide' }],
      dropped: {},
    });
    const B = { ...sender, documentId: 'DOC2', url: 'http://127.0.0.1/b' };

    it.each([true, false])(
      'is the current document again, its sockets recorded (preserve log %s)',
      async (preserveLog) => {
        const { hub, settings } = makeHub();
        settings.preserveLog = preserveLog;
        const a = hub.hello(sender, hello);
        hub.batch(4, a, socketOnly(1, 1), () => undefined);
        hub.batch(4, a, pagehide(2), () => undefined); // A goes into the cache
        hub.hello(B, { ...hello, url: B.url }); // B is shown, then B goes too
        hub.batch(4, 'DOC2', pagehide(1), () => undefined);
        // Back: A's relay says hello again, restored, and goes on numbering its batches.
        expect(hub.hello(sender, { ...hello, restored: true })).toBe(a);
        hub.batch(4, a, batch(3, 2), () => undefined);
        const rec = hub.recordingOf(4);
        expect(rec.connections.map((c) => c.id)).toEqual(preserveLog ? ['4:0:DOC1:1', '4:0:DOC1:2'] : ['4:0:DOC1:2']);
        expect(
          rec.marks
            .filter((m) => m.type === 'navigation')
            .map((m) => m.url)
            .at(-1),
        ).toBe(sender.url);
        // A batch number it already used is still taken as a re-send.
        hub.batch(4, a, socketOnly(3, 9), () => undefined);
        expect(hub.recordingOf(4).connections.some((c) => c.id.endsWith(':9'))).toBe(false);
      },
    );

    it("a gone document's hello that does not say it was restored (a late re-send) ends nothing", async () => {
      const { hub, settings } = makeHub();
      settings.preserveLog = true;
      const a = hub.hello(sender, hello);
      hub.batch(4, a, pagehide(1), () => undefined);
      const b = hub.hello(B, { ...hello, url: B.url });
      hub.batch(4, b, batch(1, 5), () => undefined);
      hub.hello(sender, hello); // A's relay re-sends to a restarted worker
      const rec = hub.recordingOf(4);
      expect(rec.connections.find((c) => c.id === '4:0:DOC2:5')?.events.map((e) => e.type)).toEqual(['close']);
      expect(rec.marks.filter((m) => m.type === 'navigation')).toHaveLength(2);
    });
  });
});
