/**
 * Validates an imported recording file. The file is untrusted input: every
 * field's type and bounds are checked, and every object in the result holds
 * only known fields, so unknown keys never reach the UI. parseRecording
 * never throws: any failure becomes an i18n error the panel shows as-is.
 */
import {
  arr,
  at,
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
  UNNAMED,
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
  byCreation,
  LIFECYCLE_STATES,
  RECORDING_FORMAT,
  RECORDING_FORMAT_VERSION,
  type Connection,
  type DroppedCounts,
  type LastMessage,
  type LifecycleMark,
  type Mark,
  type MessageCounters,
  type Recording,
  type SocketEvent,
} from './recording';
import { fieldError, readEntries, type ImportError } from './read-entries';

/** Files above this are refused before parsing: a recording is bounded far below it. */
export const MAX_IMPORT_BYTES = IMPORT_LIMITS.fileBytes;

export type { ImportError };

/**
 * What a partly readable file lost: each connection or mark that failed its checks (a field, an event
 * before its socket was made, an id an earlier connection has) is left out and counted, and the first of
 * them is named as a refusal would have named it.
 */
export interface LeftOut {
  connections: number;
  marks: number;
  first: ImportError;
}

export type ParseResult = { ok: true; recording: Recording; leftOut?: LeftOut } | { ok: false; error: ImportError };

const MAX_URL = IMPORT_LIMITS.urlChars;
const MAX_STACK = IMPORT_LIMITS.stackChars;
const MAX_REASON = IMPORT_LIMITS.reasonChars;
const MAX_SHORT = IMPORT_LIMITS.shortChars;
const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** Timestamps are fractional epoch milliseconds before 2100 (see IMPORT_LIMITS.maxTimeMs). */
export const MAX_TIME_MS = IMPORT_LIMITS.maxTimeMs;
const time = timeIn(0, MAX_TIME_MS, String(IMPORT_LIMITS.maxTimeYear));

/**
 * A refusal of the whole file that no field's shape explains: another format or version, a file none of whose
 * connections could be read, or (for a stored recording) any entry that fails.
 */
class Failure extends Error {
  constructor(readonly error: ImportError) {
    super(error.id);
  }
}

/**
 * The parsed object itself when decoding it changed nothing (the same values under the same keys), else
 * the decoded one without its absent optional fields. A file is parsed once and its objects are fresh,
 * plain data: keeping them, rather than a copy of each, leaves the garbage collector one recording to
 * move instead of two (a 10,000-connection import spent more time collecting than validating). An
 * object with an unknown key (`__proto__` included) or a value decoding changed is replaced.
 */
