/**
 * WebSocket handshakes DevTools saw to URLs the recording has no connection to. The page hook sees
 * only sockets made by scripts of the documents it runs in; a socket made inside a worker (dedicated,
 * shared or service), or in the instant an iframe's first document has no hook yet, reaches the
 * network without it. DevTools' network data has its upgrade request all the same, so the panel can
 * say that such sockets exist and where they went, instead of leaving a user to wonder why a socket
 * they can see in the Network panel is missing here.
 *
 * Judged by URL, not socket by socket: a handshake's start and a socket's creation are read from two
 * clocks (DevTools' wall clock, the page's monotonic one) that drift apart after the system clock is
 * set, and pairing by time would then call every recorded socket unrecorded. So a URL counts once no
 * connection of the recording goes to it; a missed socket to a URL the page also reaches from its own
 * scripts is not told apart (the rate limit's, for one, is counted in the dropped notice).
 */
import type { Connection } from '../../protocol/recording';
import { normaliseSocketUrl, type HandshakeEntry } from './handshakes';

/**
 * How old a handshake must be before it can count as unrecorded: the hook's event travels through the
 * relay and the background (milliseconds, but seconds while the worker restarts), and DevTools may
 * report the request first.
 */
export const UNRECORDED_GRACE_MS = 5_000;

export interface UnrecordedInput {
  connections: readonly Connection[];
  entries: readonly HandshakeEntry[];
  /**
   * Handshakes before this are not judged: the recording (re)started then (install, clear, a
   * navigation), or its oldest connections were evicted up to it.
   */
  since: number;
  now: number;
}

/**
 * Normalised URLs by the page's spelling: a live recording is judged again at each version, and a
 * reconnect storm makes thousands of sockets to a handful of URLs. Bounded; cleared when full.
 */
const normalised = new Map<string, string>();
const MAX_NORMALISED = 1024;
function normal(url: string): string {
  let n = normalised.get(url);
  if (n === undefined) {
    if (normalised.size >= MAX_NORMALISED) normalised.clear();
    n = normaliseSocketUrl(url);
    normalised.set(url, n);
  }
  return n;
}

/** The handshakes to URLs no recorded connection goes to, oldest first. */
export function unrecordedHandshakes({ connections, entries, since, now }: UnrecordedInput): HandshakeEntry[] {
  const judged = entries.filter((e) => e.startedAt >= since && e.startedAt <= now - UNRECORDED_GRACE_MS);
  if (judged.length === 0) return [];
  const urls = new Set(judged.map((e) => e.url));
  // A URL over the page-URL bound is kept cut (its `truncated` says so): it covers every URL it begins.
  const cut = new Set<string>();
  for (let i = 0; i < connections.length && urls.size > 0; i++) {
    const c = connections[i]!;
    if (c.truncated?.includes('url')) cut.add(normal(c.url));
    else urls.delete(normal(c.url));
  }
  for (const prefix of cut) for (const url of urls) if (url.startsWith(prefix)) urls.delete(url);
  return judged.filter((e) => urls.has(e.url)).sort((a, b) => a.startedAt - b.startedAt);
}

/**
 * How long after the oldest connection kept a handshake may still be an evicted connection's: older
 * connections were made before it, but the browser can hold their handshakes back for seconds.
 */
export const EVICTION_MARGIN_MS = 60_000;

/** Where judging starts: the recording's start or, when older connections were evicted, after the oldest kept. */
export function unrecordedSince(startedAt: number, connections: readonly Connection[], evicted: number): number {
  if (evicted === 0) return startedAt;
  let oldest = Infinity;
  for (let i = 0; i < connections.length; i++) oldest = Math.min(oldest, connections[i]!.createdAt);
  // Everything evicted (nothing kept): nothing before now can be told from an evicted connection.
  return Math.max(startedAt, oldest + EVICTION_MARGIN_MS);
}
