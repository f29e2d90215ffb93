import { describe, expect, it } from 'vitest';
import { createMaxTree } from './max-tree';
import { seededRandom } from './test-fixtures';

const atLeast = (x: number) => (v: number) => v >= x;

describe('createMaxTree', () => {
  it.each<[string, number, [number, number][], number, number, number]>([
    // name, length, values set, from, at least, expected position
    ['nothing set: none', 5, [], 0, 0, -1],
    [
      'the first passing from the start',
      5,
      [
        [1, 3],
        [3, 9],
      ],
      0,
      5,
      3,
    ],
    [
      'a passing value before `from` is not an answer',
      6,
      [
        [1, 9],
        [4, 9],
      ],
      2,
      5,
      4,
    ],
    ['`from` itself can be the answer', 4, [[2, 7]], 2, 7, 2],
    ['`from` past the end: none', 4, [[3, 7]], 4, 0, -1],
    ['a negative `from` starts at 0', 4, [[0, 1]], -3, 1, 0],
    ['a length that is not a power of two', 5, [[4, 1]], 0, 1, 4],
    ['Infinity passes any bound', 3, [[2, Infinity]], 0, 1e15, 2],
    [
      'a value set back to -Infinity no longer passes',
      3,
      [
        [1, 5],
        [1, -Infinity],
        [2, 5],
      ],
      0,
      5,
      2,
    ],
    ['length 1', 1, [[0, 2]], 0, 2, 0],
    ['length 0: none', 0, [], 0, 0, -1],
  ])('%s', (_name, length, sets, from, bound, expected) => {
    const tree = createMaxTree(length);
    for (const [p, v] of sets) tree.set(p, v);
    expect(tree.firstFrom(from, atLeast(bound))).toBe(expected);
  });

  it('answers as a scan of the values does, over 20,000 seeded changes and questions', () => {
    const r = seededRandom(7);
    const length = 97;
    const values = new Array<number>(length).fill(-Infinity);
    const tree = createMaxTree(length);
    for (let step = 0; step < 20_000; step++) {
      const p = Math.floor(r() * length);
      const v = r() < 0.2 ? -Infinity : r() < 0.1 ? Infinity : Math.floor(r() * 50);
      values[p] = v;
      tree.set(p, v);
      const from = Math.floor(r() * (length + 2)) - 1;
      const bound = Math.floor(r() * 60);
      let scan = -1;
      for (let i = Math.max(0, from); i < length; i++)
        if (values[i]! >= bound) {
          scan = i;
          break;
        }
      expect(tree.firstFrom(from, atLeast(bound))).toBe(scan);
    }
  });
});
