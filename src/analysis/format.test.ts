import { describe, expect, it } from 'vitest';
import { DELAYS_LISTED, delayList } from './format';

const ones = (n: number) => Array<number>(n).fill(1);

describe('delayList', () => {
  it.each<[string, number[], string]>([
    ['one wait', [0.5], '0.50 s'],
    ['a few waits, in order', [1.07, 0.6, 1.2], '1.07, 0.60, 1.20 s'],
    [
      'exactly as many as are listed: all of them',
      ones(DELAYS_LISTED),
      `${ones(DELAYS_LISTED)
        .map(() => '1.00')
        .join(', ')} s`,
    ],
    [
      'one more than are listed: the first ones and a count',
      ones(DELAYS_LISTED + 1),
      `${ones(DELAYS_LISTED)
        .map(() => '1.00')
        .join(', ')} s +1`,
    ],
    [
      'thousands: still the first ones and a count',
      [...ones(DELAYS_LISTED - 1), 2, ...ones(5_000)],
      `${ones(DELAYS_LISTED - 1)
        .map(() => '1.00')
        .join(', ')}, 2.00 s +5000`,
    ],
  ])('%s', (_name, delays, want) => {
    expect(delayList(delays)).toBe(want);
  });
});
