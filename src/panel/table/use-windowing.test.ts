import { describe, expect, it } from 'vitest';
import { scrollTopFor, visibleRange } from './use-windowing';

describe('visibleRange', () => {
  it.each([
    // scrollTop, viewport, row, count, overscan → start, end
    [0, 200, 20, 10_000, 0, 0, 11],
    [0, 200, 20, 5, 0, 0, 5],
    [1000, 200, 20, 10_000, 0, 50, 61],
    [1000, 200, 20, 10_000, 5, 45, 66],
    [199_990, 200, 20, 10_000, 5, 9994, 10_000],
    [-30, 200, 20, 100, 2, 0, 13],
  ])('scrollTop %d viewport %d row %d count %d overscan %d → [%d, %d)', (top, vp, row, count, over, start, end) => {
    expect(visibleRange(top, vp, row, count, over)).toEqual({ start, end });
  });
});

describe('scrollTopFor', () => {
  it.each([
    ['already visible', 3, 0, 200, 20, 0],
    ['above the view', 2, 100, 200, 20, 40],
    ['below the view', 20, 0, 200, 20, 220],
    ['last partly visible row', 9, 0, 190, 20, 10],
  ])('%s', (_name, index, top, vp, row, want) => {
    expect(scrollTopFor(index, top, vp, row)).toBe(want);
  });
});
