import { describe, expect, it } from 'vitest';
import { creationOrdered, inCreationOrder, type Connection } from './recording';
import { connectionOf } from '../test-support/recordings';

const created = (...times: number[]): Connection[] =>
  times.map((createdAt, i) => connectionOf({ id: `c${i}`, createdAt }));

describe('inCreationOrder', () => {
  it.each([
    ['none', [], true],
    ['one', [5], true],
    ['ascending', [1, 2, 3], true],
    ['ties kept', [1, 2, 2, 3], true],
    ['one out of place at the end', [1, 2, 3, 2.5], false],
    ['one out of place at the start', [2, 1, 3], false],
  ])('%s', (_name, times, want) => {
    expect(inCreationOrder(created(...times))).toBe(want);
  });
});

describe('creationOrdered', () => {
  it('gives back the list itself when it is in creation order', () => {
    const list = created(1, 2, 2, 3);
    expect(creationOrdered(list)).toBe(list);
  });
  it('gives a sorted copy otherwise, ties in their order, and leaves the list as it was', () => {
    const list = created(3, 1, 2, 1);
    expect(creationOrdered(list).map((c) => c.id)).toEqual(['c1', 'c3', 'c2', 'c0']);
    expect(list.map((c) => c.id)).toEqual(['c0', 'c1', 'c2', 'c3']);
  });
});
