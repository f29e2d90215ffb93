import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without declarations (Node runs it directly)
import { fmtPct, judgeMax, judgeRatio, pairedRatio, quantile, summary } from './stats.mjs';

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
