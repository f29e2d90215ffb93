/**
 * The backoff checks over d_1..d_n with E_k = max(d_1 … d_k). Every threshold
 * in seconds is shifted by the tolerance in the page's favour. Returns every finding that
 * holds (the engine picks the most severe); k is 1-based as in VERDICTS.md.
 */
import type { BackoffSpec, Finding } from './profiles/types';
import { delayList, num, seconds } from './format';

export interface BackoffFinding {
  finding: Finding;
  subs: string[];
}

export function checkBackoff(delays: readonly number[], spec: BackoffSpec, noBackoff: Finding, notJudged: Finding, tol: number): BackoffFinding[] {
  const n = delays.length;
  const list = delayList(delays);
  if (n < spec.minDelays) return [{ finding: notJudged, subs: [list, String(spec.minDelays)] }];
  const d1 = delays[0] ?? 0;
  const found: BackoffFinding[] = [];
  let noBackoffK = 0;
  let slowK = 0;
  let slowE = 0;
  let e = 0;
  for (let k = 1; k <= n; k++) {
    const dk = delays[k - 1] ?? 0;
    e = Math.max(e, dk);
    const nb = spec.noBackoff;
    // The growth clause compares two delays as a ratio: the tolerance (seconds) applies to absolute thresholds only.
    if (!noBackoffK && k >= nb.fromK && e + tol < nb.maxWaitS && dk <= nb.growthFactor * d1) noBackoffK = k;
    const sg = spec.slowGrowth;
    if (!slowK && k >= sg.fromK && e + tol < sg.baseS * 2 ** (k - 1) && e + tol < sg.ceilingS) {
      slowK = k;
      slowE = e;
    }
  }
  if (noBackoffK) found.push({ finding: noBackoff, subs: [list, String(noBackoffK), num(spec.noBackoff.maxWaitS)] });
  if (slowK) {
    const sg = spec.slowGrowth;
    found.push({
      finding: sg.finding,
      subs: [list, String(slowK), seconds(slowE), num(sg.baseS * 2 ** (slowK - 1)), num(sg.baseS)]
    });
  }
  if (n >= spec.lowCap.minDelays && e + tol < spec.lowCap.capS) {
    found.push({ finding: spec.lowCap.finding, subs: [list, String(n), seconds(e), num(spec.lowCap.capS)] });
  }
  if (found.length === 0) found.push({ finding: spec.fits, subs: [list] });
  return found;
}
