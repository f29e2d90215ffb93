import { describe, expect, it } from 'vitest';
import { tabIdFromSearch } from './tab-id';

describe('tabIdFromSearch', () => {
  it.each([
    ['?tab=42', 42],
    ['?x=1&tab=7', 7],
    ['?tab=0', 0],
    ['', null],
    ['?tab=', null],
    ['?tab=-3', null],
    ['?tab=4.5', null],
    ['?tab=abc', null],
    ['?tab=99999999999999999999', null],
  ])('%j -> %j', (search, id) => {
    expect(tabIdFromSearch(search)).toBe(id);
  });
});
