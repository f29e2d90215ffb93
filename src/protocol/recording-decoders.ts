/**
 * The decoders of a recording's parts (a connection with its events and last messages, a mark, the
 * dropped counts), made once: an import runs them for each of 10,000 connections. Each checks every
 * field's type and bounds, and keeps only known fields, so unknown keys never reach the UI.
 */
import {
  arr,
  bool,
  DecodeError,
  defined,
  fail,
  int,
  obj,
  oneOf,
  opt,
  req,
  str,
  timeIn,
  type Decoder,
  type Obj,
} from './decode';
import { IMPORT_LIMITS } from './limits';
import { persistedOf } from './lifecycle-mark';
import {
  DIRECTIONS,
  END_CAUSES,
  EVENT_TYPES,
  exactConnection,
  HEX,
  MAX_CODE,
  MAX_READY_STATE,
  MIN_READY_STATE,
  MESSAGE_KINDS,
  SOCKET_APIS,
  STALL_OUTCOMES,
} from './exact-connection';
import {
  LIFECYCLE_STATES,
  type Connection,
  type DroppedCounts,
  type LastMessage,
  type LifecycleMark,
  type Mark,
  type MessageCounters,
  type SocketEvent,
} from './recording';

const MAX_URL = IMPORT_LIMITS.urlChars;
const MAX_STACK = IMPORT_LIMITS.stackChars;
const MAX_REASON = IMPORT_LIMITS.reasonChars;
const MAX_SHORT = IMPORT_LIMITS.shortChars;
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** Timestamps are fractional epoch milliseconds before 2100 (see IMPORT_LIMITS.maxTimeMs). */
export const MAX_TIME_MS = IMPORT_LIMITS.maxTimeMs;
export const time = timeIn(0, MAX_TIME_MS, String(IMPORT_LIMITS.maxTimeYear));

/**
 * The parsed object itself when decoding it changed nothing (the same values under the same keys), else
 * the decoded one without its absent optional fields. A file is parsed once and its objects are fresh,
 * plain data: keeping them, rather than a copy of each, leaves the garbage collector one recording to
 * move instead of two (a 10,000-connection import spent more time collecting than validating). An
 * object with an unknown key (`__proto__` included) or a value decoding changed is replaced.
 */
export function kept<T extends object>(parsed: Obj, decoded: T): T {
  const d = decoded as Obj;
  let n = 0;
  for (const k in parsed) {
    const v = d[k];
    if (v === undefined || v !== parsed[k]) return defined(decoded);
    n++;
  }
  for (const k in d) if (d[k] !== undefined) n--;
  return n === 0 ? (parsed as T) : defined(decoded);
}

/** An object decoder that keeps the parsed object when decoding changed nothing (`kept`). */
const inPlace =
  <T extends object>(decode: Decoder<T>): Decoder<T> =>
  (v, p) =>
    kept(v as Obj, decode(v, p));

/** An array of decoded items: the parsed array itself when every item decoded to itself. */
const list = <T>(item: Decoder<T>, max: number): Decoder<T[]> => {
  const items = arr(item, max);
  return (v, p) => {
    const out = items(v, p);
    const parsed = v as unknown[];
    for (let i = 0; i < out.length; i++) if (out[i] !== parsed[i]) return out;
    return parsed as T[];
  };
};

// Every decoder is made once here, not per field read: an import runs them for each of 10,000 connections.
const code = int(0, MAX_CODE);
const count = int(0, MAX_COUNT);
export const short = str(MAX_SHORT);
const url = str(MAX_URL);
const stack = str(MAX_STACK);
const reason = str(MAX_REASON);
const frameId = int(0, MAX_COUNT);
const eventType = oneOf(EVENT_TYPES);
const readyState = int(MIN_READY_STATE, MAX_READY_STATE);
const endCause = oneOf(END_CAUSES);
const stallSeconds = int(1, IMPORT_LIMITS.stallSeconds);
const stallOutcome = oneOf(STALL_OUTCOMES);

const socketEvent: Decoder<SocketEvent> = inPlace((v, p) => {
  const o = obj(v, p);
  const type = req(o, 'type', eventType, p);
  const at = req(o, 'at', time, p);
  switch (type) {
    case 'close-call':
      return {
        type,
        at,
        code: opt(o, 'code', code, p),
        reason: opt(o, 'reason', reason, p),
        readyState: req(o, 'readyState', readyState, p),
        stack: req(o, 'stack', stack, p),
      };
    case 'open':
      return {
        type,
        at,
        protocol: req(o, 'protocol', short, p),
        extensions: req(o, 'extensions', short, p),
      };
    case 'error':
      return { type, at, simulated: opt(o, 'simulated', bool, p) };
    case 'close':
      return {
        type,
        at,
        code: req(o, 'code', code, p),
        reason: req(o, 'reason', reason, p),
        wasClean: req(o, 'wasClean', bool, p),
        simulated: opt(o, 'simulated', bool, p),
        inferred: opt(o, 'inferred', bool, p),
      };
    case 'ended-with-document':
      return { type, at, cause: req(o, 'cause', endCause, p) };
    case 'stall':
      return { type, at, seconds: req(o, 'seconds', stallSeconds, p), simulated: true };
    case 'stall-end':
      return {
        type,
        at,
        outcome: req(o, 'outcome', stallOutcome, p),
        heldIn: req(o, 'heldIn', count, p),
        heldOut: req(o, 'heldOut', count, p),
        simulated: true,
      };
  }
});

const hexText = str(IMPORT_LIMITS.lastMessageHexChars);
const direction = oneOf(DIRECTIONS);
const messageKind = oneOf(MESSAGE_KINDS);
const messageText = str(IMPORT_LIMITS.lastMessageTextChars);

