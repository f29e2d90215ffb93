import { describe, expect, it } from 'vitest';
import {
  MAX_TICKS,
  clampView,
  fitView,
  followView,
  formatDelay,
  formatOffset,
  MIN_SPAN_MS,
  panView,
  revealRange,
  spanOf,
  tickStepMs,
  ticks,
  timeToX,
  xToTime,
  zoomView,
  type Bounds,
  type View,
} from './scale';

const B: Bounds = { minMs: 0, maxMs: 100_000 };
const V: View = { startMs: 10_000, endMs: 30_000 };

describe('time ↔ pixel', () => {
  it.each([
    [10_000, 0],
    [20_000, 500],
    [30_000, 1000],
    [5_000, -250],
  ])('t=%d maps to x=%d and back', (t, x) => {
    expect(timeToX(V, 1000, t)).toBe(x);
    expect(xToTime(V, 1000, x)).toBe(t);
  });
});

describe('zoomView', () => {
  it.each([
    ['zoom in ×2 at the centre', 2, 20_000, { startMs: 15_000, endMs: 25_000 }],
    ['zoom out ×2 at the centre', 0.5, 20_000, { startMs: 0, endMs: 40_000 }],
    ['zoom in ×2 at the left edge', 2, 10_000, { startMs: 10_000, endMs: 20_000 }],
    ['zoom in ×4 at 3/4', 4, 25_000, { startMs: 21_250, endMs: 26_250 }],
    ['a NaN anchor zooms at the centre', 2, NaN, { startMs: 15_000, endMs: 25_000 }],
  ])('%s', (_name, factor, anchor, want) => {
    expect(zoomView(V, factor, anchor, B)).toEqual(want);
  });
  it('keeps the anchor under the same pixel', () => {
    const z = zoomView(V, 3, 17_000, B);
    expect(timeToX(z, 1000, 17_000)).toBeCloseTo(timeToX(V, 1000, 17_000), 6);
  });
  it.each([
    ['cannot zoom in past the minimum span', 1e9, MIN_SPAN_MS],
    ['cannot zoom out past 1.5× the data', 1e-9, 150_000],
  ])('%s', (_name, factor, span) => {
    expect(spanOf(zoomView(V, factor, 20_000, B))).toBeCloseTo(span, 6);
  });
});

describe('panView and clampView', () => {
  it.each([
    ['pans right', 5_000, { startMs: 15_000, endMs: 35_000 }],
    ['pans left', -5_000, { startMs: 5_000, endMs: 25_000 }],
    ['stops a quarter span before the data', -50_000, { startMs: -5_000, endMs: 15_000 }],
    ['stops a quarter span after the data', 500_000, { startMs: 85_000, endMs: 105_000 }],
  ])('%s', (_name, delta, want) => {
    expect(panView(V, delta, B)).toEqual(want);
  });
  it('left-aligns a view wider than the data', () => {
    expect(clampView({ startMs: 50, endMs: 10_050 }, { minMs: 0, maxMs: 1_000 })).toEqual({
      startMs: -2_500,
      endMs: 7_500,
    });
  });
});

describe('fitView, followView, revealRange', () => {
  it.each([
    ['long recording gets margins', { minMs: 0, maxMs: 100_000 }, { startMs: -2_000, endMs: 105_000 }],
    ['short recording gets 10 s', { minMs: 500, maxMs: 800 }, { startMs: 500, endMs: 10_500 }],
  ])('fitView: %s', (_name, b, want) => {
    expect(fitView(b)).toEqual(want);
  });
  it('followView keeps the span and puts the data end near the right edge', () => {
    expect(followView(V, 50_000)).toEqual({ startMs: 31_000, endMs: 51_000 });
  });
  it.each([
    ['already visible: unchanged', 12_000, 15_000, V],
    ['off to the right: centred', 60_000, 62_000, { startMs: 51_000, endMs: 71_000 }],
    ['longer than the span: its start shown', 40_000, 90_000, { startMs: 38_000, endMs: 58_000 }],
  ])('revealRange: %s', (_name, from, to, want) => {
    expect(revealRange(V, from, to, B)).toEqual(want);
  });
});

describe('ticks', () => {
  it.each([
    [20_000, 1000, 2_000],
    [20_000, 200, 10_000],
    [1_000, 1000, 100],
    [3_600_000, 1000, 10 * 60_000],
  ])('span %d ms on %d px steps by %d ms', (span, width, step) => {
    expect(tickStepMs(span, width)).toBe(step);
  });
  it('keeps the tick count bounded for any span (a 1e14 ms span once made 1.24 M ticks)', () => {
    for (const span of [1e9, 1e12, 1e14, 4e12, Number.MAX_VALUE]) {
      const got = ticks({ startMs: 0, endMs: span }, 1200, 0);
      expect(got.length).toBeLessThanOrEqual(MAX_TICKS);
      expect(got.length).toBeGreaterThan(0);
    }
    expect(ticks({ startMs: 0, endMs: 1e14 }, 1200, 0).length).toBeLessThanOrEqual(1200 / 90 + 1);
  });
  it('places ticks at round offsets from the origin with labels', () => {
    const got = ticks({ startMs: 1_500, endMs: 21_500 }, 1000, 500);
    expect(got.map((t) => t.atMs)).toEqual([
      2_500, 4_500, 6_500, 8_500, 10_500, 12_500, 14_500, 16_500, 18_500, 20_500,
    ]);
    expect(got[0]).toEqual({ atMs: 2_500, x: 50, label: { id: 'timeline_tick_s', subs: ['2'] } });
  });
  it.each([
    [1_500, 500, 'timeline_tick_s', ['1.5']],
    [1_250, 50, 'timeline_tick_s', ['1.25']],
    [-2_000, 1_000, 'timeline_tick_s', ['-2']],
    [59_999.6, 1, 'timeline_tick_min', ['1']],
    [60_000, 10_000, 'timeline_tick_min', ['1']],
    [90_000, 10_000, 'timeline_tick_min_s', ['1', '30']],
    [3_900_000, 300_000, 'timeline_tick_h_min', ['1', '5']],
    [3_905_000, 5_000, 'timeline_tick_h_min_s', ['1', '5', '5']],
  ])('formatOffset(%d, step %d) → %s %j', (offset, step, id, subs) => {
    expect(formatOffset(offset, step)).toEqual({ id, subs });
  });
  it.each([
    [2, '2.0'],
    [0.35, '0.35'],
    [1.07, '1.1'],
    [125, '125'],
  ])('formatDelay(%d) → %s', (d, text) => {
    expect(formatDelay(d)).toEqual({ id: 'timeline_delay', subs: [text] });
  });
});
