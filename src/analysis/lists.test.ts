import { describe, expect, it } from 'vitest';
import { firstPassing, pushTo } from './lists';

describe('firstPassing', () => {
  const times = [1, 3, 3, 3, 7, 9];
  it.each<[string, number, number, (t: number) => boolean, number]>([
    ['at least 3: the first of equal times', 0, times.length, (t) => t >= 3, 1],
    ['after 3: past every equal time', 0, times.length, (t) => t > 3, 4],
    ['at least 0: the start', 0, times.length, (t) => t >= 0, 0],
    ['after 9: none, the end', 0, times.length, (t) => t > 9, 6],
    ['from an index on: never before it', 2, times.length, (t) => t >= 1, 2],
    ['within a range: its end when none passes there', 0, 3, (t) => t >= 7, 3],
    ['an empty list', 0, 0, () => true, 0],
    ['a negative start reads as the list start', -5, times.length, (t) => t >= 3, 1],
  ])('%s', (_, from, to, passes, expected) => {
    expect(firstPassing(from, to, (i) => passes(times[i]!))).toBe(expected);
  });

  it('agrees with a scan over random sorted lists', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 200; k++) {
      const list = Array.from({ length: Math.floor(rand() * 20) }, () => Math.floor(rand() * 10)).sort((a, b) => a - b);
      const t = Math.floor(rand() * 12) - 1;
      const from = Math.floor(rand() * (list.length + 1));
      let scan = from;
      while (scan < list.length && list[scan]! < t) scan++;
      expect(firstPassing(from, list.length, (i) => list[i]! >= t)).toBe(scan);
    }
  });
});

describe('pushTo', () => {
  it('starts a list for a new key and appends to an existing one, in order', () => {
    const map = new Map<string, number[]>();
    pushTo(map, 'a', 1);
    pushTo(map, 'b', 2);
    pushTo(map, 'a', 3);
    expect([...map]).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });
});
