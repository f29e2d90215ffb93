import { describe, expect, it } from 'vitest';
import { TabRecording, TAB_LIMITS, type DocInfo } from './tab-recording';
import type { RelayEvent } from '../protocol/messages';

const counters = { sentMessages: 3, sentSize: 30, receivedMessages: 4, receivedSize: 40 };
const doc = (): DocInfo => ({ frameId: 0, url: 'http://127.0.0.1/', isTop: true, lastSeq: 0, gone: false });
const sock = (k: number, at = k): RelayEvent => ({
  t: 'socket',
  k,
  api: 'WebSocket',
  url: `ws://127.0.0.1/${k}`,
  protocols: [],
  at,
  stack: '',
});

describe('TabRecording.apply', () => {
  it('builds a connection from the events, with an id minted from tab, frame, document and k', () => {
    const t = new TabRecording(7, '0.1.0', 0);
    const d = doc();
    t.docs.D = d;
    for (const ev of [
      sock(1),
      { t: 'open', k: 1, at: 2, protocol: 'p', extensions: '' },
      { t: 'close-call', k: 1, at: 3, code: 4000, reason: 'bye', readyState: 1, stack: 's' },
      { t: 'close', k: 1, at: 4, code: 4000, reason: 'bye', wasClean: true, counters },
    ] as RelayEvent[])
      t.apply('D', d, ev);
    const [c] = t.recording.connections;
    expect(c?.id).toBe('7:0:D:1');
    expect(c?.events.map((e) => e.type)).toEqual(['open', 'close-call', 'close']);
    expect(c?.counters).toEqual(counters);
  });

  it.each<[string, RelayEvent[], [string, number][]]>([
    [
      // Forged (a page can reach a fresh frame's hook port in its first instant): a close before the
      // socket was made would make the socket its own reconnect in every analysis of the recording.
      'a close dated before the socket was made is held to its creation',
      [{ t: 'close', k: 1, at: 40, code: 1006, reason: '', wasClean: false, counters }],
      [['close', 100]],
    ],
    [
      'an event dated before the one before it is held to it',
      [
        { t: 'open', k: 1, at: 150, protocol: '', extensions: '' },
        { t: 'close', k: 1, at: 120, code: 1000, reason: '', wasClean: true, counters },
      ],
      [
        ['open', 150],
        ['close', 150],
      ],
    ],
    [
      "the page's real events, in order, keep their times",
      [
        { t: 'open', k: 1, at: 100, protocol: '', extensions: '' },
        { t: 'error', k: 1, at: 130 },
        { t: 'close', k: 1, at: 131, code: 1006, reason: '', wasClean: false, counters },
      ],
      [
        ['open', 100],
        ['error', 130],
        ['close', 131],
      ],
    ],
  ])('%s', (_name, events, want) => {
    const t = new TabRecording(1, '0.1.0', 0);
    const d = doc();
    t.docs.D = d;
    t.apply('D', d, sock(1, 100));
    for (const ev of events) t.apply('D', d, ev);
    expect(t.recording.connections[0]!.events.map((e) => [e.type, e.at])).toEqual(want);
  });

  it('ignores events for unknown connections (their creation was dropped and counted)', () => {
    const t = new TabRecording(1, '0.1.0', 0);
    t.apply('D', doc(), { t: 'error', k: 9, at: 1 });
    expect(t.recording.connections).toEqual([]);
  });

  it('closes out open sockets when their document goes away, and a late close replaces the inference', () => {
    const t = new TabRecording(1, '0.1.0', 0);
    const d = doc();
    t.docs.D = d;
    t.apply('D', d, sock(1));
    t.apply('D', d, sock(2));
    t.apply('D', d, { t: 'close', k: 2, at: 5, code: 1000, reason: '', wasClean: true, counters });
    t.apply('D', d, { t: 'life', at: 10, state: 'pagehide' });
    const [a, b] = t.recording.connections;
    expect(a?.events).toEqual([{ type: 'ended-with-document', at: 10, cause: 'pagehide' }]);
    expect(b?.events.map((e) => e.type)).toEqual(['close']);
    expect(t.docs.D?.gone).toBe(true);
    t.apply('D', d, { t: 'close', k: 1, at: 11, code: 1001, reason: '', wasClean: true, counters });
    expect(a?.events.map((e) => e.type)).toEqual(['close']);
  });

  it('keeps connections ordered by creation time even when events arrive out of order', () => {
    const t = new TabRecording(1, '0.1.0', 0);
    const d = doc();
    t.apply('D', d, sock(1, 30));
    t.apply('E', { ...d, frameId: 3 }, sock(1, 10));
    t.apply('D', d, sock(2, 20));
    expect(t.recording.connections.map((c) => c.createdAt)).toEqual([10, 20, 30]);
  });

  it('evicts the oldest connections past the per-tab bound, closed ones first, counting them', () => {
    const t = new TabRecording(1, '0.1.0', 0);
    const d = doc();
    for (let k = 1; k <= TAB_LIMITS.connections + 1; k++) t.apply('D', d, sock(k));
    const dropped = t.recording.dropped.connectionsEvicted;
    expect(dropped).toBeGreaterThan(0);
    expect(t.recording.connections.length + dropped).toBe(TAB_LIMITS.connections + 1);
    expect(t.recording.connections[0]?.id).toBe(`1:0:D:${dropped + 1}`);
    const log = t.drain();
    expect(log.evicted).toHaveLength(dropped);
  });

  it('prefers evicting closed connections over open ones', () => {
    const t = new TabRecording(1, '0.1.0', 0);
    const d = doc();
    t.apply('D', d, sock(1));
    t.apply('D', d, sock(2));
    t.apply('D', d, { t: 'close', k: 2, at: 3, code: 1000, reason: '', wasClean: true, counters });
    t.evictOldest(1);
    expect(t.recording.connections.map((c) => c.id)).toEqual(['1:0:D:1']);
  });

  it('bounds marks and counts the evicted ones', () => {
    const t = new TabRecording(1, '0.1.0', 0);
    for (let i = 0; i < TAB_LIMITS.marks + 5; i++)
      t.addMark({ type: 'lifecycle', at: i, frameId: 0, documentId: 'D', state: 'hidden' });
    expect(t.recording.marks).toHaveLength(TAB_LIMITS.marks);
    expect(t.recording.dropped.marksEvicted).toBe(5);
  });

  it('adds only valid dropped deltas', () => {
    const t = new TabRecording(1, '0.1.0', 0);
    t.addDropped({ eventsRejected: 2, connectionsRateLimited: -5, fieldsTruncated: 1.5, nonsense: 4 } as never);
    expect(t.recording.dropped.eventsRejected).toBe(2);
    expect(t.recording.dropped.connectionsRateLimited).toBe(0);
    expect(t.recording.dropped.fieldsTruncated).toBe(0);
  });
});

