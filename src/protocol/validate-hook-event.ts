/**
 * Decoders for what the page's side sends (hook events) and for what a relay hands
 * the background (the same events, already clamped, plus the relay's own lifecycle
 * marks). Nothing from the page or a relay is trusted: unknown shapes are rejected,
 * over-long strings are cut (and the cut is recorded on the event so the user sees
 * it), numbers must be finite and in range. Cutting again what was cut already
 * changes nothing, so the background re-validates a relay's batch with these same
 * decoders. Never throws.
 */
import { LIFECYCLE_STATES, type LastMessage, type MessageCounters } from './recording';
import type { RelayEvent } from './messages';
import { isStallSeconds } from './commands';
import { trimStack } from './clamp';
import { stripPasswords } from './redact';
import {
  arr,
  bool,
  check,
  clamped,
  decode,
  fail,
  finite,
  int,
  obj,
  oneOf,
  opt,
  req,
  str,
  type Decoder,
  type Obj,
} from './decode';
import { EVENT_LIMITS as L } from './limits';
import { lastMessagesFromRings } from './hook-rings';
import { persistedOf } from './lifecycle-mark';
import { MAX_READY_STATE, MIN_READY_STATE } from './exact-connection';

export type Validation = { ok: true; event: RelayEvent } | { ok: false; reason: string };

/** Fields a relay may report as cut (anything else in `truncated` is dropped). */
const CUT_FIELDS = ['url', 'stack', 'reason', 'protocols', 'protocol', 'extensions', 'counters', 'lastMessages'];

/**
 * A hook event from the page, checked and clamped at the relay. `codeRule` is how this browser makes
 * close()'s code an integer (closeCodeRuleFor): the hook posts the number the page passed.
 */
export function validateHookEvent(raw: unknown, now: number, codeRule: CloseCodeRule = 'round-half-even'): Validation {
  return result(decode((v) => hookEvent(v, now, [], 'hook', codeRule), raw, ''));
}

/**
 * A relay's event, checked again in the background: a hook event (with the fields the
 * relay cut) or a lifecycle mark the relay observed itself.
 */
export function validateRelayEvent(raw: unknown, now: number): Validation {
  return result(
    decode(
      (v) => {
        const o = obj(v, '');
        const earlier =
          o.truncated === undefined ? [] : req(o, 'truncated', arr(str(L.fieldNameChars), L.truncatedFields), '');
        const cut = earlier.filter((f) => CUT_FIELDS.includes(f));
        if (o.t === 'life') {
          const at = req(o, 'at', plausibleTime(now), '');
          const state = req(o, 'state', oneOf(LIFECYCLE_STATES), '');
          const persisted = persistedOf(o, state, '');
          // Absent stays absent: a relay before `persisted` was recorded sends none.
          return persisted === undefined ? { t: 'life', at, state } : { t: 'life', at, state, persisted };
        }
        // A relay's code is an integer already, which either rule keeps.
        return hookEvent(o, now, cut, 'relay', 'truncate');
      },
      raw,
      '',
    ),
  );
}

function result(d: ReturnType<typeof decode<RelayEvent>>): Validation {
  return d.ok ? { ok: true, event: d.value } : { ok: false, reason: d.error.message };
}

const plausibleTime =
  (now: number): Decoder<number> =>
  (v, path) => {
    const t = finite(v, path);
    if (Math.abs(t - now) > L.clockSkewMs) fail('time', path, 'not a plausible time');
    return t;
  };

const socketNumber = int(1, Number.MAX_SAFE_INTEGER);
const count = int(0, Number.MAX_SAFE_INTEGER);
const stallSeconds = check(isStallSeconds, 'not a stall length');

/**
 * `form` says who sent the event: the hook posts a close's last messages as its raw rings (HookRing),
 * which become LastMessages here; a relay hands the background those LastMessages, checked again.
 */
