/**
 * Property tests of the backoff checks over 10,000 seeded draws per model
 * (docs/verdicts.md, "Why five waits"): a correct jittered client is almost
 * never told "no backoff", a constant loop always is, at k = 5.
 */
import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './index';
import { chain, seededRandom } from './test-fixtures';
import type { Verdict } from './types';

const DRAWS = 10_000;
type Rng = () => number;
const between = (r: Rng, lo: number, hi: number) => lo + (hi - lo) * r();
/** Whole milliseconds, as timers deliver them. */
const ms = (d: number) => Math.round(d * 1000) / 1000;

function verdictAfter(code: number, delays: number[], failMs = 50): Verdict {
  const { recording, now } = chain({ code, delays, lastHolds: false, failMs });
  const v = analyzeRecording(recording, { now }).verdictByClosure['t'];
  if (!v) throw new Error('no verdict');
  return v;
}

const saysNoBackoff = (v: Verdict) =>
  v.rule.endsWith('.no-backoff') || (v.also ?? []).some((a) => a.rule.endsWith('.no-backoff'));

/** Runs `draws` seeded episodes of a model after a code and counts those told "no backoff". */
function noBackoffCount(seed: number, code: number, model: (r: Rng) => number[]): number {
  const r = seededRandom(seed);
  let count = 0;
  for (let i = 0; i < DRAWS; i++) if (saysNoBackoff(verdictAfter(code, model(r).map(ms), 300))) count++;
  return count;
}

describe('no false "no backoff" on correct clients (10,000 draws each)', { timeout: 120_000 }, () => {
  it('full jitter, 0.5 s + random(0, 0.5 · 2^(k−1)), 5–10 waits after 1013: under 1 %', () => {
    const model = (r: Rng) =>
      Array.from({ length: 5 + Math.floor(r() * 6) }, (_, i) => 0.5 + between(r, 0, 0.5 * 2 ** i));
    const count = noBackoffCount(101, 1013, model);
    expect(count / DRAWS).toBeLessThan(0.01);
  });

  it('socket.io-style, 1 s ×2 ±50 %, cap 5 s, 5–10 waits after 1013: never', () => {
    const model = (r: Rng) =>
      Array.from({ length: 5 + Math.floor(r() * 6) }, (_, i) => Math.min(5, 2 ** i * between(r, 0.5, 1.5)));
    expect(noBackoffCount(202, 1013, model)).toBe(0);
  });

  it('×1.3 growth from a random 1–5 s start, cap 10 s, 5–10 waits after 1006: never', () => {
    const model = (r: Rng) => {
      const start = between(r, 1, 5);
      return Array.from({ length: 5 + Math.floor(r() * 6) }, (_, i) => Math.min(10, start * 1.3 ** i));
    };
    expect(noBackoffCount(303, 1006, model)).toBe(0);
  });
});

describe('constant loops are caught at k = 5, every time (10,000 draws each)', { timeout: 120_000 }, () => {
  it.each([1, 0.5])('constant %f s (timer noise ±40 ms), 5–10 waits after 1013', (c) => {
    const r = seededRandom(Math.round(c * 1000));
    for (let i = 0; i < DRAWS; i++) {
      const delays = Array.from({ length: 5 + Math.floor(r() * 6) }, () => ms(c + between(r, -0.04, 0.04)));
      // Failures of 0.3 s keep five attempts more than 2 s apart: a loop, not a storm.
      const v = verdictAfter(1013, delays, 300);
      expect({ i, delays, rule: v.rule, k: v.text.subs?.[1] }).toEqual({
        i,
        delays,
        rule: 'overload.no-backoff',
        k: '5',
      });
    }
  });
});
