/**
 * How one relay event becomes recording facts: a new Connection from a
 * "socket" event, or an event appended to an existing one. Pure.
 */
import type { RelayEvent } from '../protocol/messages';
import { emptyCounters, type Connection } from '../protocol/recording';

type SocketEvent = Extract<RelayEvent, { t: 'socket' }>;
export type ConnectionEvent = Exclude<RelayEvent, { t: 'socket' } | { t: 'life' }>;

export function connectionFrom(
  id: string,
  documentId: string,
  frame: { frameId: number; url: string },
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
    frameUrl: frame.url,
    createdAt: ev.at,
    stack: ev.stack,
    events: [],
    counters: emptyCounters(),
    ...(ev.truncated ? { truncated: [...ev.truncated] } : {}),
  };
}

export function applyToConnection(c: Connection, ev: ConnectionEvent): void {
  if (ev.truncated) c.truncated = [...new Set([...(c.truncated ?? []), ...ev.truncated])];
  switch (ev.t) {
    case 'open':
      c.events.push({ type: 'open', at: ev.at, protocol: ev.protocol, extensions: ev.extensions });
      return;
    case 'close-call':
      c.events.push({
        type: 'close-call',
        at: ev.at,
        readyState: ev.readyState,
        stack: ev.stack,
        ...(ev.code !== undefined ? { code: ev.code } : {}),
        ...(ev.reason !== undefined ? { reason: ev.reason } : {}),
      });
      return;
    case 'error':
      c.events.push({ type: 'error', at: ev.at, ...(ev.sim ? { simulated: true } : {}) });
      return;
    case 'close':
      // A close after the document was already closed out (late delivery) replaces the inference.
      c.events = c.events.filter((e) => e.type !== 'ended-with-document');
      c.events.push({
        type: 'close',
        at: ev.at,
        code: ev.code,
        reason: ev.reason,
        wasClean: ev.wasClean,
        ...(ev.sim ? { simulated: true } : {}),
      });
      c.counters = ev.counters;
      if (ev.last) c.lastMessages = ev.last;
      return;
    case 'stall':
      c.events.push({ type: 'stall', at: ev.at, seconds: ev.seconds, simulated: true });
      return;
    case 'stall-end':
      c.events.push({
        type: 'stall-end',
        at: ev.at,
        outcome: ev.outcome,
        heldIn: ev.heldIn,
        heldOut: ev.heldOut,
        simulated: true,
      });
      return;
  }
}