const lastMessage: Decoder<LastMessage> = inPlace((v, p) => {
  const o = obj(v, p);
  const hex = opt(o, 'hex', hexText, p);
  if (hex !== undefined && !HEX.test(hex)) fail('hex', `${p}.hex`, 'not lowercase hex');
  return {
    dir: req(o, 'dir', direction, p),
    at: req(o, 'at', time, p),
    kind: req(o, 'kind', messageKind, p),
    size: req(o, 'size', count, p),
    text: opt(o, 'text', messageText, p),
    hex,
    cut: opt(o, 'cut', bool, p),
  };
});

const counters: Decoder<MessageCounters> = inPlace((v, p) => {
  const o = obj(v, p);
  return {
    sentMessages: req(o, 'sentMessages', count, p),
    sentSize: req(o, 'sentSize', count, p),
    receivedMessages: req(o, 'receivedMessages', count, p),
    receivedSize: req(o, 'receivedSize', count, p),
  };
});

const socketNumber = int(1, MAX_COUNT);
const api = oneOf(SOCKET_APIS);
const protocols = list(short, IMPORT_LIMITS.protocols);
const events = list(socketEvent, IMPORT_LIMITS.eventsPerConnection);
const truncated = list(short, IMPORT_LIMITS.truncatedFields);

/**
 * A connection's last messages, as the relay takes them: one that cannot be read (another shape, past
 * the number kept, a list that is no list) is left out and the connection is marked cut there
 * ("lastMessages" in `truncated`, shown in its detail). They only explain a close: losing the whole
 * connection, its close and its verdict, for one of them would lose far more than it.
 */
function readLastMessages(v: unknown, p: string): { messages: LastMessage[] | undefined; cut: boolean } {
  if (!Array.isArray(v)) return { messages: undefined, cut: true };
  const n = Math.min(v.length, IMPORT_LIMITS.lastMessages);
  let out: LastMessage[] | undefined = n < v.length ? [] : undefined;
  for (let i = 0; i < n; i++) {
    let m: LastMessage | undefined;
    try {
      m = lastMessage(v[i], p);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
    }
    if (out === undefined && m === v[i]) continue;
    out ??= (v as LastMessage[]).slice(0, i);
    if (m) out.push(m);
  }
  const messages = out ?? (v as LastMessage[]);
  return { messages, cut: messages.length < v.length };
}

/** `truncated` naming the last messages too; a list already at its bound stays as it is. */
function cutLastMessages(fields: string[] | undefined): string[] {
  if (!fields) return ['lastMessages'];
  return fields.includes('lastMessages') || fields.length >= IMPORT_LIMITS.truncatedFields
    ? fields
    : [...fields, 'lastMessages'];
}

export const decodeConnection: Decoder<Connection> = inPlace((v, p) => {
  const o = obj(v, p);
  const last = o.lastMessages === undefined ? undefined : readLastMessages(o.lastMessages, p);
  const cutFields = opt(o, 'truncated', truncated, p);
  return {
    id: req(o, 'id', short, p),
    socketNumber: opt(o, 'socketNumber', socketNumber, p),
    api: req(o, 'api', api, p),
    url: req(o, 'url', url, p),
    protocols: req(o, 'protocols', protocols, p),
    frameId: req(o, 'frameId', frameId, p),
    documentId: req(o, 'documentId', short, p),
    frameUrl: req(o, 'frameUrl', url, p),
    site: opt(o, 'site', short, p),
    createdAt: req(o, 'createdAt', time, p),
    stack: req(o, 'stack', stack, p),
    events: req(o, 'events', events, p),
    counters: req(o, 'counters', counters, p),
    truncated: last?.cut ? cutLastMessages(cutFields) : cutFields,
    lastMessages: last?.messages,
  };
});

/**
 * A connection: one the fast check (exact-connection.ts) finds exactly as the decoder would keep it is kept
 * without decoding; any other is decoded, so it is copied, refused or named as before.
 */
export const connection: Decoder<Connection> = (v, p) =>
  exactConnection(v) ? (v as Connection) : decodeConnection(v, p);

const markType = oneOf(['navigation', 'lifecycle'] as const);
const lifecycle = oneOf(LIFECYCLE_STATES);

export const mark: Decoder<Mark> = inPlace((v, p) => {
  const o = obj(v, p);
  const type = req(o, 'type', markType, p);
  const at = req(o, 'at', time, p);
  const frame = req(o, 'frameId', frameId, p);
  const documentId = req(o, 'documentId', short, p);
  return type === 'navigation'
    ? { type, at, frameId: frame, documentId, url: req(o, 'url', url, p) }
    : lifecycleMark(o, at, frame, documentId, p);
});

function lifecycleMark(o: Obj, at: number, frameId: number, documentId: string, p: string): LifecycleMark {
  const state = req(o, 'state', lifecycle, p);
  // Files written before `persisted` was recorded have none: read as they always were.
  return { type: 'lifecycle', at, frameId, documentId, state, persisted: persistedOf(o, state, p) };
}

export const dropped: Decoder<DroppedCounts> = inPlace((v, p) => {
  const o = obj(v, p);
  return {
    connectionsEvicted: req(o, 'connectionsEvicted', count, p),
    connectionsRateLimited: req(o, 'connectionsRateLimited', count, p),
    connectionsUnreadable: opt(o, 'connectionsUnreadable', count, p) ?? 0,
    eventsRejected: req(o, 'eventsRejected', count, p),
    eventsOverflowed: req(o, 'eventsOverflowed', count, p),
    fieldsTruncated: req(o, 'fieldsTruncated', count, p),
    marksEvicted: req(o, 'marksEvicted', count, p),
  };
});
