/**
 * Refused handshakes' HTTP status (the 401/403/429/503 that says why): the page's
 * hook only sees error + 1006; DevTools' network data has an entry for the
 * upgrade request, with its status where the browser records one (see
 * HandshakeEntry.status for what Chromium 156 does). This module is the pure
 * part: it reads HAR entries and matches them to the connections that never
 * opened, by URL and time. The browser-facing adapter is devtools-network.ts.
 */
import { endOf, openEventOf, type Connection } from '../../protocol/recording';

export interface HandshakeEntry {
  /** Normalised socket URL (see normaliseSocketUrl). */
  url: string;
  /** When the request started, epoch ms. */
  startedAt: number;
  /**
   * HTTP status; 0 when DevTools recorded none. Measured in Chromium 156: a
   * refused upgrade (the server answered 403 or 429) is in the HAR, from
   * getHAR and onRequestFinished alike, with status 0 and an empty error frame,
   * so 0 does not mean the server never answered.
   */
  status: number;
  statusText: string;
}

/** Most entries kept: WebSocket handshakes only, newest last. */
export const MAX_HANDSHAKES = 500;

/**
 * How far a request's start may lie from the socket's creation. Both clocks are
 * the machine's wall clock; the page's is performance.timeOrigin-based and may
 * drift a little from DevTools' timestamps.
 */
export const MATCH_SLACK_MS = 1500;

/**
 * One form for the page's URL and DevTools': ws/wss scheme, lower-case host, default port and fragment
 * dropped, and no user name or password (a recorded URL never has the password, DevTools' has it).
 */
export function normaliseSocketUrl(raw: string): string {
  try {
    const u = new URL(raw);
    if (u.protocol === 'http:') u.protocol = 'ws:';
    else if (u.protocol === 'https:') u.protocol = 'wss:';
    u.hash = '';
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return raw;
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** A HAR entry as Chromium's DevTools gives it, if it is a WebSocket handshake; anything else is null. */
export function handshakeFromHar(entry: unknown): HandshakeEntry | null {
  if (!isRecord(entry) || !isRecord(entry.request) || !isRecord(entry.response)) return null;
  const url = entry.request.url;
  if (typeof url !== 'string') return null;
  const websocket = entry._resourceType === 'websocket' || /^wss?:/i.test(url);
  if (!websocket) return null;
  const startedAt = typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : NaN;
  const status = entry.response.status;
  if (!Number.isFinite(startedAt) || typeof status !== 'number' || !Number.isInteger(status) || status < 0) return null;
  const statusText = typeof entry.response.statusText === 'string' ? entry.response.statusText : '';
  return { url: normaliseSocketUrl(url), startedAt, status, statusText };
}

/**
 * Adds entries, dropping exact repeats (getHAR and onRequestFinished report the same request) and, beyond
 * max, the oldest of the URLs with the most: a page's reconnect storm to one URL must not push out the one
 * handshake of a worker's socket (which the unrecorded notice names) or of another endpoint.
 */
export function addHandshakes(
  list: readonly HandshakeEntry[],
  added: readonly HandshakeEntry[],
  max = MAX_HANDSHAKES,
): HandshakeEntry[] {
  const key = (e: HandshakeEntry) => `${e.startedAt}\n${e.url}`;
  const seen = new Set(list.map(key));
  const next = [...list];
  for (const e of added) {
    if (seen.has(key(e))) continue;
    seen.add(key(e));
    next.push(e);
  }
  next.sort((a, b) => a.startedAt - b.startedAt);
  return next.length > max ? newestPerUrl(next, max) : next;
}

/** At most `max` of the entries (sorted by start): each URL keeps its newest, up to one share for all. */
function newestPerUrl(sorted: readonly HandshakeEntry[], max: number): HandshakeEntry[] {
  const counts = new Map<string, number>();
  for (const e of sorted) counts.set(e.url, (counts.get(e.url) ?? 0) + 1);
  // The largest share every URL can keep within max: the fewest URLs keep all they have.
  const sizes = [...counts.values()].sort((a, b) => a - b);
  let left = max;
  let share = 0;
  for (let i = 0; i < sizes.length; i++) {
    const even = Math.floor(left / (sizes.length - i));
    if (sizes[i]! > even) {
      share = even;
      break;
    }
    left -= sizes[i]!;
    share = sizes[i]!;
  }
  const kept: HandshakeEntry[] = [];
  const taken = new Map<string, number>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const e = sorted[i]!;
    const n = taken.get(e.url) ?? 0;
    if (n >= share) continue;
    taken.set(e.url, n + 1);
    kept.push(e);
  }
  return kept.reverse();
}

/** Sockets whose handshake never finished and which have ended: the ones a status explains. */
export function neverOpened(c: Connection): boolean {
  return openEventOf(c) === undefined && endOf(c) !== undefined;
}

/** Index of the first entry starting at or after `at` (entries sorted by start). */
function lowerBound(list: readonly HandshakeEntry[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.startedAt < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The entries to a connection's URL; a URL over the page-URL bound is kept cut (its `truncated` says so),
 * and then every URL it begins is its.
 */
function listsOf(byUrl: ReadonlyMap<string, HandshakeEntry[]>, c: Connection): HandshakeEntry[][] {
  const url = normaliseSocketUrl(c.url);
  if (!c.truncated?.includes('url')) {
    const list = byUrl.get(url);
    return list ? [list] : [];
  }
  const lists: HandshakeEntry[][] = [];
  for (const [u, list] of byUrl) if (u.startsWith(url)) lists.push(list);
  return lists;
}

/**
 * The handshake entry of each connection that never opened, by connection id.
 * Same URL, start within the socket's life (plus slack); the closest pairs
 * (start to creation) are taken first and each entry explains at most one
 * socket, so a burst of retries to one URL pairs up in order.
 */
export function matchHandshakes(
  connections: readonly Connection[],
  entries: readonly HandshakeEntry[],
): Map<string, HandshakeEntry> {
  const byUrl = new Map<string, HandshakeEntry[]>();
  for (const e of entries) {
    const list = byUrl.get(e.url);
    if (list) list.push(e);
    else byUrl.set(e.url, [e]);
  }
  for (const list of byUrl.values()) list.sort((a, b) => a.startedAt - b.startedAt);

  const pairs: { id: string; entry: HandshakeEntry; distance: number }[] = [];
  for (const c of connections) {
    if (!neverOpened(c)) continue;
    const last = (endOf(c)?.at ?? c.createdAt) + MATCH_SLACK_MS;
    for (const list of listsOf(byUrl, c)) {
      // Binary search to the window: a 1006 storm has thousands of sockets per URL.
      for (let i = lowerBound(list, c.createdAt - MATCH_SLACK_MS); i < list.length && list[i]!.startedAt <= last; i++) {
        pairs.push({ id: c.id, entry: list[i]!, distance: Math.abs(list[i]!.startedAt - c.createdAt) });
      }
    }
  }
  pairs.sort((a, b) => a.distance - b.distance);
  const used = new Set<HandshakeEntry>();
  const out = new Map<string, HandshakeEntry>();
  for (const p of pairs) {
    if (out.has(p.id) || used.has(p.entry)) continue;
    used.add(p.entry);
    out.set(p.id, p.entry);
  }
  return out;
}

/** How many sockets that never opened still lack a status: the adapter re-reads the HAR when this grows. */
export function unmatchedCount(
  connections: readonly Connection[],
  matched: ReadonlyMap<string, HandshakeEntry>,
): number {
  let n = 0;
  for (const c of connections) if (neverOpened(c) && !matched.has(c.id)) n++;
  return n;
}
