/**
 * Test-only builders: recordings from delay sequences, plus a tiny seeded PRNG
 * so random-jitter tests are reproducible.
 */
import type { Connection, LifecycleState, Mark, Recording, SocketEvent } from '../protocol/recording';
import { T0, connectionOf, recordingOf as baseRecording } from '../test-support/recordings';
import { seededRandom } from '../test-support/seeded-random';

export { T0, seededRandom };

export interface ConnSpec {
  id: string;
  createdAt: number;
  url?: string;
  protocols?: string[];
  documentId?: string;
  frameId?: number;
  /** ms after creation. */
  openAfter?: number;
  /** ms after creation: the page called close(). */
  closeCallAfter?: number;
  /** readyState at that close() call (default 1, OPEN). */
  closeCallState?: number;
  /** ms after creation: the close event. */
  closeAfter?: number;
  code?: number;
  wasClean?: boolean;
  /** Fire an error event just before the close (a failed handshake). */
  error?: boolean;
  /** ms after creation: that error event, when the page's error handlers ran a while before the close event. */
  errorAfter?: number;
  /** ms after creation: the document went away with the socket open. */
  documentEndAfter?: number;
}

export const URL_A = 'wss://api.example.com/live?token=abc';

export function conn(s: ConnSpec): Connection {
  const events: SocketEvent[] = [];
  const at = (ms: number) => s.createdAt + ms;
  if (s.openAfter !== undefined)
    events.push({ type: 'open', at: at(s.openAfter), protocol: s.protocols?.[0] ?? '', extensions: '' });
  // A close() made in the error handler of a failed handshake lands between the error and the close event.
  const callAfterError = s.closeCallAfter !== undefined && s.error && s.closeCallAfter >= (s.closeAfter ?? Infinity);
  const closeCall = (): void => {
    if (s.closeCallAfter !== undefined)
      events.push({
        type: 'close-call',
        at: at(s.closeCallAfter),
        code: 1000,
        readyState: s.closeCallState ?? 1,
        stack: 'app.js:1',
      });
  };
  if (!callAfterError) closeCall();
  if (s.closeAfter !== undefined) {
    if (s.error) events.push({ type: 'error', at: at(s.errorAfter ?? s.closeAfter) });
    if (callAfterError) closeCall();
    const code = s.code ?? 1006;
    events.push({ type: 'close', at: at(s.closeAfter), code, reason: '', wasClean: s.wasClean ?? code !== 1006 });
  }
  if (s.documentEndAfter !== undefined)
    events.push({ type: 'ended-with-document', at: at(s.documentEndAfter), cause: 'new-document' });
  return connectionOf({
    id: s.id,
    url: s.url ?? URL_A,
    protocols: s.protocols ?? [],
    frameId: s.frameId ?? 0,
    documentId: s.documentId ?? 'doc-1',
    frameUrl: 'https://app.example.com/',
    createdAt: s.createdAt,
    stack: 'app.js:1',
    events,
  });
}

/** Connections and marks in time order, as the background stores them, started a second before T0. */
export function recordingOf(connections: Connection[], marks: Mark[] = []): Recording {
  return baseRecording(
    [...connections].sort((a, b) => a.createdAt - b.createdAt),
    {
      tabId: 1,
      extensionVersion: 'test',
      startedAt: T0 - 1000,
      marks: [...marks].sort((a, b) => a.at - b.at),
    },
  );
}

export function lifecycle(at: number, state: LifecycleState, documentId = 'doc-1', frameId = 0): Mark {
  return { type: 'lifecycle', at, frameId, documentId, state };
}

/** A pagehide: `persisted` false unloads the document for good, true puts it in the back/forward cache. */
export function pagehide(at: number, persisted: boolean, documentId = 'doc-1', frameId = 0): Mark {
  return { type: 'lifecycle', at, frameId, documentId, state: 'pagehide', persisted };
}

/** A top-frame document starting (or back from the back/forward cache), as the background marks it. */
export function navigation(at: number, documentId = 'doc-1'): Mark {
  return { type: 'navigation', at, frameId: 0, documentId, url: 'https://app.example.com/' };
}

