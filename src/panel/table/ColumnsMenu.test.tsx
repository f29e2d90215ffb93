import { describe, expect, it } from 'vitest';
import { fitsAtEnd, startShift } from './ColumnsMenu';

const button = (left: number, width: number) => new DOMRect(left, 40, width, 20);

describe('where the Columns list opens', () => {
  it('lines up with the button end while that keeps it in the panel', () => {
    // The button ends the filter bar at the panel's right edge (left to right) or left edge (right to left).
    expect(fitsAtEnd(button(1180, 96), 220, false, 1280)).toBe(true);
    expect(fitsAtEnd(button(4, 96), 220, true, 1280)).toBe(true);
  });

  it('not where the button starts a row of its own: the list would open past the panel edge', () => {
    // Docked at the bottom (1280 px), the bar wraps and "Columns (+3)" starts the second row.
    expect(fitsAtEnd(button(4, 96), 220, false, 1280)).toBe(false);
    expect(fitsAtEnd(button(1180, 96), 220, true, 1280)).toBe(false);
  });
});

describe('the Columns list lined up with its button start', () => {
  it('stays there when it fits', () => {
    expect(startShift(button(4, 96), 220, false, 1280)).toBe(0);
    expect(startShift(button(1180, 96), 220, true, 1280)).toBe(0);
  });

  it('moves back toward the start edge in a panel narrower than both alignments allow (320 px)', () => {
    // Left to right: the button spans 112–210; the list of 247 px would end at 359.
    expect(startShift(button(112, 98), 247, false, 320)).toBe(-39);
    // Right to left: the button spans 110–208; the list would start at 208 − 247 = −39.
    expect(startShift(button(110, 98), 247, true, 320)).toBe(-39);
  });

  it('never past the start edge, where the checkboxes are', () => {
    expect(startShift(button(20, 98), 400, false, 320)).toBe(-20);
    expect(startShift(button(202, 98), 400, true, 320)).toBe(-20);
  });
});