function kept<T extends object>(parsed: Obj, decoded: T): T {
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
const short = str(MAX_SHORT);
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
const lastMessages = list(lastMessage, IMPORT_LIMITS.lastMessages);

export const decodeConnection: Decoder<Connection> = inPlace((v, p) => {
  const o = obj(v, p);
  return {
    id: req(o, 'id', short, p),
    socketNumber: opt(o, 'socketNumber', socketNumber, p),
    api: req(o, 'api', api, p),
    url: req(o, 'url', url, p),
    protocols: req(o, 'protocols', protocols, p),
    frameId: req(o, 'frameId', frameId, p),
    documentId: req(o, 'documentId', short, p),
    frameUrl: req(o, 'frameUrl', url, p),
    createdAt: req(o, 'createdAt', time, p),
    stack: req(o, 'stack', stack, p),
    events: req(o, 'events', events, p),
    counters: req(o, 'counters', counters, p),
    truncated: opt(o, 'truncated', truncated, p),
    lastMessages: opt(o, 'lastMessages', lastMessages, p),
  };
});

/**
 * A connection: one the fast check (exact-connection.ts) finds exactly as the decoder would keep it is kept
 * without decoding; any other is decoded, so it is copied, refused or named as before.
 */
const connection: Decoder<Connection> = (v, p) => (exactConnection(v) ? (v as Connection) : decodeConnection(v, p));

const markType = oneOf(['navigation', 'lifecycle'] as const);
const lifecycle = oneOf(LIFECYCLE_STATES);

const mark: Decoder<Mark> = inPlace((v, p) => {
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

const dropped: Decoder<DroppedCounts> = inPlace((v, p) => {
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

/**
 * The recording, decoded from `root` (`named`, or UNNAMED for a first pass that names no field); `named`
 * is where the recording is in the file ('$', or '$.recording' inside a reconnect check's report). A
 * connection or mark that fails goes to `bad`, named where it is in the file.
 */
function readRecording(
  v: unknown,
  root: string,
  named: string,
  bad: (list: List, error: ImportError) => void,
): Recording {
  const o = obj(v, root);
  if (o.format !== RECORDING_FORMAT) throw new Failure({ id: 'panel_import_err_format', subs: [RECORDING_FORMAT] });
  if (o.version !== RECORDING_FORMAT_VERSION) {
    // As written in the file: "1" (text) must not read as the version 1 it is refused beside.
    const written = JSON.stringify(o.version) ?? String(o.version);
    const shown = written.length > 40 ? `${written.slice(0, 40)}…` : written;
    throw new Failure({ id: 'panel_import_err_version', subs: [shown, String(RECORDING_FORMAT_VERSION)] });
  }
  // Selection and linking key on connection ids: of two connections with one id, the first in the file stays.
  const seen = new Set<string>();
  const connectionOk = (c: Connection, i: number, list: string): ImportError | undefined => {
    if (seen.has(c.id)) return { id: 'panel_import_err_duplicate_id', subs: [c.id] };
    // A socket's events follow its creation: Closeline's own recordings always keep that (the hook's clock
    // is monotonic, and the background holds every event to it). A file that does not was edited or forged,
    // and an event before its socket would make the socket its own reconnect.
    for (let j = 0; j < c.events.length; j++) {
      if (c.events[j]!.at < c.createdAt)
        return { id: 'panel_import_err_before_created', subs: [`${list}[${i}].events[${j}].at`] };
    }
    seen.add(c.id);
    return undefined;
  };
  const entries = <T>(
    key: List,
    item: Decoder<T>,
    max: number,
    check: (entry: T, index: number, list: string) => ImportError | undefined = noCheck,
  ) => readEntries(o[key], at(root, key), `${named}.${key}`, max, item, check, (error) => bad(key, error));
  const rec = kept<Recording>(o, {
    format: RECORDING_FORMAT,
    version: RECORDING_FORMAT_VERSION,
    extensionVersion: req(o, 'extensionVersion', short, root),
    tabId: req(o, 'tabId', int(-1, MAX_COUNT), root),
    startedAt: req(o, 'startedAt', time, root),
    exportedAt: opt(o, 'exportedAt', time, root),
    connections: entries('connections', connection, IMPORT_LIMITS.connections, connectionOk),
    marks: entries('marks', mark, IMPORT_LIMITS.marks),
    dropped: req(o, 'dropped', dropped, root),
  });
  // The analysis relies on time order; a hand-edited file may not keep it (sort is stable).
  rec.connections.sort(byCreation);
  rec.marks.sort((a, b) => a.at - b.at);
  return rec;
}

const noCheck = (): undefined => undefined;

/** The lists whose entries are read one by one (read-entries.ts). */
type List = 'connections' | 'marks';

/** A bad entry refuses the whole value (a stored recording read back). */
const refuse = (_list: List, error: ImportError): never => {
  throw new Failure(error);
};

/**
 * Decodes without building a path per field (an import reads hundreds of thousands of them); only when
 * a field outside the lists fails is it decoded again with paths, to say which. A connection or mark
 * that fails is left out and counted (an entry names its own path); a file none of whose connections
 * can be read is refused with the first one's error.
 */
function decodeRecording(json: unknown, named: string): { recording: Recording; leftOut?: LeftOut } {
  const decode = (root: string) => {
    const lost = { connections: 0, marks: 0, first: undefined as ImportError | undefined };
    const recording = readRecording(json, root, named, (list, error) => {
      lost[list]++;
      lost.first ??= error;
    });
    return { recording, lost };
  };
  let out;
  try {
    out = decode(UNNAMED);
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    out = decode(named);
  }
  const { recording, lost } = out;
  if (!lost.first) return { recording };
  if (recording.connections.length === 0 && lost.connections > 0) throw new Failure(lost.first);
  return { recording, leftOut: { connections: lost.connections, marks: lost.marks, first: lost.first } };
}

/**
 * A recording the background stored, read back when its worker starts: checked like an import, so a
 * stored value of another shape (a bug, an older build's) is refused rather than trusted. Undefined
 * when it is not a recording.
 */
export function decodeStoredRecording(v: unknown): Recording | undefined {
  try {
    return readRecording(v, UNNAMED, '$', refuse);
  } catch {
    return undefined;
  }
}

/** The `format` of `closeline audit --json` reports (they hold the recording under `recording`). */
export const AUDIT_REPORT_FORMAT = 'closeline-audit';

/** Parses and validates an exported recording (or the recording inside a reconnect check's report). Never throws. */
export function parseRecording(text: string): ParseResult {
  // A UTF-8 file never decodes to more UTF-16 units than it has bytes, so this bound is safe.
  if (typeof text !== 'string') return { ok: false, error: { id: 'panel_import_err_json' } };
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, error: { id: 'panel_import_err_too_large', subs: [String(MAX_IMPORT_BYTES / 1024 / 1024)] } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: { id: 'panel_import_err_json' } };
  }
  // A reconnect check's JSON report carries the recording its verdicts were made from: open that, and
  // name its fields where they are in the file.
  let named = '$';
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === AUDIT_REPORT_FORMAT) {
    json = (json as { recording?: unknown }).recording;
    named = '$.recording';
  }
  try {
    return { ok: true, ...decodeRecording(json, named) };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    // A field failed: the catalog has one message per kind, with the field's path first.
    if (e instanceof DecodeError) return { ok: false, error: fieldError(e) };
    // e.g. a stack overflow on absurd nesting: still a refusal, never a crash.
    return { ok: false, error: { id: 'panel_import_err_unreadable' } };
  }
}
