/**
 * The backoff checks over d_1..d_n with E_k = max(d_1 … d_k) (docs/verdicts.md,
 * "Backoff checks"). Every threshold in seconds is moved by the tolerance in the
 * page's favour; the growth bound (1.5 · max(d_1, floor)) is a ratio and takes
 * none. Returns every finding that holds (the engine picks the most severe); k is
 * 1-based.
 */
import type { BackoffSpec, Finding } from './profiles/types';
import { delayList, num, seconds } from './format';

export interface BackoffFinding {
  finding: Finding;
  subs: string[];
}

/**
 * No backoff: the first k ≥ fromK where the page never waited maxWaitS and none
 * of d_2 … d_k grew past growthFactor · max(d_1, floorS); 0 when there is none.
 * Both clauses only get harder as k grows (E_k never shrinks, and "every" gains
 * terms), so the first k that fails the growth clause ends the search.
 */
export function noBackoffAt(delays: readonly number[], spec: BackoffSpec['noBackoff'], tol: number): number {
  const bound = growthBound(delays, spec);
  let e = delays[0] ?? 0;
  for (let k = 2; k <= delays.length; k++) {
    const dk = delays[k - 1] ?? 0;
    if (dk > bound) return 0;
    e = Math.max(e, dk);
    if (e + tol >= spec.maxWaitS) return 0;
    if (k >= spec.fromK) return k;
  }
  return 0;
}

export function checkBackoff(
  delays: readonly number[],
  spec: BackoffSpec,
  noBackoff: Finding,
  notJudged: Finding,
  tol: number,
): BackoffFinding[] {
  const n = delays.length;
  const list = delayList(delays);
  // The counted number comes first: these two sentences are plural families on it (profiles/types.ts).
  if (n < spec.minDelays) return [{ finding: notJudged, subs: [String(spec.minDelays), list] }];
  const found: BackoffFinding[] = [];
  const noBackoffK = noBackoffAt(delays, spec.noBackoff, tol);
  let slowK = 0;
  let slowE = 0;
  let e = 0;
  const sg = spec.slowGrowth;
  for (let k = 1; k <= n; k++) {
    e = Math.max(e, delays[k - 1] ?? 0);
    if (!slowK && k >= sg.fromK && e + tol < sg.baseS * 2 ** (k - 1) && e + tol < sg.ceilingS) {
      slowK = k;
      slowE = e;
    }
  }
  if (noBackoffK) found.push({ finding: noBackoff, subs: [list, String(noBackoffK), num(spec.noBackoff.maxWaitS)] });
  if (slowK) {
    found.push({
      finding: sg.finding,
      subs: [list, String(slowK), seconds(slowE), num(sg.baseS * 2 ** (slowK - 1)), num(sg.baseS)],
    });
  }
  if (n >= spec.lowCap.minDelays && e + tol < spec.lowCap.capS) {
    found.push({ finding: spec.lowCap.finding, subs: [String(n), list, seconds(e), num(spec.lowCap.capS)] });
  }
  if (found.length === 0) {
    // Three flat waits of 1 s, or ten of 10 s, fit; they do not grow, and the sentence must not say they do.
    const ungrown = grew(delays, spec.noBackoff) ? undefined : spec.fitsUngrownTextId;
    found.push({ finding: ungrown ? { ...spec.fits, textId: ungrown } : spec.fits, subs: [list] });
  }
  return found;
}

/** The growth bound of "no backoff": a wait past growthFactor · max(d_1, floorS) grew. */
function growthBound(delays: readonly number[], spec: BackoffSpec['noBackoff']): number {
  return spec.growthFactor * Math.max(delays[0] ?? 0, spec.floorS);
}

/** Some d_k (k ≥ 2) grew past the growth bound of "no backoff". */
function grew(delays: readonly number[], spec: BackoffSpec['noBackoff']): boolean {
  const bound = growthBound(delays, spec);
  for (let k = 2; k <= delays.length; k++) if ((delays[k - 1] ?? 0) > bound) return true;
  return false;
}
