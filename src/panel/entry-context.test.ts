import { describe, expect, it } from 'vitest';
import { resolveTabId, resolveTheme } from './entry-context';

describe('resolveTabId', () => {
  it.each([
    [12, '', 12],
    [12, '?tab=99', 12],
    [undefined, '?tab=99', 99],
    [undefined, '?tab=-1', null],
    [undefined, '?tab=abc', null],
    [undefined, '?tab=1e3', null],
    [undefined, '', null],
    [undefined, '?tab=99999999999999999999', null],
  ])('devtools %s, search %s → %s', (dev, search, want) => {
    expect(resolveTabId(dev, search)).toBe(want);
  });
});

describe('resolveTheme', () => {
  it.each([
    ['dark', false, 'dark'],
    ['default', true, 'light'],
    [undefined, true, 'dark'],
    [undefined, false, 'light'],
  ] as const)('devtools %s, prefers dark %s → %s', (name, prefersDark, want) => {
    expect(resolveTheme(name, prefersDark)).toBe(want);
  });
});
