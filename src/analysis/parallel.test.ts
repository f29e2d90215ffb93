// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyzeRecording, createAnalyzer } from './index';
import { addParallelAttempts } from './parallel';
import type { EpisodeFacts } from './episodes';
import type { ClosureFacts } from './classify';
import { conn, recordingOf, T0 } from './test-fixtures';
import type { Connection } from '../protocol/recording';

/** The trigger: open a minute, then closed by the server with `code`, at CLOSE. */
const CLOSE = T0 + 60_000;
const trigger = (code: number, id = 't', url?: string) =>
  conn({ id, createdAt: T0, openAfter: 10, closeAfter: CLOSE - T0, code, ...(url && { url }) });
/** A socket created `afterMs` after CLOSE that fails its handshake `failMs` later (or stays open). */
const attempt = (id: string, afterMs: number, failMs?: number, url?: string) =>
  conn({
    id,
    createdAt: CLOSE + afterMs,
    ...(failMs === undefined ? { openAfter: 20 } : { closeAfter: failMs, error: true }),
    ...(url && { url }),
  });

const analyse = (connections: Connection[], now = CLOSE + 120_000) =>
  analyzeRecording(recordingOf(connections), { now });

describe('sockets opened beside the reconnect chain count towards a storm', () => {
  it.each<[string, Connection[], string, { id: string; subs: string[]; plural: true }?]>([
    [
      'six sockets at once after one failure (only the first answers the closure)',
      [trigger(1006), ...[0, 1, 2, 3, 4, 5].map((i) => attempt(`p${i}`, 10 + i, 100))],
      'storm',
      { id: 'verdict_storm_parallel', subs: ['6', '0.01 s', '5', '2', '5'], plural: true },
    ],
    [
      'a reconnect that runs twice per failure: two sockets each time, the chain alone holds three',
      [
        trigger(1013),
        attempt('a1', 100, 50),
        attempt('b1', 101, 50),
        attempt('a2', 300, 50),
        attempt('b2', 301, 50),
        attempt('a3', 500),
        attempt('b3', 501),
      ],
      'storm',
      // b1 beside the chain, and b2 and b3, the attempts of b1's own episode.
      { id: 'verdict_storm_parallel', subs: ['6', '0.40 s', '5', '2', '3'], plural: true },
    ],
    [
      'the same with one socket each time: three quick attempts are no storm',
      [trigger(1013), attempt('a1', 100, 50), attempt('a2', 300, 50), attempt('a3', 500)],
      'overload.too-soon',
    ],
    [
      'four beside one attempt, all but the last within 2 s of the first: four in the window, no storm',
      [
        trigger(1006),
        attempt('a1', 0, 100),
        attempt('p1', 10),
        attempt('p2', 20),
        attempt('p3', 30),
        attempt('p4', 2_100),
      ],
      'app-choice.not-judged',
    ],
    [
      // Times in a file are whole milliseconds: a tight loop of refused handshakes can make and lose several
      // sockets in one. The trigger is the chain's own, never a socket opened beside it.
      'a loop whose sockets all fail in the millisecond they were made: five attempts, none beside the chain',
      ['t', 'a1', 'a2', 'a3', 'a4', 'a5'].map((id) => conn({ id, createdAt: CLOSE, closeAfter: 0, error: true })),
      'storm',
      { id: 'verdict_storm', subs: ['5', '0.00 s', '5', '2'], plural: true },
    ],
    [
      'the same with three attempts: no storm, and no socket counted twice',
      ['t', 'a1', 'a2', 'a3'].map((id) => conn({ id, createdAt: CLOSE, closeAfter: 0, error: true })),
      'app-choice.fits',
    ],
  ])('%s → %s', (_name, connections, rule, text) => {
    const v = analyse(connections).verdictByClosure['t'];
    expect(v?.rule).toBe(rule);
    if (text) expect(v?.text).toEqual(text);
  });

  it('a storm of the chain alone keeps the plain sentence', () => {
    const loop = [0, 1, 2, 3, 4].map((i) => attempt(`a${i}`, i * 100, 50));
    expect(analyse([trigger(1006), ...loop]).verdictByClosure['t']?.text).toEqual({
      id: 'verdict_storm',
      subs: ['5', '0.40 s', '5', '2'],
      plural: true,
    });
  });

  it('five sockets closed by one restart, each reconnected once: no storm (each attempt answers its own closure)', () => {
    const ids = ['s1', 's2', 's3', 's4', 's5'];
    const closed = ids.map((id) => trigger(1012, id));
    const again = ids.map((id, i) => attempt(`${id}-again`, 2_000 + i));
    const a = analyse([...closed, ...again]);
    for (const id of ids) expect(a.verdictByClosure[id]?.rule).toBe('restart.fits');
  });

  it('sockets the page opened before the closure are not attempts of it', () => {
    // Five channels opened at load, still open; one other socket to the endpoint restarts and reconnects.
    const channels = [1, 2, 3, 4, 5].map((i) => conn({ id: `c${i}`, createdAt: CLOSE - 30_000 + i, openAfter: 5 }));
    const v = analyse([trigger(1012), ...channels, attempt('r', 2_000)]).verdictByClosure['t'];
    expect(v?.rule).toBe('restart.fits');
  });

  it('counts only the endpoint of the episode (and of an attempt that moved), not other endpoints', () => {
    const other = 'wss://other.example.com/feed';
    const elsewhere = [1, 2, 3, 4, 5].map((i) => attempt(`o${i}`, 10 + i, undefined, other));
    const v = analyse([trigger(1012), attempt('r', 2_000), ...elsewhere]).verdictByClosure['t'];
    expect(v?.rule).toBe('restart.fits');
  });

  it('a live analyzer re-judges an episode when sockets open beside it later', () => {
    const analyze = createAnalyzer();
    const base = [trigger(1006), attempt('a1', 10, 100)];
    const extra = [1, 2, 3, 4].map((i) => attempt(`p${i}`, 10 + i, 100));
    const now = CLOSE + 120_000;
    const before = recordingOf(base);
    expect(analyze(before, { now }).verdictByClosure['t']?.rule).not.toBe('storm');
    // A delta as the background sends it: the same marks, the same objects for the connections it kept.
    const after = { ...before, connections: [...before.connections, ...extra] };
    const live = analyze(after, { now });
    expect(live.verdictByClosure['t']?.rule).toBe('storm');
    expect(live).toStrictEqual(analyzeRecording(after, { now }));
  });

  it('never makes a socket closed in the millisecond it was made a parallel attempt of its own episode', () => {
    const closure = (id: string, closedAt: number) => ({ connectionId: id, closedAt }) as ClosureFacts;
    const episode = (id: string, closedAt: number) =>
      ({ trigger: closure(id, closedAt), failed: [], attempts: [], parallel: [] }) as unknown as EpisodeFacts;
    const earlier = episode('t', CLOSE);
    const own = episode('u', CLOSE + 10);
    const u = conn({ id: 'u', createdAt: CLOSE + 10, closeAfter: 0, error: true });
    addParallelAttempts(
      [earlier, own],
      new Map([['e', { unclaimed: [u], closures: [closure('t', CLOSE), closure('u', CLOSE + 10)] }]]),
      60_050,
    );
    expect(own.parallel).toEqual([]);
    expect(earlier.parallel).toEqual([u]);
  });
});
