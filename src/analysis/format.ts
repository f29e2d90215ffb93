/** Number formatting for verdict substitutions: fixed, locale-free, so tests and exports are stable. */
export function seconds(s: number): string {
  return `${s.toFixed(2)} s`;
}

/** A threshold as written in the profile (e.g. "0.5"). */
export function num(n: number): string {
  return String(Number(n.toFixed(3)));
}

export function delayList(delays: readonly number[]): string {
  return `${delays.map((d) => d.toFixed(2)).join(', ')} s`;
}
