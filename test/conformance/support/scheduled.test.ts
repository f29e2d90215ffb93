/** Reading a library's scheduled reconnect delays from the page's recorded timers. */
import { describe, expect, it } from 'vitest';
import { earliestAttempts, scheduledDelays, timerRequests } from './scheduled';
import type { PageTimer } from './page';

const t = (ms: number, at: number, firedAt: number | null, cleared = false): PageTimer => ({
  ms,
  at,
  firedAt,
  cleared,
});

describe('scheduledDelays', () => {
  it.each([
    ['one timer per attempt, in firing order', [t(2000, 0, 2010), t(1000, 5, 1010)], 2, {}, [1, 2]],
    [
      'cancelled and pending timers are not attempts',
      [t(4000, 0, null, true), t(1300, 1, 1302), t(5000, 1400, null)],
      1,
      {},
      [1.3],
    ],
    [
      'a timer the library arms for something else is left out',
      [t(1000, 0, 1001), t(5000, 1100, 6100)],
      1,
      { other: (x: PageTimer) => x.ms === 5000 },
      [1],
    ],
    ['immediate attempts are zeros whatever timers ran', [t(300, 0, 300)], 2, { immediate: true }, [0, 0]],
    ['a missing timer shows as fewer delays than attempts', [], 2, {}, []],
    [
      // pusher-js: 1 s, then a socket opened from the cached attempt's error event, then its loop's 15 s.
      'a timerless attempt is a zero between the timers, in its place',
      [t(1000, 0, 1001), t(15_000, 1012, 16_013)],
      3,
      { timerless: (k: number) => k === 2 },
      [1, 0, 15],
    ],
    [
      'a timerless attempt never seen adds no zero past the attempts',
      [t(1000, 0, 1001)],
      1,
      { timerless: (k: number) => k === 2 },
      [1],
    ],
    [
      'a missing timer after a timerless attempt still shows as fewer delays than attempts',
      [t(1000, 0, 1001)],
      3,
      { timerless: (k: number) => k === 2 },
      [1, 0],
    ],
  ] as const)('%s', (_what, timers, attempts, policy, want) => {
    expect(scheduledDelays(timers, attempts, { immediate: false, ...policy })).toEqual(want);
  });
});

describe('earliestAttempts', () => {
  it('places the end of each reconnect timer on the wall clock, none for immediate attempts', () => {
    const timers = [t(1000, 20, 1030), t(4000, 25, null, true), t(2000, 1040, 3100)];
    expect(earliestAttempts(timers, 1_000_000, { immediate: false })).toEqual([1_001_020, 1_003_040]);
    expect(earliestAttempts(timers, 1_000_000, { immediate: true })).toEqual([]);
  });
});

describe('earliestAttempts with a timerless attempt', () => {
  it('gives it the bound of the attempt it follows, and the next timer its own', () => {
    const timers = [t(1000, 20, 1030), t(15_000, 1040, 16_050)];
    const policy = { immediate: false, timerless: (k: number) => k === 2 };
    expect(earliestAttempts(timers, 1_000_000, policy, 3)).toEqual([1_001_020, 1_001_020, 1_016_040]);
  });
});

describe('timerRequests', () => {
  it('keeps every request with its delay and cancellation, but not when it fired (that is timing)', () => {
    expect(timerRequests([t(250, 0, 251), t(4000, 1, null, true), t(5000, 2, null)])).toEqual([
      '250 ms',
      '4000 ms (cancelled)',
      '5000 ms',
    ]);
    expect(timerRequests([t(250, 0, 999)])).toEqual(timerRequests([t(250, 3, 260)]));
  });

  it('tells an interval from a timeout of the same delay (mqtt.js reconnects on setInterval)', () => {
    const every: PageTimer = { ...t(1000, 0, 1001, true), every: true };
    expect(timerRequests([every])).toEqual(['1000 ms every (cancelled)']);
    expect(timerRequests([every])).not.toEqual(timerRequests([t(1000, 0, 1001, true)]));
  });

  it('compares a delay worked out from the clock by its presence and cancellation only', () => {
    const fromClock = (x: PageTimer) => x.ms > 10_000 && x.ms <= 15_000;
    expect(timerRequests([t(0, 0, 1), t(14_991, 2, null, true)], fromClock)).toEqual(
      timerRequests([t(0, 0, 1), t(14_995, 2, null, true)], fromClock),
    );
    expect(timerRequests([t(14_991, 2, null, true)], fromClock)).not.toEqual(
      timerRequests([t(14_991, 2, null, false)], fromClock),
    );
    expect(timerRequests([t(2000, 0, null)], fromClock)).toEqual(['2000 ms']);
  });

  it('compares a timer whose end races another by its delay alone (subscriptions-transport-ws connect timeout)', () => {
    const racing = (x: PageTimer) => x.other === true;
    const connectTimeout = (cleared: boolean): PageTimer => ({
      ...t(1200, 0, cleared ? null : 1201, cleared),
      other: true,
    });
    expect(timerRequests([connectTimeout(true), t(400, 1, 401)], undefined, racing)).toEqual(
      timerRequests([connectTimeout(false), t(400, 1, 401)], undefined, racing),
    );
    expect(timerRequests([connectTimeout(true)], undefined, racing)).toEqual(['1200 ms']);
    expect(timerRequests([t(400, 1, null, true)], undefined, racing)).toEqual(['400 ms (cancelled)']);
  });
});
