/**
 * Reconnect detection (docs/verdicts.md, "Terms"): which later attempt answers
 * which closure. Work is grouped by endpoint with maps, so it stays near-linear.
 * The 60 s link window takes the tolerance in the page's favour (an attempt at
 * 60.05 s still answers the closure), and so does the 10 s a replacement must
 * outlive the closure by.
 */
import type { Connection } from '../protocol/recording';
import type { ReconnectLink } from './types';
import type { Terms } from './profiles/types';
import type { ClosureFacts } from './classify';
import { urlParts, type UrlParts } from '../protocol/url-parts';
import { createMaxTree } from './max-tree';
import { linkHostsInTurn } from './hosts-in-turn';
import { firstPassing, pushTo } from './lists';

export interface LinkItem {
  conn: Connection;
  parts: UrlParts;
  keys: LinkKeys;
  closure: ClosureFacts | undefined;
  /** Already the next attempt of some closure (each attempt answers at most one). */
  claimed: boolean;
  /** Its creation was walked past (linkEndpoint's merge of creations and ends). */
  created: boolean;
  /** Its place in its endpoint's creation order (set by linkEndpoint). */
  position: number;
  /** The same-endpoint attempt linkEndpoint linked to its closure, if one did (not an overlapping one). */
  next?: LinkItem;
}

type Item = LinkItem;
type Closed = Item & { closure: ClosureFacts };

/** How long after a closure an attempt still answers it, in ms, with the tolerance in the page's favour. */
export const linkWindowMs = (terms: Terms): number => Math.round((terms.linkWindowS + terms.toleranceS) * 1000);

/** A connection's URL parts and the keys linking groups it by: its document with its endpoint, path or subprotocols. */
export interface LinkKeys {
  parts: UrlParts;
  endpoint: string;
  path: string;
  /** '' when it asked for none (such connections are not grouped by subprotocols). */
  protocols: string;
}

/**
 * SockJS's WebSocket transport (sockjs-client: Spring's STOMP over SockJS, Meteor) goes to
 * `<base>/<server id>/<session id>/websocket`, with a new random server and session id for every
 * connection. The ids name no endpoint: without them every reconnect would be a new path, answering
 * no closure. The server id sockjs-client draws is always three digits (000–999) and neither id has a
 * dot (the SockJS protocol), so an app's own path such as `/rooms/42/abc/websocket` keeps its ids.
 */
