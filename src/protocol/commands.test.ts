import { describe, expect, it } from 'vitest';
import { isServerSendableCode, validateCommand } from './commands';

describe('isServerSendableCode', () => {
  it.each([
    [1000, true],
    [1003, true],
    [1004, false],
    [1005, false],
    [1006, false],
    [1007, true],
    [1014, true],
    [1015, false],
    [2999, false],
    [3000, true],
    [4999, true],
    [5000, false],
    [1012.5, false],
    ['1012', false],
  ])('%s → %s', (code, want) => {
    expect(isServerSendableCode(code)).toBe(want);
  });
});

describe('validateCommand', () => {
  it.each([
    [
      'close',
      { t: 'simulate-close', k: 3, code: 1012, reason: 'restart' },
      { t: 'simulate-close', k: 3, code: 1012, reason: 'restart' },
    ],
    ['drop', { t: 'simulate-drop', k: 1 }, { t: 'simulate-drop', k: 1 }],
    [
      'long reason clamped',
      { t: 'simulate-close', k: 1, code: 1013, reason: 'x'.repeat(500) },
      { t: 'simulate-close', k: 1, code: 1013, reason: 'x'.repeat(123) },
    ],
    ['code not sendable', { t: 'simulate-close', k: 1, code: 1006, reason: '' }, undefined],
    ['bad k', { t: 'simulate-drop', k: 0 }, undefined],
    ['unknown command', { t: 'eval', k: 1 }, undefined],
    ['not an object', 'simulate-drop', undefined],
  ])('%s', (_n, input, want) => {
    expect(validateCommand(input)).toEqual(want);
  });
});
