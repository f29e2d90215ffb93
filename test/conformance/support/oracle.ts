/**
 * An independent reading of docs/verdicts.md (default profile) for the close
 * codes the conformance scenarios use (all below 3000: no protocol code, and
 * no library here makes its replacement before the close). The suite checks the extension's
 * verdict against this function of the OBSERVED delays, never against a
 * per-library answer. Written from the text, not from src/analysis, so a
 * divergence between the two shows up as a failing scenario.
 *
 * Where the text leaves the order of equally severe findings open, every
 * finding at the worst level is returned and any of them is accepted.
 */
import type { VerdictLevel } from '../../../src/analysis/types';

/**
 * The request a retry is compared by (docs/verdicts.md, 1008's rule and "Terms"): the URL, query included, but
 * for a SockJS session path (`‹base›/‹server id›/‹session id›/websocket`, a three-digit server id, neither id
 * with a dot), which counts without its two ids.
 */
export function requestUrl(url: string): string {
  const u = new URL(url);
  const parts = u.pathname.split('/');
  const n = parts.length;
  const sockjs =
    n >= 4 &&
    parts[n - 1] === 'websocket' &&
    /^[0-9]{3}$/.test(parts[n - 3] ?? '') &&
    /^[^.]+$/.test(parts[n - 2] ?? '');
  if (sockjs) u.pathname = [...parts.slice(0, n - 3), 'websocket'].join('/');
  return u.href;
}

export interface OracleInput {
  code: number;
  /** d_1..d_n in seconds. */
  delays: readonly number[];
  /** Construction times of the attempts (epoch ms), same order. */
  attemptsAt: readonly number[];
  /** Per attempt: same URL (query included; a SockJS session's ids aside: requestUrl) and same subprotocols as the trigger. */
  sameRequest: readonly boolean[];
  /** After the last closure: no wait (last attempt still open), a wait still running, or 60 s of silence. */
  trailing: 'none' | 'running' | 'expired';
}

export interface Expected {
  level: VerdictLevel;
  /** Rule ids that are all correct answers (same level). */
  rules: string[];
}

const TOL = 0.05;
const SEVERITY: VerdictLevel[] = ['info', 'fits', 'pending', 'inconclusive', 'advice', 'problem'];
type Finding = [VerdictLevel, string];

const kind = (code: number) =>
  code === 1012
    ? 'restart'
    : code === 1013
      ? 'overload'
      : [1002, 1003, 1007, 1008, 1009, 1010, 3000, 3003].includes(code)
        ? 'terminal'
        : [1000, 1001, 1005].includes(code)
          ? 'none'
          : 'app-choice';

/** Storm: 5 or more attempts within any 2 s (tolerance in the page's favour). */
export function isStorm(attemptsAt: readonly number[]): boolean {
  for (let i = 0; i + 4 < attemptsAt.length; i++) {
    if ((attemptsAt[i + 4] ?? 0) - (attemptsAt[i] ?? 0) <= (2 - TOL) * 1000) return true;
  }
  return false;
}

/**
 * The backoff checks with E_k = max(d_1 … d_k); `noBackoff` is the level that finding has for this code.
 * "Not judged" (fewer than 3 delays) is info for every code.
 */
export function backoffFindings(d: readonly number[], noBackoff: VerdictLevel): Finding[] {
  if (d.length < 3) return [['info', 'not-judged']];
  const d1 = d[0] ?? 0;
  const out: Finding[] = [];
  let e = 0;
  let nb = false;
  let slow = false;
  d.forEach((dk, i) => {
    const k = i + 1;
    e = Math.max(e, dk);
    // No backoff: 5+ waits, never one of 2 s, none of d_2 … d_k past 1.5 · max(d_1, 0.25 s) (a ratio: no tolerance).
    if (k >= 5 && e + TOL < 2 && d.slice(1, k).every((x) => x <= 1.5 * Math.max(d1, 0.25))) nb = true;
    if (k >= 4 && e + TOL < 0.25 * 2 ** (k - 1) && e + TOL < 10) slow = true;
  });
  if (nb) out.push([noBackoff, 'no-backoff']);
  if (slow) out.push(['advice', 'slow-growth']);
  if (d.length >= 6 && e + TOL < 10) out.push(['advice', 'low-cap']);
  return out.length ? out : [['fits', 'fits']];
}

function findings(input: OracleInput): Finding[] {
  const d = input.delays;
  const d1 = d[0];
  switch (kind(input.code)) {
    case 'none':
      return [['info', d1 === undefined ? 'no-reconnect' : 'reconnected']];
    case 'terminal':
      if (input.sameRequest.some(Boolean)) return [['problem', 'blind-retry']];
      return [['fits', d1 === undefined ? 'no-retry' : 'changed-request']];
    case 'restart': {
      if (d1 === undefined) return [['problem', 'no-reconnect']];
      const out: Finding[] = d.length >= 2 ? backoffFindings(d, 'problem') : [];
      if (d1 + TOL < 1) out.push(['problem', 'too-soon']);
      else if (d1 - TOL > 5) out.push(['advice', 'slow']);
      else if (!out.length) out.push(['fits', 'fits']);
      return out;
    }
    case 'overload': {
      if (d1 === undefined) return [['problem', 'no-reconnect']];
      const out = backoffFindings(d, 'problem');
      if (d1 + TOL < 0.5) out.push(['problem', 'too-soon']);
      return out;
    }
    default:
      if (d1 === undefined) return [['info', 'no-reconnect']];
      return backoffFindings(d, 'advice');
  }
}

export function expectedVerdict(input: OracleInput): Expected {
  if (isStorm(input.attemptsAt)) return { level: 'problem', rules: ['storm'] };
  const k = kind(input.code);
  const prefix = `${k}.`;
  const all = findings(input);
  // A "no reconnect" needs the whole 60 s of silence: while the wait runs, it is not yet a verdict.
  const settled = input.trailing !== 'running' || k === 'none' ? all : all.filter(([, id]) => id !== 'no-reconnect');
  const worst = settled.reduce((m, [l]) => Math.max(m, SEVERITY.indexOf(l)), -1);
  const level = SEVERITY[worst];
  if (level === undefined || (input.trailing === 'running' && k !== 'none' && level !== 'problem')) {
    return { level: 'pending', rules: [`${prefix}pending`] };
  }
  return { level, rules: settled.filter(([l]) => l === level).map(([, id]) => prefix + id) };
}
