/**
 * The reference table of docs/verdicts.md under the default profile, each shape
 * across 1,000 seeded jitter draws. Where the verdict depends on the draw, the
 * expectation is computed here, independently, from the draw's actual delays
 * with the literal numbers of docs/verdicts.md (not the profile constants), so a
 * wrong constant in the profile fails too.
 */
import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './index';
import { chain, seededRandom } from './test-fixtures';

const TOL = 0.05;
const DRAWS = 1000;

type Rng = () => number;
const between = (r: Rng, lo: number, hi: number) => lo + (hi - lo) * r();
const intBetween = (r: Rng, lo: number, hi: number) => Math.floor(between(r, lo, hi + 1));
/** Timer noise of a few ms, inside the tolerance. */
const noise = (r: Rng) => between(r, -0.04, 0.04);

/** Each shape draws n delays. */
const SHAPES: Record<string, (r: Rng, n: number) => number[]> = {
  'constant 1 s': (r, n) => Array.from({ length: n }, () => 1 + noise(r)),
  '×1.3 growth from random 1–5 s start, cap 10 s': (r, n) => {
    const start = between(r, 1, 5);
    return Array.from({ length: n }, (_, i) => Math.min(10, start * 1.3 ** i));
  },
  '1 s doubling ±50 %, cap 5 s': (r, n) =>
    Array.from({ length: n }, (_, i) => Math.min(5, 2 ** i) * between(r, 0.5, 1.5)),
  '2^k s + 0.3–3 s jitter': (r, n) => Array.from({ length: n }, (_, i) => 2 ** i + between(r, 0.3, 3)),
  'full jitter: 0.5 s + random(0, 0.5 · 2^(k−1))': (r, n) =>
    Array.from({ length: n }, (_, i) => 0.5 + between(r, 0, 0.5 * 2 ** i)),
};

interface Expect {
  rule: string;
  level: string;
}

/** The backoff checks, written from docs/verdicts.md: every finding that holds, in check order. */
function backoffOracle(prefix: string, d: number[], noBackoffLevel: string): Expect[] {
  const n = d.length;
  if (n < 3) return [{ rule: `${prefix}.not-judged`, level: 'info' }];
  const d1 = d[0]!;
  let e = 0;
  let noBackoff = false;
  let slow = false;
  d.forEach((dk, i) => {
    const k = i + 1;
    e = Math.max(e, dk);
    // Five or more waits, never one of 2 s, none of d_2 … d_k past 1.5 · max(d_1, 0.25 s) (a ratio: no tolerance).
    const flat = d.slice(1, k).every((x) => x <= 1.5 * Math.max(d1, 0.25));
    if (k >= 5 && e + TOL < 2 && flat) noBackoff = true;
    if (k >= 4 && e + TOL < 0.25 * 2 ** (k - 1) && e + TOL < 10) slow = true;
  });
  const found: Expect[] = [];
  if (noBackoff) found.push({ rule: `${prefix}.no-backoff`, level: noBackoffLevel });
  if (slow) found.push({ rule: `${prefix}.slow-growth`, level: 'advice' });
  if (n >= 6 && e + TOL < 10) found.push({ rule: `${prefix}.low-cap`, level: 'advice' });
  return found.length > 0 ? found : [{ rule: `${prefix}.fits`, level: 'fits' }];
}

const RANK: Record<string, number> = { problem: 5, advice: 4, inconclusive: 3, fits: 1, info: 0 };

/** Findings, most severe first; the first is the verdict, the problems and advice after it are "also". */
const ORACLES: Record<number, (d: number[]) => Expect[]> = {
  // The 1012 column: the first reconnect succeeds, so only d1 is judged.
  1012: ([d1]) => {
    if (d1! + TOL < 1) return [{ rule: 'restart.too-soon', level: 'problem' }];
    if (d1! - TOL > 5) return [{ rule: 'restart.slow', level: 'advice' }];
    return [{ rule: 'restart.fits', level: 'fits' }];
  },
  1013: (d) => {
    const found = backoffOracle('overload', d, 'problem');
    if (d[0]! + TOL < 0.5) found.push({ rule: 'overload.too-soon', level: 'problem' });
    const judged = found.some((f) => RANK[f.level]! >= RANK.inconclusive!)
      ? found.filter((f) => RANK[f.level]! >= RANK.inconclusive!)
      : found;
    return judged.sort((a, b) => RANK[b.level]! - RANK[a.level]!);
  },
  1008: () => [{ rule: 'terminal.blind-retry', level: 'problem' }],
  1006: (d) => backoffOracle('app-choice', d, 'advice'),
};

/** Delays per code: 1012 sees one (successful) reconnect; the others a run of 1–8 attempts. */
const countFor = (code: number, r: Rng) => (code === 1012 ? 1 : intBetween(r, 1, 8));

