import { describe, expect, it } from 'vitest';
// prettier-ignore
// @ts-expect-error plain JS module without declarations (Node runs it directly)
import { bootstrapMedian, fmtPct, judgeInterval, judgeMax, judgeRatio, linearFit, pairedRatio, quantile, summary } from './stats.mjs';

describe('quantile', () => {
  it.each([
    [[5], 0.5, 5],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[4, 1, 3, 2], 0, 1],
    [[4, 1, 3, 2], 1, 4],
    [[10, 20, 30, 40, 50], 0.25, 20],
    [[0, 100], 0.99, 99],
  ])('%j at %d is %d', (xs, q, want) => {
    expect(quantile(xs, q)).toBeCloseTo(want, 9);
  });

  it('is NaN for no values', () => {
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('pairedRatio', () => {
  it.each([
    // times: with / without, per pair
    [[110, 100, 105], [100, 100, 100], true, { median: 1.05, min: 1.0, max: 1.1 }],
    // throughput: without / with, so slower with the hook reads as > 1
    [[90, 100], [100, 100], false, { median: (100 / 90 + 1) / 2, min: 1, max: 100 / 90 }],
  ])('pairs %j with %j (higherIsWorse %s)', (w, wo, hiw, want) => {
    const r = pairedRatio(w, wo, hiw);
    expect(r.median).toBeCloseTo(want.median, 9);
    expect(r.min).toBeCloseTo(want.min, 9);
    expect(r.max).toBeCloseTo(want.max, 9);
    expect(r.n).toBe(Math.min(w.length, wo.length));
  });
});

describe('judgeRatio against a 2 % limit', () => {
  it.each([
    [[1.0, 1.01, 1.015], true, /^met \(every pair/],
    [[1.03, 1.05, 1.04], false, /^not met \(every pair/],
    [[0.99, 1.01, 1.06], true, /^met at the median; pairs span -1\.0 %–\+6\.0 %/],
    [[0.99, 1.04, 1.06], false, /^not met at the median/],
  ])('ratios %j', (ratios, met, text) => {
    const v = judgeRatio(summary(ratios), 1.02);
    expect(v.met).toBe(met);
    expect(v.text).toMatch(text);
  });
});

describe('judgeMax', () => {
  it.each([
    [[10, 20, 30], true, /^met \(max 30 ms/],
    [[10, 20, 80], true, /^met at the median; max 80 ms/],
    [[60, 70, 80], false, /^not met \(median 70 ms/],
  ])('%j under 50 ms', (xs, met, text) => {
    const v = judgeMax(summary(xs), 50, 'ms');
    expect(v.met).toBe(met);
    expect(v.text).toMatch(text);
  });
});

describe('fmtPct', () => {
  it.each([
    [1.034, '+3.4 %'],
    [1, '+0.0 %'],
    [0.9, '-10.0 %'],
  ])('%d reads %s', (r, want) => {
    expect(fmtPct(r)).toBe(want);
  });
});

describe('bootstrapMedian and judgeInterval', () => {
  it('gives a tight interval around a constant ratio and a wide one around a noisy ratio', () => {
    const tight = bootstrapMedian([1.01, 1.01, 1.01, 1.01, 1.01, 1.01, 1.01]);
    expect(tight.low).toBeCloseTo(1.01, 9);
    expect(tight.high).toBeCloseTo(1.01, 9);
    const noisy = bootstrapMedian([0.85, 1.43, 0.93, 1.12, 1.0, 1.2, 0.9]);
    expect(noisy.low).toBeLessThan(1);
    expect(noisy.high).toBeGreaterThan(1.03);
  });

  it('is reproducible for the same samples and seed', () => {
    const xs = [0.97, 1.02, 1.05, 0.99, 1.01, 1.04, 1.0];
    expect(bootstrapMedian(xs)).toEqual(bootstrapMedian(xs));
  });

  it.each([
    [{ median: 1.01, low: 1.0, high: 1.02 }, 'met'],
    [{ median: 1.01, low: 0.97, high: 1.03 }, 'met'],
    [{ median: 1.05, low: 1.04, high: 1.08 }, 'not met'],
    [{ median: 1.01, low: 0.95, high: 1.12 }, 'cannot tell'],
    [{ median: 1.04, low: 1.02, high: 1.06 }, 'cannot tell'],
  ])('judges %j against +3 % as %s', (ci, want) => {
    expect(judgeInterval(ci, 1.03).verdict).toBe(want);
  });
});

describe('linearFit', () => {
  it('recovers slope and intercept of a line', () => {
    const fit = linearFit([
      [1000, 500_000 + 16_000],
      [5000, 500_000 + 80_000],
      [10_000, 500_000 + 160_000],
    ]);
    expect(fit.slope).toBeCloseTo(16, 9);
    expect(fit.intercept).toBeCloseTo(500_000, 6);
  });
});
