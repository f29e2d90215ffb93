/**
 * The one base for hand-made recordings in tests: the epoch every fixture
 * counts from, a connection with neutral defaults, the usual events, and a
 * recording around connections. Each area's fixtures (analysis chains, popup
 * sockets, panel rows, timeline samples) build their own vocabulary on these.
 */
import {
  emptyCounters,
  emptyRecording,
  type Connection,
  type Mark,
  type Recording,
  type SocketEvent,
} from '../protocol/recording';

/** 2023-11-14T22:13:20Z: every fixture's times are offsets from it. */
export const T0 = 1_700_000_000_000;
export const MIN = 60_000;

/** A WebSocket connection in frame 0 with no events; tests override what they are about. */
export function connectionOf(o: Pick<Connection, 'id'> & Partial<Connection>): Connection {
  return {
    api: 'WebSocket',
    url: 'wss://app.example/ws',
    protocols: [],
    frameId: 0,
    documentId: 'doc-1',
    frameUrl: 'https://app.example/',
    createdAt: T0,
    stack: '',
    events: [],
    counters: emptyCounters(),
    ...o,
  };
}

export const openAt = (at: number, protocol = ''): SocketEvent => ({ type: 'open', at, protocol, extensions: '' });

export const closeAt = (
  at: number,
  code: number,
  o: { reason?: string; wasClean?: boolean; simulated?: boolean } = {},
): SocketEvent => ({
  type: 'close',
  at,
  code,
  reason: o.reason ?? '',
  wasClean: o.wasClean ?? code !== 1006,
  ...(o.simulated ? { simulated: true } : {}),
});

/** A recording of tab 7 started at T0 (or as patched), holding these connections in the order given. */
export function recordingOf(connections: Connection[], patch: Partial<Recording> | Mark[] = {}): Recording {
  const p = Array.isArray(patch) ? { marks: patch } : patch;
  return { ...emptyRecording(7, '0.1.0', T0), connections, ...p };
}
