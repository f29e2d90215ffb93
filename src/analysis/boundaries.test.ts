/**
 * Every time threshold that takes the 0.05 s tolerance (docs/verdicts.md,
 * "Tolerance"), 1 ms either side of where it flips, and the growth ratio, which
 * takes none.
 */
import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './index';
import { chain, conn, recordingOf, T0, type ChainSpec } from './test-fixtures';
import type { Verdict } from './types';

function judge(spec: ChainSpec, tailMs?: number): Verdict {
  const c = chain({ ...spec, ...(tailMs !== undefined && { tailMs }) });
  const v = analyzeRecording(c.recording, { now: c.now }).verdictByClosure[c.triggerId];
  if (!v) throw new Error('no verdict');
  return v;
}

/** Every rule that holds: the verdict's and those beside it. */
const rules = (v: Verdict) => [v.rule, ...(v.also ?? []).map((a) => a.rule)];
const flat = (n: number, d: number) => Array.from({ length: n }, () => d);

describe.each<[string, number, (x: number) => ChainSpec, string, string]>([
  // [threshold, edge (s), spec for a value x, the verdict's rule just below the edge, just above]
  ['1012: first wait ≥ 1 s', 0.95, (x) => ({ code: 1012, delays: [x] }), 'restart.too-soon', 'restart.fits'],
  ['1012: first wait ≤ 5 s', 5.05, (x) => ({ code: 1012, delays: [x] }), 'restart.fits', 'restart.slow'],
  ['1013: first wait ≥ 0.5 s', 0.45, (x) => ({ code: 1013, delays: [x] }), 'overload.too-soon', 'overload.not-judged'],
  // d_1 = 1.4 s keeps the 1.5 · d_1 growth bound (2.1 s) out of the way of the 2 s bound; slow growth holds either way.
  [
    'no backoff: E_5 < 2 s',
    1.95,
    (x) => ({ code: 1013, delays: [1.4, 1.4, 1.4, 1.4, x], lastHolds: false }),
    'overload.no-backoff',
    'overload.slow-growth',
  ],
  [
    'slow growth: E_4 < 0.25 · 2^3 = 2 s',
    1.95,
    (x) => ({ code: 1013, delays: flat(4, x), lastHolds: false }),
    'overload.slow-growth',
    'overload.fits',
  ],
  [
    'low cap: E_6 < 10 s',
    9.95,
    (x) => ({ code: 1013, delays: flat(6, x), lastHolds: false }),
    'overload.low-cap',
    'overload.fits',
  ],
  // From k = 7 the doubling line (16 s) is above the 10 s ceiling: the ceiling decides (the low cap holds beside it).
  [
    'slow growth: E_k < 10 s',
    9.95,
    (x) => ({ code: 1013, delays: flat(7, x), lastHolds: false }),
    'overload.slow-growth',
    'overload.fits',
  ],
  // Five attempts: a1 at 0, then 0.45 s, 0.9 s, 1.35 s (0.4 s waits after 50 ms failures), a5 at 1.4 s + x.
  [
    'storm: 5 attempts within 2 s',
    0.55,
    (x) => ({ code: 1006, delays: [0, 0.4, 0.4, 0.4, x], failMs: 50 }),
    'storm',
    'app-choice.slow-growth',
  ],
  [
    'link window: an attempt within 60 s',
    60.05,
    (x) => ({ code: 1012, delays: [x] }),
    'restart.slow',
    'restart.no-reconnect',
  ],
  [
    'blind retry: the same request within 60 s',
    59.95,
    (x) => ({ code: 1008, delays: [x] }),
    'terminal.blind-retry',
    'terminal.no-retry',
  ],
])('%s (edge %f s)', (_name, edge, spec, below, above) => {
  it(`${below} 1 ms below the edge, ${above} 1 ms above`, () => {
    const lo = judge(spec(edge - 0.001));
    const hi = judge(spec(edge + 0.001));
    expect(lo.rule).toBe(below);
    expect(hi.rule).toBe(above);
    // The finding that flips is gone on the other side, not merely outranked.
    expect(rules(hi)).not.toContain(below);
  });
});

describe('the 60 s of silence before "no reconnect"', () => {
  it.each([
    [60_050, 'pending'],
    [60_051, 'problem'],
  ])('%i ms after a 1012 with no attempt → %s', (tailMs, level) => {
    expect(judge({ code: 1012, delays: [] }, tailMs).level).toBe(level);
  });
});

describe('recovered: a connection open 10 s ends the episode', () => {
  /** A 1013, an attempt after 1 s that opens and closes (1006) after `openMs`, then another 2 s later. */
  function delaysOfTrigger(openMs: number): number[] {
    const closedAt = T0 + 60_000;
    const a1 = T0 + 61_000;
    const r = recordingOf([
      conn({ id: 't', createdAt: T0, openAfter: 10, closeAfter: 60_000, code: 1013 }),
      conn({ id: 'a1', createdAt: a1, openAfter: 20, closeAfter: 20 + openMs, code: 1006 }),
      conn({ id: 'a2', createdAt: a1 + 20 + openMs + 2_000, openAfter: 20 }),
    ]);
    expect(closedAt).toBeLessThan(a1);
    const a = analyzeRecording(r, { now: a1 + 100_000 });
    return a.episodes.find((e) => e.triggerId === 't')?.delaysS ?? [];
  }

  it.each([
    [9_949, [1, 2]],
    [9_951, [1]],
  ])('open %i ms: the episode of the trigger has waits %j', (openMs, delays) => {
    expect(delaysOfTrigger(openMs)).toEqual(delays);
  });
});

describe('the growth bound is a ratio: no tolerance', () => {
  it.each([
    [1.5, 'overload.no-backoff'],
    [1.501, 'overload.slow-growth'],
  ])('d_5 = %f s after four 1 s waits → %s', (d5, rule) => {
    expect(judge({ code: 1013, delays: [1, 1, 1, 1, d5], lastHolds: false }).rule).toBe(rule);
  });

  it('the floor: after a 0.1 s first wait, waits up to 0.375 s are not growth', () => {
    expect(judge({ code: 1006, delays: [0.1, 0.375, 0.375, 0.375, 0.375], failMs: 600, lastHolds: false }).rule).toBe(
      'app-choice.no-backoff',
    );
    expect(judge({ code: 1006, delays: [0.1, 0.375, 0.375, 0.375, 0.376], failMs: 600, lastHolds: false }).rule).toBe(
      'app-choice.slow-growth',
    );
  });
});
