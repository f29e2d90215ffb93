import { describe, expect, it } from 'vitest';
import { nextIndex } from './keyboard';

describe('nextIndex', () => {
  it.each([
    ['ArrowDown', 3, 10, 0, 4],
    ['ArrowDown', 9, 10, 0, 9],
    ['ArrowUp', 3, 10, 0, 2],
    ['ArrowUp', 0, 10, 0, 0],
    ['PageDown', 3, 10, 5, 8],
    ['PageDown', 8, 10, 5, 9],
    ['PageUp', 3, 10, 5, 0],
    ['Home', 7, 10, 5, 0],
    ['End', 2, 10, 5, 9],
    ['ArrowDown', -1, 10, 5, 0],
    ['ArrowUp', -1, 10, 5, 9],
    ['a', 3, 10, 5, null],
    ['ArrowDown', -1, 0, 5, null],
  ])('%s from %d of %d (page %d) → %s', (key, cur, count, page, want) => {
    expect(nextIndex(key, cur, count, page)).toBe(want);
  });
});
