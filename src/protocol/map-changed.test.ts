import { describe, expect, it } from 'vitest';
import { byObject, mapChanged } from './map-changed';

describe('mapChanged', () => {
  it.each([
    { name: 'empty', list: [] as number[], f: (n: number) => n + 1, want: [] as number[], same: true },
    { name: 'none changed', list: [1, 2, 3], f: (n: number) => n, want: [1, 2, 3], same: true },
    { name: 'first changed', list: [1, 2, 3], f: (n: number) => (n === 1 ? 10 : n), want: [10, 2, 3], same: false },
    { name: 'last changed', list: [1, 2, 3], f: (n: number) => (n === 3 ? 30 : n), want: [1, 2, 30], same: false },
    { name: 'all changed', list: [1, 2], f: (n: number) => -n, want: [-1, -2], same: false },
  ])('$name', ({ list, f, want, same }) => {
    const out = mapChanged(list, f);
    expect(out).toEqual(want);
    expect(out === list).toBe(same);
    if (!same) expect(list).not.toEqual(want); // the input is never written to
  });
});

describe('byObject', () => {
  const item = { n: 1 };
  it('works each object out once while the memo lives', () => {
    let calls = 0;
    const f = byObject((o: { n: number }) => (calls++, { n: o.n + 1 }), new WeakMap());
    const first = f(item);
    expect(f(item)).toBe(first);
    expect(f({ n: 1 })).not.toBe(first);
    expect(calls).toBe(2);
  });
  it('without a memo, works it out every time', () => {
    let calls = 0;
    const f = byObject((o: { n: number }) => (calls++, { n: o.n }), undefined);
    expect(f(item)).not.toBe(f(item));
    expect(calls).toBe(2);
  });
});
