import { describe, expect, it } from 'vitest';
import { arr, at, defined, int, obj, req, UNNAMED } from './decode';

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

describe('UNNAMED', () => {
  it.each([
    ['a key', () => at(UNNAMED, 'url')],
    ['a key under a key', () => at(at(UNNAMED, 'connections'), 'url')],
  ])('joined with %s stays UNNAMED: no path is built per field', (_, path) => {
    expect(path()).toBe(UNNAMED);
  });

  it('is what a failing item is told in an array under it, and a failure there still fails', () => {
    const seen: string[] = [];
    const item = (v: unknown, p: string) => (seen.push(p), int(0, 9)(v, p));
    expect(arr(item, 3)([1, 2], UNNAMED)).toEqual([1, 2]);
    expect(seen).toEqual([UNNAMED, UNNAMED]);
    expect(() => req(obj({ n: 10 }, UNNAMED), 'n', int(0, 9), UNNAMED)).toThrow('not an integer');
  });

  it('leaves named paths as they were', () => {
    expect(at('$', 'url')).toBe('$.url');
    expect(at('', 'url')).toBe('url');
  });
});
