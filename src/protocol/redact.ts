/**
 * Query-parameter values, user names and token-like subprotocols often carry
 * secrets. Exports and copied text redact them by default (a setting keeps
 * them). Parameter names stay, so the user still sees which parameters changed
 * between attempts. Passwords in URLs are never stored at all: `stripPasswords`
 * runs before anything from the page is kept.
 */
import type { Connection, LastMessage, Recording, SocketEvent } from './recording';
import { byObject, mapChanged } from './map-changed';
import { textMemo } from './text-memo';
import { looksLikeToken, PLACEHOLDER, plain, REDACTED, redactReason, redactText, type Mark } from './redact-text';

export { REDACTED, redactReason, redactText, type Mark };

/**
 * A mark for one export: every distinct value gets its own placeholder (`REDACTED`, `REDACTED-2`, …), the
 * same one each time it recurs. A file is judged again when opened, and a 1008 answered with a new token
 * (or user, or token subprotocol) is "changed request" only while the two requests still differ: with one
 * placeholder for all, the export turned it into a blind retry. Only equality is kept, never a value.
 */
export function distinctMarks(): Mark {
  const seen = new Map<string, string>();
  return (value) => {
    let m = seen.get(value);
    if (m === undefined) seen.set(value, (m = seen.size === 0 ? REDACTED : `${REDACTED}-${seen.size + 1}`));
    return m;
  };
}

/** scheme://user:password@ — the password part of any URL in a text (a URL, a stack). */
const PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*):[^\s/?#@]*@/gi;

/** A password that runs to the end of a cut text: the cut ended inside it, before its `@`. */
const CUT_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*):[^\s/?#@]*$/i;

/**
 * Drops the password of every URL in a text, keeping the user name: `wss://u:p@h/` → `wss://u@h/`.
 * `cut`: the text was cut to a bound, which may have ended inside a password (a token as a basic-auth
 * password can be longer than a kept URL): what is left of it goes too, `wss://u:pa` → `wss://u@`.
 */
export function stripPasswords(text: string, cut = false): string {
  const out = text.includes('@') ? text.replace(PASSWORD, '$1@') : text;
  return cut ? out.replace(CUT_PASSWORD, '$1@') : out;
}

/** `name=value` inside a fragment: the value, up to the next separator. */
const FRAGMENT_VALUE = /([#&?;][^#&?;=]*=)[^#&?;]*/g;

/**
 * Redacts the user name and every query-parameter value of a URL, every `name=value` value in its
 * fragment (the whole fragment after a query), and each path segment or bare query that looks like a
 * token; in unparseable input only the `name=value` values after its first `?`.
 */
export function redactUrl(url: string, mark: Mark = plain): string {
  return redactUrlParts(url, mark, true);
}

/** `paths`: token-like path segments too (not in a stack's script URLs, where build hashes look alike). */
function redactUrlParts(url: string, mark: Mark, paths: boolean): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const q = beforeHash.indexOf('?');
  const beforeQuery = redactUserinfo(q === -1 ? beforeHash : beforeHash.slice(0, q), mark);
  const base = paths ? redactPath(beforeQuery, mark) : beforeQuery;
  // Without a query the fragment may still carry one: an OAuth implicit flow returns its token as
  // `#access_token=…`, and hash routers put parameters after `#/route?`. Their values are redacted; a
  // fragment that names no value (`#section`, `#/route`) stays.
  if (q === -1)
    return base + hash.replace(FRAGMENT_VALUE, (all: string, name: string) => name + mark(all.slice(name.length)));
  const query = beforeHash.slice(q + 1);
  const redacted = query
    .split('&')
    .map((pair) => {
      if (pair === '') return pair;
      const eq = pair.indexOf('=');
      // A pair without `=` is usually a flag (`?debug`), but some servers take the token as the bare query.
      if (eq === -1) return secretLike(pair) ? mark(pair) : pair;
      return `${pair.slice(0, eq)}=${mark(pair.slice(eq + 1))}`;
    })
    .join('&');
  return `${base}?${redacted}${hash === '' ? '' : '#' + mark(hash)}`;
}

/**
 * A token, or a file's placeholder for one: redacted again, a file opened shows one REDACTED wherever the
 * recording showed one, and saved again keeps one placeholder per distinct value.
 */
const secretLike = (text: string): boolean => looksLikeToken(text) || PLACEHOLDER.test(text);

/**
 * Some servers take the token in the path (`wss://host/websocket/<token>`, as Slack's RTM URLs did): a path
 * segment that looks like one is redacted whole. The host and any other segment stay.
 */
function redactPath(base: string, mark: Mark): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(base);
  if (!m || m[0].length === base.length) return base;
  const path = base.slice(m[0].length);
  if (!looksLikeToken(path) && !path.includes(REDACTED)) return base;
  return (
    m[0] +
    path
      .split('/')
      .map((seg) => (secretLike(seg) ? mark(seg) : seg))
      .join('/')
  );
}

function redactUserinfo(base: string, mark: Mark): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/]*)@/i.exec(base);
  return m ? `${m[1]}${mark(m[2] ?? '')}@${base.slice(m[0].length)}` : base;
}

