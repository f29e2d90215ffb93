import { describe, expect, it } from 'vitest';
import { arr, defined, int } from './decode';

describe('defined', () => {
  it.each([
    ['nothing absent', { a: 1, b: 'x' }, ['a', 'b']],
    ['one absent', { a: 1, b: undefined, c: 2 }, ['a', 'c']],
    ['all absent', { a: undefined }, []],
    ['null and false stay', { a: null, b: false, c: undefined, d: 0 }, ['a', 'b', 'd']],
  ])('%s: keeps the defined fields in order', (_, input, keys) => {
    const copy = { ...input };
    const out = defined(input) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(keys);
    for (const k of keys) expect(out[k]).toBe((copy as Record<string, unknown>)[k]);
  });

  it('returns the object itself when nothing is absent', () => {
    const o = { a: 1 };
    expect(defined(o)).toBe(o);
  });
});

describe('arr', () => {
  const ints = arr(int(0, 9), 3);
  it.each([
    ['empty', [], []],
    ['items', [1, 2, 3], [1, 2, 3]],
  ])('%s', (_, input, want) => {
    expect(ints(input, '$')).toEqual(want);
  });

  it('names the failing item by its index', () => {
    expect(() => ints([1, 10], '$.x')).toThrow('$.x[1]');
  });

  it('refuses more than its bound', () => {
    expect(() => ints([1, 2, 3, 4], '$')).toThrow('more than 3');
  });

  it('leaves a hole a hole, as map does', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    const out = ints(sparse, '$');
    expect(out).toHaveLength(3);
    expect(1 in out).toBe(false);
    expect(out).toEqual(sparse.map((x) => x));
  });
});
