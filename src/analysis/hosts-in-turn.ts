/**
 * Hosts tried in turn (docs/verdicts.md, "Terms"). A page with a list of hosts (MQTT.js's `servers`, an
 * app's own fallbacks) answers a closure with an attempt to the next host and, when that fails, one to the
 * next, coming back to the first. Same-endpoint linking pairs each closure with the next attempt to its own
 * host, a turn or more later, and leaves the chain in pieces: an episode "waiting for a reconnect" while
 * the page reconnected long ago, and its loop split into episodes too short to be judged, so a storm of
 * attempts across three hosts went unseen.
 *
 * So an attempt to another host (the same path, or the same requested subprotocols: what "moved" links)
 * that answers no closure and failed, made after a closure there whose same-endpoint attempt came only
 * after that failure, is that closure's answer: it links as moved, and the same-endpoint attempt is free to
 * answer the failure in turn (here, or as a moved link later). One still open when the page tried the first
 * host again was no turn but a socket of its own, and the same-endpoint attempt stays the answer.
 */
import type { ReconnectLink } from './types';
import type { ClosureFacts } from './classify';
import type { LinkItem } from './link';
import { firstPassing, pushTo } from './lists';

type Closed = LinkItem & { closure: ClosureFacts };

const closedOf = (i: LinkItem): i is Closed => i.closure !== undefined && i.closure.initiator !== 'document';

export function linkHostsInTurn(
  items: readonly LinkItem[],
  links: Map<string, ReconnectLink>,
  windowMs: number,
  movedLink: (o: Closed, pick: LinkItem) => ReconnectLink,
): void {
  // Failed attempts that answer no closure: few in most recordings, none where every host is tried once.
  const queue = items.filter((i): i is Closed => !i.claimed && closedOf(i));
  if (queue.length === 0) return;
  queue.sort((a, b) => a.conn.createdAt - b.conn.createdAt);
  const paths = new Map<string, Closed[]>();
  const protocols = new Map<string, Closed[]>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (!closedOf(item)) continue;
    pushTo(paths, item.keys.path, item);
    if (item.keys.protocols !== '') pushTo(protocols, item.keys.protocols, item);
  }
  const byPath = closedLists(paths);
  const byProtocols = closedLists(protocols);

  for (let q = 0; q < queue.length; q++) {
    const m = queue[q]!;
    if (m.claimed) continue;
    // The latest closure elsewhere before this attempt: on another host of its path, or another endpoint
    // with its subprotocols.
    const a = lastBefore(byPath.get(m.keys.path), m, windowMs, (o) => o.parts.host !== m.parts.host);
    const b =
      m.keys.protocols !== '' ? lastBefore(byProtocols.get(m.keys.protocols), m, windowMs, () => true) : undefined;
    const o = a && b ? (a.closure.closedAt >= b.closure.closedAt ? a : b) : (a ?? b);
    const x = o?.next;
    if (!o || !x || links.get(o.conn.id)?.label !== undefined) continue;
    // The page came back to the first host after this attempt had failed: it was a turn.
    if (x.conn.createdAt <= m.conn.createdAt || m.closure.closedAt > x.conn.createdAt) continue;
    links.set(o.conn.id, movedLink(o, m));
    m.claimed = true;
    o.next = m;
    x.claimed = false;
    // The freed attempt, if it failed too, may be the next turn's answer: queued in creation order.
    if (closedOf(x)) {
      const at = x.conn.createdAt;
      queue.splice(
        firstPassing(q + 1, queue.length, (i) => queue[i]!.conn.createdAt > at),
        0,
        x,
      );
    }
  }
}

/** Closures in the order they closed, with where each run of one endpoint's closures starts. */
interface ClosedList {
  list: Closed[];
  /** Per index, the first index of the run of closures of its endpoint it is in: lets a search skip an endpoint. */
  runStart: number[];
}

function closedLists(map: Map<string, Closed[]>): Map<string, ClosedList> {
  const out = new Map<string, ClosedList>();
  for (const [key, list] of map) {
    list.sort((a, b) => a.closure.closedAt - b.closure.closedAt);
    const runStart: number[] = [];
    for (let i = 0; i < list.length; i++)
      runStart.push(i > 0 && list[i - 1]!.parts.base === list[i]!.parts.base ? runStart[i - 1]! : i);
    out.set(key, { list, runStart });
  }
  return out;
}

/** The last closure of another endpoint, closed by m's creation within the window, that passes ok. */
function lastBefore(
  closed: ClosedList | undefined,
  m: Closed,
  windowMs: number,
  ok: (o: Closed) => boolean,
): Closed | undefined {
  if (!closed) return undefined;
  const { list, runStart } = closed;
  const at = m.conn.createdAt;
  for (let i = firstPassing(0, list.length, (k) => list[k]!.closure.closedAt > at) - 1; i >= 0; i--) {
    const o = list[i]!;
    if (at - o.closure.closedAt > windowMs) return undefined;
    // m's own endpoint's closures are skipped a run at a time: a page's burst there costs one step.
    if (o.parts.base === m.parts.base) {
      i = runStart[i]!;
      continue;
    }
    if (o.conn.createdAt >= at) continue;
    return ok(o) ? o : undefined;
  }
  return undefined;
}