const SOCKJS_SESSION = /\/\d{3}\/[^/.?#]+\/websocket(?=$|[?#])/;
export const withoutSockjsSession = (url: string): string => url.replace(SOCKJS_SESSION, '/websocket');

export function linkKeysOf(conn: Connection): LinkKeys {
  const parts = urlParts(conn.url);
  const doc = conn.documentId;
  return {
    parts,
    endpoint: `${doc}\u0000${withoutSockjsSession(parts.base)}`,
    path: `${doc}\u0000${withoutSockjsSession(parts.path)}`,
    protocols: conn.protocols.length > 0 ? `${doc}\u0000${conn.protocols.join(',')}` : '',
  };
}

/** Links per closed connection id. Each attempt answers at most one closure. */
export function linkReconnects(
  connections: readonly Connection[],
  closures: ReadonlyMap<string, ClosureFacts>,
  terms: Terms,
  /** The keys per connection, when the caller keeps them between analyses. */
  keysOf: (conn: Connection) => LinkKeys = linkKeysOf,
  /** Filled, when given, with each endpoint's sockets no closure links to and its closures (parallel.ts). */
  endpoints?: Map<string, EndpointRest>,
): Map<string, ReconnectLink> {
  const links = new Map<string, ReconnectLink>();
  const byEndpoint = new Map<string, Item[]>();
  const items: Item[] = [];
  // Indexed: a for-of step allocates until V8 optimises the loop (docs/ARCHITECTURE.md, "Loops an import runs").
  for (let i = 0; i < connections.length; i++) {
    const conn = connections[i]!;
    const keys = keysOf(conn);
    // Flags on the item rather than sets of ids: no hashing of 10,000 ids per analysis.
    const item: Item = {
      conn,
      parts: keys.parts,
      keys,
      closure: closures.get(conn.id),
      claimed: false,
      created: false,
      position: -1,
    };
    items.push(item);
    const group = byEndpoint.get(keys.endpoint);
    if (group) group.push(item);
    else byEndpoint.set(keys.endpoint, [item]);
  }
  const ends: Closed[][] = [];
  for (const group of byEndpoint.values()) ends.push(linkEndpoint(group, terms, links));
  linkHostsInTurn(items, links, linkWindowMs(terms), movedLink);
  linkMoved(items, terms, links);
  if (endpoints) {
    let g = 0;
    // Each group is in creation order now (linkEndpoint sorted it); the groups and their ends are in the same order.
    for (const [endpoint, group] of byEndpoint) {
      const closed = ends[g++]!;
      let unclaimed: Connection[] | undefined;
      for (let i = 0; i < group.length; i++) if (!group[i]!.claimed) (unclaimed ??= []).push(group[i]!.conn);
      if (unclaimed && closed.length > 0)
        endpoints.set(endpoint, { unclaimed, closures: closed.map((i) => i.closure) });
    }
  }
  return links;
}

/**
 * What linking leaves of one endpoint, for the storm's count of sockets opened beside a chain (parallel.ts):
 * the sockets no closure links to, in creation order, and the closures, in the order they closed.
 */
export interface EndpointRest {
  unclaimed: Connection[];
  closures: ClosureFacts[];
}

/**
 * Same endpoint: first-closed pairs with first-next; a replacement made before the close links as overlapping.
 * Returns the group's closed items (but those the document's end closed) in the order they closed.
 */
function linkEndpoint(group: Item[], terms: Terms, links: Map<string, ReconnectLink>): Closed[] {
  const windowMs = linkWindowMs(terms);
  const overlapMs = terms.overlapWindowS * 1000;
  const stableMs = Math.round((terms.stableOpenS - terms.toleranceS) * 1000);
  // The group is ours (built by linkReconnects): sort it in place.
  const creations = group.sort((a, b) => a.conn.createdAt - b.conn.createdAt);
  const ends = group
    .filter((i): i is Closed => i.closure !== undefined && i.closure.initiator !== 'document')
    .sort((a, b) => a.closure.closedAt - b.closure.closedAt);
  // Sockets created with no closure waiting for them and still alive: candidates for make-before-break.
  // Kept by creation order, each valued by when it closed (Infinity while it never did; -Infinity when it
  // is no candidate), so a closure finds the earliest candidate that outlives it without walking every
  // socket still open: a page with thousands open at once would make that quadratic.
  for (let i = 0; i < creations.length; i++) creations[i]!.position = i;
  const fresh = createMaxTree(creations.length);
  const pending: Closed[] = [];
  let head = 0;
  let ci = 0;
  let ei = 0;
  while (ci < creations.length || ei < ends.length) {
    const next = creations[ci];
    const end = ends[ei];
    const takeEnd =
      end !== undefined &&
      (next === undefined ||
        end.closure.closedAt < next.conn.createdAt ||
        (end.closure.closedAt === next.conn.createdAt && end.created));
    if (takeEnd && end) {
      ei++;
      fresh.set(end.position, -Infinity);
      const c = end.closure;
      // A replacement is made after the closing socket, shortly before the close, and outlives it;
      // sockets that die together (a shared outage) are parallel, and pair first-closed with first-next
      // instead. Creation times rise with the position, so the first two conditions give where to start.
      const from = firstPassing(0, creations.length, (i) => {
        const at = creations[i]!.conn.createdAt;
        return at > end.conn.createdAt && c.closedAt - at <= overlapMs;
      });
      const found = fresh.firstFrom(from, (closedAt) => closedAt - c.closedAt >= stableMs);
      if (found !== -1) {
        const replacement = creations[found]!;
        fresh.set(found, -Infinity);
        replacement.claimed = true;
        links.set(c.connectionId, { nextId: replacement.conn.id, delayS: 0, label: 'overlapping' });
      } else {
        pending.push(end);
      }
    } else if (next) {
      ci++;
      next.created = true;
      const at = next.conn.createdAt;
      while (head < pending.length && at - (pending[head]?.closure.closedAt ?? 0) > windowMs) head++;
      const waiting = pending[head];
      if (waiting) {
        head++;
        next.claimed = true;
        waiting.next = next;
        const c = waiting.closure;
        links.set(c.connectionId, { nextId: next.conn.id, delayS: (at - c.closedAt) / 1000 });
      } else {
        fresh.set(ci - 1, next.closure ? next.closure.closedAt : Infinity);
      }
    }
  }
  return ends;
}

/**
 * Moved: no same-endpoint attempt followed, but one in the same document went to another
 * host with the same path, or asked for the same subprotocols, within the link window.
 */
function linkMoved(items: Item[], terms: Terms, links: Map<string, ReconnectLink>): void {
  const windowMs = linkWindowMs(terms);
  const byPath = new Map<string, Item[]>();
  const byProtocols = new Map<string, Item[]>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.claimed) continue;
    pushTo(byPath, item.keys.path, item);
    if (item.keys.protocols !== '') pushTo(byProtocols, item.keys.protocols, item);
  }
  for (const list of byPath.values()) list.sort((a, b) => a.conn.createdAt - b.conn.createdAt);
  for (const list of byProtocols.values()) list.sort((a, b) => a.conn.createdAt - b.conn.createdAt);

  const orphans = items
    .filter(
      (i): i is Item & { closure: ClosureFacts } =>
        !!i.closure && i.closure.initiator !== 'document' && !links.has(i.conn.id),
    )
    .sort((a, b) => a.closure.closedAt - b.closure.closedAt);
  for (let i = 0; i < orphans.length; i++) {
    const o = orphans[i]!;
    const from = o.closure.closedAt;
    const accept = (c: Item, samePath: boolean) =>
      !c.claimed && c.parts.base !== o.parts.base && (!samePath || c.parts.host !== o.parts.host);
    const a = firstIn(byPath.get(o.keys.path), from, from + windowMs, (c) => accept(c, true));
    const b =
      o.keys.protocols !== ''
        ? firstIn(byProtocols.get(o.keys.protocols), from, from + windowMs, (c) => accept(c, false))
        : undefined;
    const pick = a && b ? (a.conn.createdAt <= b.conn.createdAt ? a : b) : (a ?? b);
    if (!pick) continue;
    pick.claimed = true;
    links.set(o.conn.id, movedLink(o, pick));
  }
}

/** The link of a closure to an attempt elsewhere: moved, saying where to. */
function movedLink(o: Closed, pick: Item): ReconnectLink {
  return {
    nextId: pick.conn.id,
    delayS: (pick.conn.createdAt - o.closure.closedAt) / 1000,
    label: 'moved',
    // Where it went: its host, or, on the same host (the same subprotocols on another path), its path too.
    // Never a user name the URL carries (`wss://key@host/`): the views show every URL without one.
    movedTo: pick.parts.host === o.parts.host ? `${hostOnly(pick.parts)}${pick.parts.path}` : hostOnly(pick.parts),
  };
}

/** The host (with port) of a URL's authority, without its user name. */
const hostOnly = ({ host }: UrlParts): string => host.slice(host.lastIndexOf('@') + 1);

/** First item created in [from, to] that passes ok, by binary search then a short scan. */
function firstIn(list: Item[] | undefined, from: number, to: number, ok: (i: Item) => boolean): Item | undefined {
  if (!list) return undefined;
  for (let i = firstPassing(0, list.length, (k) => list[k]!.conn.createdAt >= from); i < list.length; i++) {
    const item = list[i];
    if (!item || item.conn.createdAt > to) break;
    if (ok(item)) return item;
  }
  return undefined;
}
