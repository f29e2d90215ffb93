/**
 * What the popup shows, as pure functions over a recording and its analysis:
 * the recent window, closures grouped by code, the latest few closures, open
 * connections and dropped counts. Problems always come first, because the
 * popup is a glance: a problem must never be crowded out by routine closes.
 */
import type { ClosurePresentation } from '../analysis/present';
import type { Analysis, Closure, Verdict } from '../analysis/types';
import type { Connection, Recording } from '../protocol/recording';

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

/** One reconnect episode as the popup counts it: what it was judged, and how many attempts it took. */
export interface EpisodeCount {
  verdict: Verdict;
  attempts: number;
}

export interface CodeGroup {
  code: number;
  /** Episodes this code started (their failed attempts count inside them, never as more closures). */
  episodes: EpisodeCount[];
  /** Closures of this code outside any episode. */
  lone: number;
  /** Episodes and lone closures judged a problem. */
  problems: number;
  /**
   * The newest closure with this code: its connection gives the context for the code's name. An episode
   * whose trigger left the window while its attempts (of other codes) are recent is named by its trigger.
   */
  latest: Closure;
}

/**
 * What a user counts: "1008: one episode, a blind retry repeated 4 times",
 * not "five 1008 closures, one problem". Each reconnect episode (attempts that
 * were judged) with a recent closure is counted once, under its trigger's
 * code; other closures are counted one by one. Codes with problems first (most first), then by how
 * many things happened, then by code.
 */
export function groupByCode(
  closures: readonly Closure[],
  analysis: Pick<Analysis, 'closures' | 'episodes' | 'verdictByClosure'>,
): CodeGroup[] {
  const groups = new Map<number, CodeGroup>();
  const group = (code: number, c: Closure): CodeGroup => {
    const g = groups.get(code) ?? { code, episodes: [], lone: 0, problems: 0, latest: c };
    groups.set(code, g);
    return g;
  };
  const episodeById = new Map(analysis.episodes.map((e) => [e.id, e]));
  const counted = new Set<string>();
  for (const c of closures) {
    const found = c.episodeId === undefined ? undefined : episodeById.get(c.episodeId);
    // A close with no retry, or retries nothing was expected of (info), is just closures to a user.
    const episode = found && found.attemptIds.length > 0 && found.verdict.level !== 'info' ? found : undefined;
    if (episode) {
      // Named by a closure of its code: where only attempts of other codes are recent, by its trigger.
      const trigger = () => analysis.closures.find((t) => t.connectionId === episode.triggerId) ?? c;
      const g = groups.get(episode.code) ?? group(episode.code, c.code === episode.code ? c : trigger());
      if (c.code === episode.code && c.closedAt >= g.latest.closedAt) g.latest = c;
      if (counted.has(episode.id)) continue;
      counted.add(episode.id);
      g.episodes.push({ verdict: episode.verdict, attempts: episode.attemptIds.length });
      if (isProblem(episode.verdict)) g.problems++;
    } else {
      const g = group(c.code, c);
      g.lone++;
      if (isProblem(analysis.verdictByClosure[c.connectionId])) g.problems++;
      if (c.closedAt >= g.latest.closedAt) g.latest = c;
    }
  }
  const size = (g: CodeGroup) => g.episodes.length + g.lone;
  return [...groups.values()].sort((a, b) => b.problems - a.problems || size(b) - size(a) || a.code - b.code);
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
): Pick<ClosurePresentation, 'closure' | 'verdict'>[] {
  return closures
    .filter((closure) => closure.episodeId === undefined || verdictByClosure[closure.connectionId] !== undefined)
    .map((closure) => {
      const verdict = verdictByClosure[closure.connectionId];
      return verdict ? { closure, verdict } : { closure };
    })
    .sort(
      (a, b) => Number(isProblem(b.verdict)) - Number(isProblem(a.verdict)) || b.closure.closedAt - a.closure.closedAt,
    )
    .slice(0, n);
}

/** Connections without a close (or document end): open, or still connecting. */
export function openConnections(recording: Recording, analysis: Analysis): Connection[] {
  const closed = new Set(analysis.closures.map((c) => c.connectionId));
  return recording.connections.filter((c) => !closed.has(c.id));
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
  for (const c of recording.connections)
    if (c.frameId === 0 && (!latest || c.createdAt >= latest.createdAt)) latest = c;
  return latest ? httpHost(latest.frameUrl) : undefined;
}
