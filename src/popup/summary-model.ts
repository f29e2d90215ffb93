/**
 * What the popup shows, as pure functions over a recording and its analysis:
 * the recent window, closures grouped by code, the latest few closures, open
 * connections and dropped counts. Problems always come first, because the
 * popup is a glance: a problem must never be crowded out by routine closes.
 */
import type { Analysis, Closure, Verdict } from '../analysis/types';
import type { Connection, DroppedCounts, Recording } from '../protocol/recording';

export const LATEST_COUNT = 5;
const MINUTE_MS = 60_000;

export function isProblem(verdict: Verdict | undefined): boolean {
  return verdict?.level === 'problem';
}

/** Closures that ended within the last `minutes` before `now` (inclusive at the edge). */
export function recentClosures(closures: readonly Closure[], now: number, minutes: number): Closure[] {
  const from = now - minutes * MINUTE_MS;
  return closures.filter((c) => c.closedAt >= from);
}

export interface CodeGroup {
  code: number;
  count: number;
  problems: number;
  /** The newest closure with this code: its connection gives the context for the code's name. */
  latest: Closure;
}

/** Closures per code: codes with problems first (most problems first), then by count, then by code. */
export function groupByCode(closures: readonly Closure[], verdictByClosure: Readonly<Record<string, Verdict>>): CodeGroup[] {
  const groups = new Map<number, CodeGroup>();
  for (const c of closures) {
    const g = groups.get(c.code) ?? { code: c.code, count: 0, problems: 0, latest: c };
    g.count++;
    if (isProblem(verdictByClosure[c.connectionId])) g.problems++;
    if (c.closedAt >= g.latest.closedAt) g.latest = c;
    groups.set(c.code, g);
  }
  return [...groups.values()].sort((a, b) => b.problems - a.problems || b.count - a.count || a.code - b.code);
}

export interface ClosureRow {
  closure: Closure;
  verdict?: Verdict;
}

/**
 * The `n` closures to list: problems first, newest first within each group.
 * Selection and order share one key so that an older problem outranks a newer
 * routine close (the point of a glance is to see what is wrong). Failed
 * reconnect attempts are left out: their episode's trigger carries the verdict
 * (with the whole delay sequence), and a retry loop would otherwise fill the list.
 */
export function latestClosures(
  closures: readonly Closure[],
  verdictByClosure: Readonly<Record<string, Verdict>>,
  n: number = LATEST_COUNT,
): ClosureRow[] {
  return closures
    .filter((closure) => closure.episodeId === undefined || verdictByClosure[closure.connectionId] !== undefined)
    .map((closure) => {
      const verdict = verdictByClosure[closure.connectionId];
      return verdict ? { closure, verdict } : { closure };
    })
    .sort((a, b) => Number(isProblem(b.verdict)) - Number(isProblem(a.verdict)) || b.closure.closedAt - a.closure.closedAt)
    .slice(0, n);
}

/** Connections without a close (or document end): open, or still connecting. */
export function openConnections(recording: Recording, analysis: Analysis): Connection[] {
  const closed = new Set(analysis.closures.map((c) => c.connectionId));
  return recording.connections.filter((c) => !closed.has(c.id));
}

export type DroppedField = keyof DroppedCounts;

/** Order in which dropped counts are listed: lost connections before lost details. */
export const DROPPED_FIELDS: readonly DroppedField[] = [
  'connectionsEvicted',
  'connectionsRateLimited',
  'eventsOverflowed',
  'eventsRejected',
  'marksEvicted',
  'fieldsTruncated',
];

/** The non-zero dropped counts, each once. */
export function droppedEntries(dropped: DroppedCounts): { field: DroppedField; count: number }[] {
  return DROPPED_FIELDS.filter((f) => dropped[f] > 0).map((field) => ({ field, count: dropped[field] }));
}

function httpHost(url: string): string | undefined {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The hostname of the tab's page: its latest top-frame navigation, else the
 * document of its latest top-frame socket. Undefined when neither is a web
 * page (the pause setting is per site, so there is nothing to pause then).
 */
export function siteOf(recording: Recording): string | undefined {
  for (let i = recording.marks.length - 1; i >= 0; i--) {
    const m = recording.marks[i];
    if (m?.type === 'navigation' && m.frameId === 0) return httpHost(m.url);
  }
  let latest: Connection | undefined;
  for (const c of recording.connections) if (c.frameId === 0 && (!latest || c.createdAt >= latest.createdAt)) latest = c;
  return latest ? httpHost(latest.frameUrl) : undefined;
}
