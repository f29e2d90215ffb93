/** The server-side events each library meets: a close per kind of guidance, and a dropped connection. */
import type { DelayModel } from './models';

export interface Scenario {
  /** The close code the page sees: 1006 is a dropped TCP connection, not a close frame. */
  code: number;
  reason: string;
  /** Drop the TCP connection instead of sending a close frame. */
  drop: boolean;
  /** Refuse the following handshakes (HTTP 503) for a while, so the backoff shows. */
  refuse: boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  { code: 1008, reason: 'policy violation', drop: false, refuse: false },
  { code: 1012, reason: 'service restart', drop: false, refuse: false },
  { code: 1013, reason: 'try again later', drop: false, refuse: true },
  { code: 1006, reason: '', drop: true, refuse: true },
  { code: 1000, reason: 'done', drop: false, refuse: false },
];

/** Longest a scenario may spend waiting for reconnects, in seconds (keeps the matrix short). */
export const WAIT_BUDGET_S = 32;
/** How long silence is watched when the library is not expected to reconnect (longer than any first delay it has). */
export const QUIET_S = 6;
export const MIN_REFUSALS = 2;
export const MAX_REFUSALS = 6;

/** Worst case of the first n delays, from the model's upper bounds. */
export function worstCaseS(model: DelayModel, code: number, n: number): number {
  const his: number[] = [];
  for (let k = 1; k <= n; k++) his.push(model.range(code, k, his)[1]);
  return his.reduce((a, b) => a + b, 0);
}

/**
 * How long to await the attempts a plan expects after the close: the model's worst case for them, plus 5 s,
 * and 2 s per attempt, of a loaded machine's scheduling (a timer run late, a handshake slow).
 */
export function reconnectWaitMs(model: DelayModel, code: number, attempts: number): number {
  return (worstCaseS(model, code, attempts) + 5 + 2 * attempts) * 1000;
}

/**
 * How long the first socket may take to reach the server once its page has loaded: nothing is refused
 * before the close, so at most a retry of the library's own and a loaded machine's seconds. Well inside a
 * test's timeout, so a run whose first socket never comes still ends, and closes its page and server,
 * while its test runs.
 */
export const FIRST_SOCKET_MS = 30_000;

/**
 * How many handshakes to refuse: as many as fit the budget (up to 6, so a fast
 * loop can show a storm), at least 2 (so at least 3 delays get judged).
 */
export function refusalsFor(model: DelayModel, s: Scenario): number {
  if (!s.refuse || !model.reconnectsAfter(s.code)) return 0;
  let r = MIN_REFUSALS;
  while (r < MAX_REFUSALS && worstCaseS(model, s.code, r + 2) <= WAIT_BUDGET_S) r++;
  return r;
}