function hookEvent(
  raw: unknown,
  now: number,
  truncated: string[],
  form: 'hook' | 'relay',
  codeRule: CloseCodeRule,
): RelayEvent {
  const o = obj(raw, '');
  const cut = (path: string) => {
    const field = path.replace(/\[\d+\]$/, '');
    if (!truncated.includes(field)) truncated.push(field);
  };
  const time = plausibleTime(now);
  const k = () => req(o, 'k', socketNumber, '');
  const at = () => req(o, 'at', time, '');
  const text = (key: string, max: number) => req(o, key, clamped(max, 'chars', cut), '');
  // A URL without its password, also when the cut ended inside one (the text is then not the page's).
  const url = (key: string) => {
    const v = text(key, L.urlChars);
    return stripPasswords(v, v !== o[key]);
  };
  const reason = clamped(L.reasonBytes, 'bytes', cut);
  const done = <T extends object>(e: T): T & { truncated?: string[] } => (truncated.length ? { ...e, truncated } : e);

  switch (o.t) {
    case 'socket': {
      const api = req(o, 'api', oneOf(['WebSocket', 'WebSocketStream'] as const), '');
      if (!Array.isArray(o.protocols)) fail('array', 'protocols', 'not an array');
      if (o.protocols.length > L.protocolCount) cut('protocols');
      const protocols = o.protocols
        .slice(0, L.protocolCount)
        .map((x, i) => clamped(L.protocolChars, 'chars', cut)(x, `protocols[${i}]`));
      // Only a relay says where the page was; from the hook it would be the page's word.
      const page = form === 'relay' && o.page !== undefined ? url('page') : undefined;
      return done({
        t: 'socket',
        k: k(),
        api,
        url: url('url'),
        protocols,
        at: at(),
        stack: stack(o, cut),
        ...(page !== undefined && { page }),
      });
    }
    case 'open':
      return done({
        t: 'open',
        k: k(),
        at: at(),
        protocol: text('protocol', L.negotiatedChars),
        extensions: text('extensions', L.negotiatedChars),
      });
    case 'close-call': {
      const ev: RelayEvent = {
        t: 'close-call',
        k: k(),
        at: at(),
        readyState: req(o, 'readyState', int(MIN_READY_STATE, MAX_READY_STATE), ''),
        stack: stack(o, cut),
      };
      const code = opt(o, 'code', finite, '');
      if (code !== undefined) ev.code = closeCodeAs(code, codeRule);
      const why = opt(o, 'reason', reason, '');
      if (why !== undefined) ev.reason = wellFormed(why);
      return done(ev);
    }
    case 'error':
      return done({ t: 'error', k: k(), at: at(), ...(o.sim === true ? { sim: true } : {}) });
    case 'close': {
      if (o.unsized === true) cut('counters');
      const closeAt = at();
      return done({
        t: 'close',
        k: k(),
        at: closeAt,
        code: req(o, 'code', int(0, 65535), ''),
        reason: req(o, 'reason', reason, ''),
        wasClean: req(o, 'wasClean', bool, ''),
        counters: counters(o.counters, form, () => cut('counters')),
        ...(o.sim === true ? { sim: true } : {}),
        ...(o.last !== undefined
          ? { last: form === 'hook' ? fromRings(o.last, closeAt, cut) : lastMessages(o.last, closeAt, cut) }
          : {}),
      });
    }
    case 'stall':
      return done({ t: 'stall', k: k(), at: at(), seconds: req(o, 'seconds', stallSeconds, '') });
    case 'stall-end':
      return done({
        t: 'stall-end',
        k: k(),
        at: at(),
        outcome: req(o, 'outcome', oneOf(['delivered', 'dropped'] as const), ''),
        heldIn: req(o, 'heldIn', count, ''),
        heldOut: req(o, 'heldOut', count, ''),
      });
    default:
      return fail('enum', 't', 'unknown event type');
  }
}

// A surrogate without its partner.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A close() reason as the browser used it: close() takes a USVString, so each lone surrogate the page
 * passed became U+FFFD before the browser sent the reason (and measured its 123 bytes). The hook posts
 * the reason as the page gave it; the record says what the server received.
 */
const wellFormed = (s: string): string => s.replace(LONE_SURROGATE, '\uFFFD');

/** The page's frames of a stack, cut before splitting so a megabyte "stack" costs nothing; no passwords. */
function stack(o: Obj, cut: (path: string) => void): string {
  const v = req(o, 'stack', str(Number.MAX_SAFE_INTEGER), '');
  const r = trimStack(v.length > L.rawStackChars ? v.slice(0, L.rawStackChars) : v, L.stackFrames, L.stackChars);
  if (r.cut) cut('stack');
  return stripPasswords(r.value, r.cut);
}

/** A close never costs its closure for its last messages: what is malformed is dropped and reported. */
function fromRings(x: unknown, closeAt: number, onCut: (path: string) => void): LastMessage[] {
  const r = lastMessagesFromRings(x, closeAt, L.clockSkewMs);
  if (r.truncated) onCut('lastMessages');
  return r.messages;
}

