// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptyCounters, endOf, endpointOf, type Connection, type SocketEvent } from '../protocol/recording';
import { seededRandom } from '../test-support/seeded-random';
import { judgeStalls, type StallResult } from './stall';

const T = 1_700_000_000_000;

function conn(id: string, createdAt: number, events: SocketEvent[], url: string, documentId: string): Connection {
  const base = { api: 'WebSocket' as const, protocols: [], frameId: 0, frameUrl: 'https://a.example/', stack: '' };
  return { id, ...base, url, documentId, createdAt, events, counters: emptyCounters() };
}

/**
 * What a stall's judgement reads, found as the first version found it: a scan of the socket's events and of
 * every socket per stall. The judgement's other steps are the same code; these are what the indexes answer.
 */
function reference(c: Connection, all: readonly Connection[], now: number) {
  return c.events
    .filter((e) => e.type === 'stall')
    .map((start) => {
      const endEv = c.events.find((e) => e.type === 'stall-end' && e.at >= start.at);
      const closedAt = endOf(c)?.at;
      const seconds = start.type === 'stall' ? start.seconds : 0;
      const plannedEnd = start.at + seconds * 1000;
      const end =
        endEv?.at ??
        (closedAt !== undefined && closedAt >= start.at ? closedAt : now >= plannedEnd ? plannedEnd : undefined);
      const to = end ?? now;
      let best: { at: number; how: string } | undefined;
      for (const e of c.events) {
        if (e.type === 'close-call' && e.at >= start.at && e.at <= to) {
          best = { at: e.at, how: 'closed' };
          break;
        }
      }
      const ep = endpointOf(c.url);
      for (const o of all) {
        if (o.id === c.id || o.documentId !== c.documentId || o.createdAt < start.at || o.createdAt > to) continue;
        if (endpointOf(o.url) === ep && (!best || o.createdAt < best.at)) best = { at: o.createdAt, how: 'replaced' };
      }
      return { startedAt: start.at, end, best };
    });
}

/** The same facts read back from a judgement. */
function shown(r: StallResult) {
  return {
    startedAt: r.startedAt,
    best: r.state === 'noticed' ? { at: r.startedAt + r.noticedAfterS! * 1000, how: r.how } : undefined,
    watched: r.watchedS,
  };
}

describe('judging stalls', () => {
  // Events in any order (a file need not keep it), same-millisecond sockets, several documents and endpoints.
  it('finds what a scan of every event and socket finds, over seeded random recordings', () => {
    const seen = new Set<string>();
    const types = ['stall', 'stall-end', 'close-call', 'close', 'ended-with-document', 'error'] as const;
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = seededRandom(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
      const at = () => T + Math.floor(rnd() * 40) * 1000;
      const all: Connection[] = [];
      for (let i = 0; i < 1 + Math.floor(rnd() * 12); i++) {
        const events: SocketEvent[] = [];
        for (let j = 0; j < Math.floor(rnd() * 14); j++) {
          const type = pick(types);
          const t = at();
          if (type === 'stall') events.push({ type, at: t, seconds: 1 + Math.floor(rnd() * 20), simulated: true });
          else if (type === 'stall-end')
            events.push({ type, at: t, outcome: 'delivered', heldIn: 0, heldOut: 0, simulated: true });
          else if (type === 'close-call') events.push({ type, at: t, readyState: 1, stack: '' });
          else if (type === 'close') events.push({ type, at: t, code: 1000, reason: '', wasClean: true });
          else if (type === 'ended-with-document') events.push({ type, at: t, cause: 'pagehide' });
          else events.push({ type, at: t });
        }
        const url = pick(['wss://a.example/ws', 'wss://a.example/ws?x=1', 'wss://b.example/ws']);
        all.push(conn(`c${i % 9}`, at(), events, url, pick(['d1', 'd2'])));
      }
      const now = T + Math.floor(rnd() * 60) * 1000;
      for (const c of all) {
        const want = reference(c, all, now);
        const got = judgeStalls(c, all, now);
        for (const r of got) seen.add(r.how ?? r.state);
        expect(got.map(shown)).toEqual(
          want.map((w) => ({
            startedAt: w.startedAt,
            best: w.best,
            watched: w.best || w.end === undefined ? undefined : (w.end - w.startedAt) / 1000,
          })),
        );
      }
    }
    // Every kind of answer came up, so the comparison covered each.
    expect([...seen].sort()).toEqual(['closed', 'not-noticed', 'replaced', 'running']);
  });

  // An imported file may hold thousands of stalls and thousands of sockets, each within the import's bounds:
  // judging each stall by a scan of every event and socket took minutes for such a file, the panel frozen.
  it('reads each socket and event a bounded number of times, however many stalls there are', () => {
    let reads = 0;
    const counted = <T extends object>(o: T, key: keyof T): T => {
      const value = o[key];
      return Object.defineProperty(o, key, { get: () => (reads++, value), enumerable: true });
    };
    const stalls = 1000;
    const events: SocketEvent[] = [];
    for (let i = 0; i < stalls; i++) {
      events.push(counted({ type: 'stall', at: T + i * 10, seconds: 5, simulated: true }, 'type'));
      events.push(counted({ type: 'close-call', at: T + 1e9 + i, readyState: 1, stack: '' }, 'type'));
    }
    const all = [conn('s', T, events, 'wss://a.example/ws', 'd1')];
    for (let i = 0; i < 2000; i++)
      all.push(counted(conn(`o${i}`, T + 1e9 + i, [], 'wss://a.example/ws', 'd1'), 'createdAt'));
    const results = judgeStalls(all[0]!, all, T + 2e9);
    expect(results).toHaveLength(stalls);
    expect(results.every((r) => r.state === 'not-noticed')).toBe(true);
    // A scan per stall read them 12,002,000 times here.
    expect(reads).toBeLessThan(20 * (events.length + all.length));
  });
});