export interface ChainSpec {
  /** The trigger's close code (1006 gives a drop after open). */
  code: number;
  /** Delays after the trigger, seconds: d_1..d_n. */
  delays: readonly number[];
  /** The last attempt opens and holds (recovered). When false every attempt fails. */
  lastHolds?: boolean;
  /** How long a failed attempt takes to fail, ms. */
  failMs?: number;
  /** The page itself closed the trigger. */
  pageClosed?: boolean;
  /** The trigger's URL (default URL_A). */
  url?: string;
  /** Subprotocols every connection requests; the server negotiates the first. */
  protocols?: string[];
  /** URL per attempt (default: the trigger's). */
  attemptUrl?: (k: number) => string;
  /** Recording end, ms after the last event; default 30 s after a held attempt or 61 s after the last failure. */
  tailMs?: number;
}

export interface Chain {
  recording: Recording;
  now: number;
  triggerId: string;
  /** When the trigger closed (epoch ms). */
  closedAt: number;
  attemptIds: string[];
}

/** A trigger closing at T0 + 60 s after a minute open, then attempts after the given delays. */
export function chain(spec: ChainSpec, marks: Mark[] = []): Chain {
  const failMs = spec.failMs ?? 50;
  const holds = spec.lastHolds ?? true;
  const triggerCreated = T0;
  const lifeMs = 60_000;
  const url0 = spec.url ?? URL_A;
  const protocols = spec.protocols ?? [];
  const trigger = conn({
    id: 't',
    createdAt: triggerCreated,
    url: url0,
    protocols,
    openAfter: 10,
    closeAfter: lifeMs,
    code: spec.code,
    ...(spec.pageClosed && { closeCallAfter: lifeMs - 5 }),
  });
  const conns = [trigger];
  const attemptIds: string[] = [];
  let end = triggerCreated + lifeMs;
  let lastAt = end;
  spec.delays.forEach((d, i) => {
    const id = `a${i + 1}`;
    const createdAt = end + d * 1000;
    const last = i === spec.delays.length - 1;
    const url = spec.attemptUrl?.(i + 1) ?? url0;
    if (last && holds) {
      conns.push(conn({ id, createdAt, url, protocols, openAfter: 20 }));
      lastAt = createdAt + 20;
    } else {
      conns.push(conn({ id, createdAt, url, protocols, closeAfter: failMs, error: true }));
      end = createdAt + failMs;
      lastAt = end;
    }
    attemptIds.push(id);
  });
  const heldLast = holds && spec.delays.length > 0;
  const now = lastAt + (spec.tailMs ?? (heldLast ? 30_000 : 61_000));
  return { recording: recordingOf(conns, marks), now, triggerId: 't', closedAt: triggerCreated + lifeMs, attemptIds };
}

/** 10,000 connections: 2,000 episodes of a trigger and four attempts over 400 endpoints in 4 documents. */
export function bigRecording(): Recording {
  const r = seededRandom(42);
  const conns: Connection[] = [];
  let t = T0;
  for (let e = 0; e < 2_000; e++) {
    const doc = `doc-${e % 4}`;
    const url = `wss://h${e % 10}.example/ws/${e % 400}?n=${e}`;
    conns.push(
      conn({
        id: `t${e}`,
        createdAt: t,
        url,
        documentId: doc,
        openAfter: 5,
        closeAfter: 15_000,
        code: [1012, 1013, 1006, 1008, 1000][e % 5]!,
      }),
    );
    let end = t + 15_000;
    for (let k = 0; k < 4; k++) {
      const created = end + 500 + r() * 3_000;
      const last = k === 3;
      conns.push(
        conn({
          id: `t${e}a${k}`,
          createdAt: created,
          url,
          documentId: doc,
          ...(last
            ? { openAfter: 5, closeAfter: 20_000, code: 1000, closeCallAfter: 19_000 }
            : { closeAfter: 40, error: true }),
        }),
      );
      end = created + 40;
    }
    t += 700;
  }
  const marks = Array.from({ length: 500 }, (_, i) =>
    lifecycle(T0 + i * 3_000, i % 2 ? 'visible' : 'hidden', `doc-${i % 4}`),
  );
  return recordingOf(conns, marks);
}
