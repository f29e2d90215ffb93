import { describe, expect, it } from 'vitest';
import { fitsAtEnd } from './ColumnsMenu';

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