/** A URL followed by `:line` or `:line:column`, as in a stack frame. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s()]+/gi;

/** Redacts every URL inside a stack trace, keeping each frame's line and column. */
export function redactStack(stack: string, mark: Mark = plain): string {
  return stack.replace(URL_IN_TEXT, (found) => {
    const pos = /(:\d+){1,2}$/.exec(found);
    const url = pos ? found.slice(0, pos.index) : found;
    return redactUrlParts(url, mark, false) + (pos ? pos[0] : '');
  });
}

/** Subprotocols are names (`graphql-transport-ws`), but some clients put a bearer token in one. */
export function redactProtocol(p: string, mark: Mark = plain): string {
  // Long, or with a long unbroken run of token characters (names are short words joined by dashes or dots).
  return p.length > 32 || /[A-Za-z0-9_+/=]{20,}/.test(p) || PLACEHOLDER.test(p) ? mark(p) : p;
}

/** A redaction of one text; a memo of one pass over a recording answers repeated texts once. */
type Redact = (text: string) => string;

/** The redactions one pass applies: URLs, stacks, subprotocols and close reasons. */
interface Redactors {
  urlOf: Redact;
  stackOf: Redact;
  protocolOf: Redact;
  reasonOf: Redact;
}

function redactEvent(e: SocketEvent, { stackOf, protocolOf, reasonOf }: Redactors): SocketEvent {
  if (e.type === 'close-call') {
    const stack = stackOf(e.stack);
    if (e.reason === undefined) return stack === e.stack ? e : { ...e, stack };
    const reason = reasonOf(e.reason);
    return stack === e.stack && reason === e.reason ? e : { ...e, stack, reason };
  }
  if (e.type === 'close') {
    const reason = reasonOf(e.reason);
    return reason === e.reason ? e : { ...e, reason };
  }
  if (e.type === 'open') {
    const protocol = e.protocol === '' ? '' : protocolOf(e.protocol);
    return protocol === e.protocol ? e : { ...e, protocol };
  }
  return e;
}

function redactMessage(m: LastMessage): LastMessage {
  if (m.text === undefined) return m;
  const text = redactText(m.text);
  return text === m.text ? m : { ...m, text };
}

/**
 * The connection with its secrets redacted; the connection itself when it has none. Events, lists and
 * messages without secrets are kept, not copied: a 10,000-connection import redacted every one of them.
 */
function redactConnection(c: Connection, r: Redactors): Connection {
  const url = r.urlOf(c.url);
  const frameUrl = r.urlOf(c.frameUrl);
  const stack = r.stackOf(c.stack);
  const protocols = mapChanged(c.protocols, r.protocolOf);
  const events = mapChanged(c.events, (e) => redactEvent(e, r));
  const lastMessages = c.lastMessages && mapChanged(c.lastMessages, redactMessage);
  if (
    url === c.url &&
    frameUrl === c.frameUrl &&
    stack === c.stack &&
    protocols === c.protocols &&
    events === c.events &&
    lastMessages === c.lastMessages
  )
    return c;
  const out: Connection = { ...c, url, frameUrl, stack, protocols, events };
  if (lastMessages) out.lastMessages = lastMessages;
  return out;
}

/** A copy of the recording with secrets redacted: URLs, stacks, token-like subprotocols and close reasons' tokens. */
export function redactRecording(rec: Recording): Recording {
  return redactPass(rec, undefined);
}

/**
 * redactRecording for a file (an export), which is judged again when it is opened: each distinct value
 * has its own placeholder (`distinctMarks`), so the file is judged as the recording was. What a view
 * shows was judged on the real values already, and keeps one placeholder.
 */
export function redactRecordingForFile(rec: Recording): Recording {
  return redactPass(rec, undefined, distinctMarks());
}

/**
 * redactRecording for a view that redacts every new version of a live recording: a connection object
 * that did not change since the last call (deltas replace only what changed) keeps its redacted copy,
 * so an update costs the changed connections, not a URL parse of every one. A recording that has no
 * next version (an imported file) is redacted without keeping anything by connection: `live` false.
 */
export function createRecordingRedactor(): (rec: Recording, live?: boolean) => Recording {
  const done = new WeakMap<Connection, Connection>();
  return (rec, live = true) => redactPass(rec, live ? done : undefined);
}

function redactPass(rec: Recording, done: WeakMap<Connection, Connection> | undefined, mark = plain): Recording {
  // A recording repeats its URLs and stacks: each is redacted once per pass (the memo dies with it).
  const urlOf = textMemo((url) => redactUrl(url, mark));
  const r: Redactors = {
    urlOf,
    stackOf: textMemo((stack) => redactStack(stack, mark)),
    protocolOf: (p) => redactProtocol(p, mark),
    reasonOf: textMemo((reason) => redactReason(reason, mark)),
  };
  const connections = mapChanged(
    rec.connections,
    byObject((c) => redactConnection(c, r), done),
  );
  return {
    ...rec,
    connections,
    marks: rec.marks.map((m) => (m.type === 'navigation' ? { ...m, url: urlOf(m.url) } : m)),
  };
}

/** A copy without message content: the last messages keep direction, time, kind and size only. */
export function withoutMessageContent(rec: Recording): Recording {
  return {
    ...rec,
    connections: rec.connections.map((c) =>
      c.lastMessages
        ? { ...c, lastMessages: c.lastMessages.map(({ dir, at, kind, size }) => ({ dir, at, kind, size })) }
        : c,
    ),
  };
}
