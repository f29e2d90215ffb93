/** Number formatting for verdict substitutions: fixed, locale-free, so tests and exports are stable. */
export function seconds(s: number): string {
  return `${s.toFixed(2)} s`;
}

/** A threshold as written in the profile (e.g. "0.5"). */
export function num(n: number): string {
  return String(Number(n.toFixed(3)));
}

/**
 * How many waits a list names. An episode can run for hours (a page that retries every second while its
 * server is down), and a sentence naming thousands of waits is unreadable and costly wherever it is
 * shown; the first waits show the pattern, the rest are counted.
 */
export const DELAYS_LISTED = 10;

/** "1.00, 2.00 s"; longer than DELAYS_LISTED: the first ones and how many more, "1.00, …, 9.00, 10.00 s +5". */
export function delayList(delays: readonly number[]): string {
  const shown = delays.length > DELAYS_LISTED ? delays.slice(0, DELAYS_LISTED) : delays;
  const list = `${shown.map((d) => d.toFixed(2)).join(', ')} s`;
  return shown.length < delays.length ? `${list} +${delays.length - shown.length}` : list;
}
