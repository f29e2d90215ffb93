/**
 * How one relay event becomes recording facts: a new Connection from a
 * "socket" event, or an event appended to an existing one. Pure.
 */
import type { RelayEvent } from '../protocol/messages';
import { emptyCounters, endOf, type Connection } from '../protocol/recording';

type SocketEvent = Extract<RelayEvent, { t: 'socket' }>;
export type ConnectionEvent = Exclude<RelayEvent, { t: 'socket' } | { t: 'life' }>;

export function connectionFrom(
  id: string,
  documentId: string,
  frame: { frameId: number; url: string; site?: string },
  ev: SocketEvent,
): Connection {
  return {
    id,
    socketNumber: ev.k,
    api: ev.api,
    url: ev.url,
    protocols: ev.protocols,
    frameId: frame.frameId,
    documentId,
    frameUrl: pageUrl(ev.page, frame.url),
    ...(frame.site !== undefined && { site: frame.site }),
    createdAt: ev.at,
    stack: ev.stack,
    events: [],
    counters: emptyCounters(),
    ...(ev.truncated ? { truncated: [...ev.truncated] } : {}),
  };
}

/**
 * Where the page was when it made the socket: the relay's word for a single-page app's route, taken only
 * within the document's origin (a same-document navigation cannot leave it); else the document's address.
 */
function pageUrl(page: string | undefined, doc: string): string {
  if (page === undefined) return doc;
  try {
    return new URL(page).origin === new URL(doc).origin ? page : doc;
  } catch {
    return doc;
  }
}

/**
 * An event's time, held to the socket's creation and its last event. The hook's clock is monotonic, so
 * the page's real events always are; an event out of order was forged (a page can reach a fresh
 * frame's hook port in its first instant, docs/ARCHITECTURE.md) and would otherwise let a socket close
 * before it was made, which the analysis of the badge and of every view would take as the socket being
 * its own reconnect.
 */
export function heldTime(c: Connection, at: number): number {
  const last = c.events.length > 0 ? c.events[c.events.length - 1]!.at : c.createdAt;
  return Math.max(at, c.createdAt, last);
}

/**
 * A connection failed with an error event and no close event: the browser fired the error and left the
 * socket CLOSED without one (Chromium, for a socket the page's CSP blocks). A failing connection's close
 * event comes in the same task as its error, so in the same batch; a socket still without an end after
 * its batch ends at its error, with the 1006 of a failed connection, until a close event says otherwise.
 */
export function endFailed(c: Connection): boolean {
  if (endOf(c)) return false;
  const error = c.events.find((e) => e.type === 'error' && !e.simulated);
  if (!error) return false;
  c.events.push({ type: 'close', at: heldTime(c, error.at), code: 1006, reason: '', wasClean: false, inferred: true });
  return true;
}

export function applyToConnection(c: Connection, ev: ConnectionEvent): void {
  if (ev.truncated) c.truncated = [...new Set([...(c.truncated ?? []), ...ev.truncated])];
  if (ev.t === 'close') {
    // A close after the document was already closed out (late delivery), or after an error that came in a
    // batch of its own, replaces the inference.
    c.events = c.events.filter((e) => e.type !== 'ended-with-document' && !(e.type === 'close' && e.inferred));
  }
  const at = heldTime(c, ev.at);
  switch (ev.t) {
    case 'open':
      c.events.push({ type: 'open', at, protocol: ev.protocol, extensions: ev.extensions });
      return;
    case 'close-call':
      c.events.push({
        type: 'close-call',
        at,
        readyState: ev.readyState,
        stack: ev.stack,
        ...(ev.code !== undefined ? { code: ev.code } : {}),
        ...(ev.reason !== undefined ? { reason: ev.reason } : {}),
      });
      return;
    case 'error':
      c.events.push({ type: 'error', at, ...(ev.sim ? { simulated: true } : {}) });
      return;
    case 'close':
      c.events.push({
        type: 'close',
        at,
        code: ev.code,
        reason: ev.reason,
        wasClean: ev.wasClean,
        ...(ev.sim ? { simulated: true } : {}),
      });
      c.counters = ev.counters;
      if (ev.last) c.lastMessages = ev.last;
      return;
    case 'stall':
      c.events.push({ type: 'stall', at, seconds: ev.seconds, simulated: true });
      return;
    case 'stall-end':
      c.events.push({
        type: 'stall-end',
        at,
        outcome: ev.outcome,
        heldIn: ev.heldIn,
        heldOut: ev.heldOut,
        simulated: true,
      });
      return;
  }
}
