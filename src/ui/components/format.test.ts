import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatFileDate, formatSeconds, formatSize } from './format';

describe('format', () => {
  it.each([
    [formatSeconds, 1.0749, '1.07 s'],
    [formatDuration, 12.4, '12 ms'],
    [formatDuration, 1500, '1.50 s'],
    [formatDuration, 600_000, '10.0 min'],
    [formatDuration, 9_000_000, '2.5 h'],
    [formatSize, 300, '300 units/B'],
    [formatSize, 2048, '2.0 Ki units/B'],
    [formatSize, 3 * 1024 * 1024, '3.0 Mi units/B'],
  ] as const)('%o(%d) = %s', (fn, input, want) => {
    expect(fn(input)).toBe(want);
  });

  it('formats local clock and file dates', () => {
    const at = new Date(2024, 0, 5, 9, 3, 7, 42).getTime();
    expect(formatClock(at)).toBe('09:03:07.042');
    expect(formatFileDate(at)).toBe('2024-01-05');
  });
});