describe.each([1012, 1013, 1008, 1006])('reference shapes after %i (default profile)', (code) => {
  it.each(Object.keys(SHAPES))('%s: every draw gets the verdict its delays earn', (shape) => {
    const r = seededRandom(code * 7919 + shape.length);
    const seen = new Set<string>();
    for (let draw = 0; draw < DRAWS; draw++) {
      let delays = SHAPES[shape]!(r, countFor(code, r));
      // Past the 60 s link window the wait is no longer a reconnect: keep draws inside it.
      // Whole milliseconds, as timers deliver them, so the recorded delays are exactly the drawn ones.
      delays = delays.filter((d) => d < 60).map((d) => Math.round(d * 1000) / 1000);
      const { recording, now } = chain({ code, delays });
      const v = analyzeRecording(recording, { now }).verdictByClosure['t'];
      const [want, ...also] = ORACLES[code]!(delays);
      expect({ draw, delays, rule: v?.rule, level: v?.level }).toEqual({ draw, delays, ...want });
      expect((v?.also ?? []).map((a) => ({ rule: a.rule, level: a.level }))).toEqual(also);
      expect(v?.observedDelays).toEqual(delays);
      for (const f of [want!, ...also]) seen.add(f.rule);
    }
    // The draws must reach every outcome the table names for the shape, and no other
    // (outcomes the table calls rare may or may not turn up in 1,000 draws).
    const rare = RARE_OUTCOMES[code]?.[shape] ?? [];
    expect([...seen].filter((o) => !rare.includes(o)).sort()).toEqual(TABLE_OUTCOMES[code]![shape]!.sort());
  });

  it('0 ms loop: storm', () => {
    const r = seededRandom(code);
    for (let draw = 0; draw < DRAWS; draw++) {
      const n = intBetween(r, 5, 12);
      const { recording, now } = chain({
        code,
        delays: Array(n).fill(0),
        failMs: intBetween(r, 1, 80),
        lastHolds: r() < 0.5,
      });
      expect(analyzeRecording(recording, { now }).verdictByClosure['t']).toMatchObject({
        level: 'problem',
        rule: 'storm',
      });
    }
  });

  it('no reconnect', () => {
    const { recording, now } = chain({ code, delays: [] });
    const want = {
      1012: ['problem', 'restart.no-reconnect'],
      1013: ['problem', 'overload.no-reconnect'],
      1008: ['fits', 'terminal.no-retry'],
      1006: ['info', 'app-choice.no-reconnect'],
    }[code]!;
    expect(analyzeRecording(recording, { now }).verdictByClosure['t']).toMatchObject({ level: want[0], rule: want[1] });
  });
});

it('a single 0 ms reconnect after 1012 is too soon, not a storm', () => {
  const { recording, now } = chain({ code: 1012, delays: [0] });
  expect(analyzeRecording(recording, { now }).verdictByClosure['t']).toMatchObject({
    level: 'problem',
    rule: 'restart.too-soon',
  });
});

const FULL_JITTER = 'full jitter: 0.5 s + random(0, 0.5 · 2^(k−1))';

/** Outcomes each shape reaches over its draws (the table's cells, with the rules' consequences spelled out). */
const TABLE_OUTCOMES: Record<number, Record<string, string[]>> = {
  1012: {
    'constant 1 s': ['restart.fits'],
    '×1.3 growth from random 1–5 s start, cap 10 s': ['restart.fits'],
    '1 s doubling ±50 %, cap 5 s': ['restart.fits', 'restart.too-soon'],
    '2^k s + 0.3–3 s jitter': ['restart.fits'],
    [FULL_JITTER]: ['restart.fits', 'restart.too-soon'],
  },
  1013: {
    // 3 delays: fits; 4: slow growth; 5+: no backoff (with slow growth, and six or more the low cap, in "also").
    'constant 1 s': [
      'overload.fits',
      'overload.low-cap',
      'overload.no-backoff',
      'overload.not-judged',
      'overload.slow-growth',
    ],
    '×1.3 growth from random 1–5 s start, cap 10 s': [
      'overload.fits',
      'overload.low-cap',
      'overload.not-judged',
      'overload.slow-growth',
    ],
    '1 s doubling ±50 %, cap 5 s': ['overload.fits', 'overload.low-cap', 'overload.not-judged', 'overload.slow-growth'],
    '2^k s + 0.3–3 s jitter': ['overload.fits', 'overload.not-judged'],
    [FULL_JITTER]: ['overload.fits', 'overload.low-cap', 'overload.not-judged', 'overload.slow-growth'],
  },
  1008: {
    'constant 1 s': ['terminal.blind-retry'],
    '×1.3 growth from random 1–5 s start, cap 10 s': ['terminal.blind-retry'],
    '1 s doubling ±50 %, cap 5 s': ['terminal.blind-retry'],
    '2^k s + 0.3–3 s jitter': ['terminal.blind-retry'],
    [FULL_JITTER]: ['terminal.blind-retry'],
  },
  1006: {
    'constant 1 s': [
      'app-choice.fits',
      'app-choice.low-cap',
      'app-choice.no-backoff',
      'app-choice.not-judged',
      'app-choice.slow-growth',
    ],
    '×1.3 growth from random 1–5 s start, cap 10 s': [
      'app-choice.fits',
      'app-choice.low-cap',
      'app-choice.not-judged',
      'app-choice.slow-growth',
    ],
    '1 s doubling ±50 %, cap 5 s': [
      'app-choice.fits',
      'app-choice.low-cap',
      'app-choice.not-judged',
      'app-choice.slow-growth',
    ],
    '2^k s + 0.3–3 s jitter': ['app-choice.fits', 'app-choice.not-judged'],
    [FULL_JITTER]: ['app-choice.fits', 'app-choice.low-cap', 'app-choice.not-judged', 'app-choice.slow-growth'],
  },
};

/** Outcomes the table calls rare for a shape: "no backoff" for full jitter, in under 1 % of draws. */
const RARE_OUTCOMES: Record<number, Record<string, string[]>> = {
  1013: { [FULL_JITTER]: ['overload.no-backoff'] },
  1006: { [FULL_JITTER]: ['app-choice.no-backoff'] },
};