const KINDS = ['text', 'binary', 'blob', 'other'] as const;
const HEX = /^(?:[0-9a-f]{2})*$/;

/**
 * The last messages before a close, as a relay hands them on: at most ten, each a known kind with a
 * size, a time not after the close, text cut to 1 KiB of UTF-8 and hex to 64 bytes. More items are
 * dropped, long fields cut, and both recorded as truncated ("lastMessages"); a malformed item rejects
 * the whole event.
 */
function lastMessages(x: unknown, closeAt: number, onCut: (path: string) => void): LastMessage[] {
  if (!Array.isArray(x)) fail('array', 'last', 'not an array');
  let cut = x.length > L.lastMessages;
  const out = x.slice(0, L.lastMessages).map((v: unknown, i): LastMessage => {
    const p = `last[${i}]`;
    const m = obj(v, p);
    const dir = req(m, 'dir', oneOf(['in', 'out'] as const), p);
    const at = req(m, 'at', finite, p);
    if (at > closeAt || closeAt - at > L.clockSkewMs) fail('time', `${p}.at`, 'not a plausible time');
    const kind = req(m, 'kind', oneOf(KINDS), p);
    const size = req(m, 'size', int(0, Number.MAX_SAFE_INTEGER), p);
    const item: LastMessage = { dir, at, kind, size };
    if (kind === 'text' && m.text !== undefined) {
      item.text = clamped(L.lastMessageTextBytes, 'bytes', () => (cut = true))(m.text, `${p}.text`);
    }
    if (kind === 'binary' && m.hex !== undefined) {
      const raw = str(Number.MAX_SAFE_INTEGER)(m.hex, `${p}.hex`);
      const hex = raw.slice(0, L.lastMessageHexChars);
      if (!HEX.test(hex)) fail('hex', `${p}.hex`, 'not hex');
      cut ||= hex.length < raw.length;
      item.hex = hex;
    }
    if (m.cut === true || (item.text !== undefined && item.text.length < size)) item.cut = true;
    return item;
  });
  if (cut) onCut('lastMessages');
  return out;
}

const COUNTERS = ['sentMessages', 'sentSize', 'receivedMessages', 'receivedSize'] as const;

/**
 * Counters never cost a closure: anything that is not a non-negative safe integer
 * (a page can send look-alike objects whose "size" is anything) becomes the
 * nearest count in range, and the field is flagged as cut. The hook sends them as
 * four numbers in COUNTERS' order (HookCounters); a relay hands them on by name.
 */
function counters(x: unknown, form: 'hook' | 'relay', flag: () => void): MessageCounters {
  const fits =
    form === 'hook' ? Array.isArray(x) && x.length === 4 : typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!fits) flag();
  const at = (i: number): unknown =>
    !fits ? undefined : form === 'hook' ? (x as unknown[])[i] : (x as Obj)[COUNTERS[i]!];
  const n = (i: number): number => {
    const v = at(i);
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
    flag();
    if (typeof v !== 'number' || Number.isNaN(v) || v <= 0) return 0;
    return v >= Number.MAX_SAFE_INTEGER ? Number.MAX_SAFE_INTEGER : Math.floor(v);
  };
  return { sentMessages: n(0), sentSize: n(1), receivedMessages: n(2), receivedSize: n(3) };
}

/**
 * How a browser makes close()'s code an unsigned short. Firefox follows WebIDL's [Clamp]: round to the
 * nearest integer, half to even (close(3001.5) sends 3002, and close(1000.6) throws, as 1001 is not
 * allowed). Chromium truncates (3001.5 sends 3001, 1000.6 sends 1000). Both then clamp to 0–65535.
 */
export type CloseCodeRule = 'round-half-even' | 'truncate';

/** The rule of the browser the extension runs in, told by its own URL's scheme. */
export function closeCodeRuleFor(extensionUrl: string): CloseCodeRule {
  return extensionUrl.startsWith('moz-extension:') ? 'round-half-even' : 'truncate';
}

/** close()'s code as the browser converted it under `rule`. */
export function closeCodeAs(v: number, rule: CloseCodeRule): number {
  let r = Math.trunc(v);
  if (rule === 'round-half-even') {
    r = Math.round(v);
    if (r - v === 0.5 && r % 2 !== 0) r -= 1;
  }
  return Math.min(65535, Math.max(0, r));
}
