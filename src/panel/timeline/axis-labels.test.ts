import { describe, expect, it } from 'vitest';
import { AXIS_LABEL_GAP_PX as GAP, axisLabelX } from './axis-labels';

describe('axisLabelX', () => {
  it('starts a label just after its tick when it fits', () => {
    expect(axisLabelX(300, 30, 200, 1000, -Infinity)).toBe(300 + GAP);
  });

  it('moves the last label back inside the canvas rather than cutting it off', () => {
    const x = axisLabelX(990, 30, 200, 1000, 900)!;
    expect(x + 30).toBe(1000 - GAP);
    expect(x).toBeLessThan(990);
  });

  it('never starts before the plot', () => {
    expect(axisLabelX(190, 500, 200, 600, -Infinity)).toBe(200);
  });

  it('leaves out a label that, moved inside, would run into the one before it', () => {
    expect(axisLabelX(995, 60, 200, 1000, 950)).toBeNull();
    expect(axisLabelX(995, 60, 200, 1000, 900)).toBe(1000 - GAP - 60);
  });
});
