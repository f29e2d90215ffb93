import { describe, expect, it } from 'vitest';
import { inCreationOrder, type Connection } from './recording';
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
