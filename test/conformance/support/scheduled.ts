/**
 * The delay a library asked for before each reconnect attempt, read from the
 * timers the test page recorded (page.ts wraps the page's setTimeout before the
 * library loads). These are the library's own numbers, exact: with the same
 * seeded draws they must be identical with and without the extension, and lie
 * in the range the library's source gives. The wall-clock gap around them
 * (timer lateness, the browser's work from `new WebSocket` to the handshake) is
 * the machine's scheduling, which on two shared cores reaches a second.
 */
import type { PageTimer } from './page';

export interface TimerPolicy {
  /** Whether the attempts come at once, with no timer in between. */
  immediate: boolean;
  /** Timers the library arms for other reasons than reconnecting (from its source). */
  other?: (t: PageTimer) => boolean;
  /** Whether attempt k (1-based) alone comes with no timer of its own, at once from the previous one's failure. */
  timerless?: (k: number) => boolean;
}

/**
 * Spreads one value per timer over the attempts: a timerless attempt takes `none(the value before it)`, and
 * each other attempt the next timer's value, in firing order. Values left over stay at the end (the caller
 * compares the count with the attempts).
 */
function perAttempt<T>(fromTimers: T[], attempts: number, policy: TimerPolicy, none: (prev: T | undefined) => T): T[] {
  if (!policy.timerless) return fromTimers;
  const out: T[] = [];
  let next = 0;
  for (let k = 1; k <= attempts || next < fromTimers.length; k++) {
    if (k <= attempts && policy.timerless(k)) out.push(none(out[out.length - 1]));
    else if (next < fromTimers.length) out.push(fromTimers[next++] as T);
    else break;
  }
  return out;
}

/** The timers the library armed to reconnect: those that fired, in the order they fired, one per attempt. */
export function reconnectTimers(timers: readonly PageTimer[], policy: TimerPolicy): PageTimer[] {
  if (policy.immediate) return [];
  return timers
    .filter((t) => t.firedAt !== null && !policy.other?.(t))
    .sort((a, b) => (a.firedAt as number) - (b.firedAt as number));
}

/**
 * Seconds the library scheduled before each attempt; zeros when the attempts are immediate.
 * Returns what it found even when the count does not match the attempts (the caller checks).
 */
export function scheduledDelays(timers: readonly PageTimer[], attempts: number, policy: TimerPolicy): number[] {
  if (policy.immediate) return Array.from({ length: attempts }, () => 0);
  const fromTimers = reconnectTimers(timers, policy).map((t) => t.ms / 1000);
  return perAttempt(fromTimers, attempts, policy, () => 0);
}

/**
 * Epoch ms before which each attempt cannot come: when the library asked for its timer, plus the delay
 * (the page's performance clock placed on the wall clock by its timeOrigin). Empty for immediate attempts;
 * a timerless attempt cannot come before the one it follows, so it takes that one's bound.
 */
export function earliestAttempts(
  timers: readonly PageTimer[],
  timeOrigin: number,
  policy: TimerPolicy,
  attempts = 0,
): number[] {
  const fromTimers = reconnectTimers(timers, policy).map((t) => timeOrigin + t.at + t.ms);
  return perAttempt(fromTimers, attempts, policy, (prev) => prev ?? timeOrigin);
}

/**
 * What is compared with and without the extension: every timer asked for, its delay and whether it was
 * cancelled. A timer whose delay the library works out from the clock (`fromClock`) is compared by
 * being there and cancelled or not: two runs ask for it a few milliseconds apart. A timer whose end races
 * another (`racing`) is compared by its delay alone.
 */
export function timerRequests(
  timers: readonly PageTimer[],
  fromClock?: (t: PageTimer) => boolean,
  racing?: (t: PageTimer) => boolean,
): string[] {
  return timers.map(
    (t) =>
      `${fromClock?.(t) ? 'from the clock' : `${t.ms} ms`}${t.every ? ' every' : ''}${t.cleared && !racing?.(t) ? ' (cancelled)' : ''}`,
  );
}