describe("TabRecording: a pagehide's persisted", () => {
  it.each<[string, boolean | undefined]>([
    ['unloaded for good', false],
    ['into the back/forward cache', true],
    ['from a relay that sends none', undefined],
  ])('a pagehide %s becomes a mark with the same persisted', (_name, persisted) => {
    const t = new TabRecording(1, '0.1.0', 0);
    const d = doc();
    t.docs.D = d;
    t.apply('D', d, { t: 'life', at: 10, state: 'pagehide', ...(persisted !== undefined && { persisted }) });
    const base = { type: 'lifecycle', at: 10, frameId: 0, documentId: 'D', state: 'pagehide' };
    expect(t.recording.marks).toStrictEqual([persisted === undefined ? base : { ...base, persisted }]);
  });
});

describe('TabRecording: a socket that failed without a close event', () => {
  const setup = () => {
    const t = new TabRecording(7, '0.1.0', 0);
    const d = doc();
    t.docs.D = d;
    const batch = (events: RelayEvent[]) => {
      for (const ev of events) t.apply('D', d, ev);
      t.endFailedSockets();
    };
    const events = () => t.recording.connections.map((c) => c.events);
    return { t, batch, events };
  };
  const close = (k: number, at: number, code = 1006): RelayEvent => ({
    t: 'close',
    k,
    at,
    code,
    reason: '',
    wasClean: false,
    counters,
  });

  it('ends at its error with an inferred 1006 when its batch brought no close event', () => {
    const { batch, events } = setup();
    batch([sock(1, 10), { t: 'error', k: 1, at: 12 }]);
    expect(events()).toEqual([
      [
        { type: 'error', at: 12 },
        { type: 'close', at: 12, code: 1006, reason: '', wasClean: false, inferred: true },
      ],
    ]);
  });

  it('is left alone when the close event came with the error, or the error was simulated', () => {
    const { batch, events } = setup();
    batch([sock(1, 10), { t: 'error', k: 1, at: 12 }, close(1, 12)]);
    batch([sock(2, 20), { t: 'error', k: 2, at: 22, sim: true }]);
    expect(events().map((e) => e.map((x) => [x.type, 'inferred' in x]))).toEqual([
      [
        ['error', false],
        ['close', false],
      ],
      [['error', false]],
    ]);
  });

  it('has its inference replaced by a close event that came in a later batch', () => {
    const { batch, events } = setup();
    batch([sock(1, 10), { t: 'error', k: 1, at: 12 }]);
    batch([close(1, 13, 1015)]);
    expect(events()[0]?.map((e) => [e.type, e.type === 'close' ? [e.code, e.inferred] : undefined])).toEqual([
      ['error', undefined],
      ['close', [1015, undefined]],
    ]);
  });

  it('did not end with its document when the document went in the same batch', () => {
    const { batch, events } = setup();
    batch([sock(1, 10), { t: 'error', k: 1, at: 12 }, { t: 'life', at: 15, state: 'pagehide', persisted: false }]);
    expect(events()[0]?.map((e) => e.type)).toEqual(['error', 'close']);
  });
});
