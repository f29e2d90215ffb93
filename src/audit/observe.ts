/** What the engine reads from a recording: open sockets per endpoint, and how a page answered a scenario. */
import { endOf, endpointOf, openEventOf, type Connection, type Recording } from '../protocol/recording';
import { withoutSockjsSession } from '../analysis/link';

/**
 * The endpoint a check names and watches: the socket URL without query and fragment, and a SockJS session
 * URL without its two ids (`‹base›/‹server id›/‹session id›/websocket`), as the analysis links a closure to
 * its answer (docs/ARCHITECTURE.md, glossary). sockjs-client draws new ids for every connection: cut at the
 * ids, the page's reconnect went to another endpoint, so the check saw no attempt while the verdict it
 * reported said the page reconnected, and every later scenario found no open socket and judged nothing.
 */
export const checkedEndpointOf = (url: string): string => withoutSockjsSession(endpointOf(url));

/** Opened and not ended: the sockets a simulated close or drop can act on. */
export function isOpen(c: Connection): boolean {
  return openEventOf(c) !== undefined && endOf(c) === undefined;
}

/** Which sockets a check acts on: those whose URL starts with `prefix`, those of `endpoint` (exactly), or all. */
export interface SocketFilter {
  prefix?: string;
  endpoint?: string;
}

/** Open sockets grouped by endpoint (`checkedEndpointOf`), in creation order; only those the filter lets through. */
export function openByEndpoint(rec: Recording, filter: SocketFilter = {}): Map<string, Connection[]> {
  const { prefix, endpoint } = filter;
  const out = new Map<string, Connection[]>();
  for (const c of rec.connections) {
    if (!isOpen(c) || (prefix !== undefined && !c.url.startsWith(prefix))) continue;
    const ep = checkedEndpointOf(c.url);
    // An endpoint is the start of other endpoints' URLs (`wss://h/` of every one on its host): compared whole.
    if (endpoint !== undefined && ep !== endpoint) continue;
    out.set(ep, [...(out.get(ep) ?? []), c]);
  }
  return out;
}

export type Answer =
  | { kind: 'none' }
  | { kind: 'attempted' }
  /** An attempt is open and has been for `heldMs` (not yet the hold). */
  | { kind: 'holding'; heldMs: number }
  | { kind: 'recovered' };

/**
 * How the page has answered so far at one endpoint: its attempts are the connections to the endpoint
 * that did not exist when the scenario started (ids, not clocks: the page's clock may differ slightly).
 */
export function answerAt(
  rec: Recording,
  endpoint: string,
  before: ReadonlySet<string>,
  now: number,
  holdMs: number,
): Answer {
  let best: Answer = { kind: 'none' };
  for (const c of rec.connections) {
    if (before.has(c.id) || checkedEndpointOf(c.url) !== endpoint) continue;
    const open = openEventOf(c);
    if (!open) {
      if (best.kind === 'none') best = { kind: 'attempted' };
      continue;
    }
    const heldMs = (endOf(c)?.at ?? now) - open.at;
    if (heldMs >= holdMs) return { kind: 'recovered' };
    if (endOf(c) === undefined) best = { kind: 'holding', heldMs };
    else if (best.kind === 'none') best = { kind: 'attempted' };
  }
  return best;
}
