/** The per-library shift check: single stalls do not move it, a slowdown of most reconnects does. */
import { describe, expect, it } from 'vitest';
import { delayShift, SYSTEMATIC_TOL_S } from './check';
import type { ScenarioResult } from './results';

const row = (withS: number[], withoutS: number[]) =>
  ({ networkDelaysS: { with: withS, without: withoutS } }) as ScenarioResult;

describe('delayShift', () => {
  it('a stall of a second on either side leaves the median where most delays are', () => {
    const d = delayShift([row([1.0, 2.01, 4.0], [1.01, 2.0, 4.02]), row([2.2, 0.25], [1.2, 1.25])]);
    expect(d.n).toBe(5);
    expect(d.slower).toBe(1);
    expect(d.faster).toBe(1);
    expect(Math.abs(d.median)).toBeLessThanOrEqual(SYSTEMATIC_TOL_S);
  });

  it('the extension delaying most reconnects by 0.15 s fails the bound, whatever a stall does to one delay', () => {
    const d = delayShift([row([1.15, 2.16, 4.15], [1.0, 2.0, 4.0]), row([1.2, 0.25], [2.2, 0.1])]);
    expect(d.median).toBeCloseTo(0.15, 6);
    expect(Math.abs(d.median)).toBeGreaterThan(SYSTEMATIC_TOL_S);
  });

  it('no delays: NaN statistics (the suite then fails "some delays were observed")', () => {
    expect(delayShift([row([], [])]).n).toBe(0);
    expect(delayShift([]).median).toBeNaN();
  });
});
