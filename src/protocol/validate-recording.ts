/**
 * Validates an imported recording file. The file is untrusted input: every
 * field's type and bounds are checked, and every object in the result holds
 * only known fields, so unknown keys never reach the UI. parseRecording
 * never throws: any failure becomes an i18n error the panel shows as-is.
 */
import { at, DecodeError, int, obj, opt, req, UNNAMED, type Decoder } from './decode';
import { IMPORT_LIMITS } from './limits';
import { connection, dropped, kept, mark, MAX_COUNT, short, time } from './recording-decoders';
import { byCreation, RECORDING_FORMAT, RECORDING_FORMAT_VERSION, type Connection, type Recording } from './recording';
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
    profileId: opt(o, 'profileId', short, root),
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
