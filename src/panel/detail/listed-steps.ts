/**
 * Which attempts of an episode the detail lists. A page that retries every second while its server is down
 * makes an episode of thousands of attempts, and listing each one made selecting any of them take seconds.
 * The list keeps the first attempts (how the page started), the last ones (where it stands) and those around
 * the attempt shown (its neighbours), and says how many it leaves out between them.
 */
export type ListedStep = { kind: 'attempt'; index: number } | { kind: 'gap'; count: number };

/** Attempts kept at each end of the list. */
export const EDGE_ATTEMPTS = 3;
/** Attempts kept on each side of the one shown. */
export const AROUND_ATTEMPTS = 5;

/**
 * `current` is the shown attempt's index, or -1 when the shown closure is the trigger. The same cut serves
 * the detail's other long lists (a file's connection may hold thousands of events): `edge` items at each
 * end, `around` on each side of the current one.
 */
export function listedSteps(
  count: number,
  current: number,
  edge = EDGE_ATTEMPTS,
  around = AROUND_ATTEMPTS,
): ListedStep[] {
  const ranges: [number, number][] = [[0, Math.min(count, edge) - 1]];
  if (current >= 0) ranges.push([Math.max(0, current - around), Math.min(count - 1, current + around)]);
  ranges.push([Math.max(0, count - edge), count - 1]);
  const out: ListedStep[] = [];
  let next = 0;
  for (const [from, to] of ranges.sort((a, b) => a[0] - b[0])) {
    // A gap of one attempt takes as much room as the attempt: list it instead.
    const start = from - next <= 1 ? next : from;
    if (start > next) out.push({ kind: 'gap', count: start - next });
    for (let i = start; i <= to; i++) out.push({ kind: 'attempt', index: i });
    next = Math.max(next, to + 1);
  }
  return out;
}
