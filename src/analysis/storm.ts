/** Storm: N or more attempts within any window of W seconds (tolerance in the page's favour). */
import type { StormSpec } from './profiles/types';

export interface Storm {
  count: number;
  /** The first and the last attempt's times (of attemptTimesMs). */
  startMs: number;
  endMs: number;
}

/** attemptTimesMs must be ascending. */
export function findStorm(attemptTimesMs: readonly number[], spec: StormSpec, tol: number): Storm | undefined {
  const limitMs = Math.round((spec.windowS - tol) * 1000);
  let best: Storm | undefined;
  let j = 0;
  for (let i = 0; i < attemptTimesMs.length; i++) {
    const start = attemptTimesMs[i] ?? 0;
    if (j < i) j = i;
    while (j + 1 < attemptTimesMs.length && (attemptTimesMs[j + 1] ?? 0) - start <= limitMs) j++;
    const count = j - i + 1;
    if (count >= spec.attempts && (!best || count > best.count)) {
      best = { count, startMs: start, endMs: attemptTimesMs[j] ?? 0 };
    }
  }
  return best;
}
