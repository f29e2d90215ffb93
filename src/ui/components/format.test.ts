import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatFileDate, formatSeconds, formatSize, formatTime } from './format';

describe('format', () => {
  it.each([
    [formatSeconds, 1.0749, '1.07 s'],
    [formatDuration, 12.4, '12 ms'],
    [formatDuration, 1500, '1.50 s'],
    [formatDuration, 600_000, '10.0 min'],
    [formatDuration, 9_000_000, '2.5 h'],
    [formatSize, 300, '300 B'],
    [formatSize, 2048, '2.0 KB'],
    [formatSize, 3 * 1024 * 1024, '3.0 MB'],
  ] as const)('%o(%d) = %s', (fn, input, want) => {
    expect(fn(input)).toBe(want);
  });

  it('formats local clock and file dates', () => {
    const at = new Date(2024, 0, 5, 9, 3, 7, 42).getTime();
    expect(formatClock(at, 'en-GB')).toBe('09:03:07.042');
    expect(formatFileDate(at)).toBe('2024-01-05');
  });

  it.each([
    ['en-GB', '15:03:07.042'],
    ['de-DE', '15:03:07,042'],
    ['en-US', '03:03:07.042 PM'],
  ])('formats times in the locale %s with its own hour cycle', (locale, want) => {
    const at = new Date(2024, 0, 5, 15, 3, 7, 42).getTime();
    expect(formatClock(at, locale)).toBe(want);
  });

  it('adds the date and zone for text read elsewhere, in the same locale format', () => {
    const at = new Date(2024, 0, 5, 15, 3, 7, 42).getTime();
    const text = formatTime(at, { locale: 'en-GB', date: true, zone: true });
    expect(text).toContain('05/01/2024');
    expect(text).toContain('15:03:07.042');
    expect(text.length).toBeGreaterThan('05/01/2024, 15:03:07.042'.length);
  });
});
