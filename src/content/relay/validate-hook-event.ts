/**
 * Schema check and clamp for everything the page's side sends. Nothing from the
 * page is trusted: unknown shapes are rejected, over-long strings are cut (and
 * the cut is recorded on the event so the user sees it), numbers must be finite
 * and in range. Never throws.
 */
import type { RelayEvent } from '../../protocol/messages';
import type { LastMessage, MessageCounters, SocketApi } from '../../protocol/recording';
import { isStallSeconds } from '../../protocol/commands';
import { clampChars, clampUtf8, trimStack } from '../../protocol/clamp';
import { stripPasswords } from '../../protocol/redact';
import { LIMITS } from './limits';

export type Validation = { ok: true; event: RelayEvent } | { ok: false; reason: string };

const APIS: ReadonlySet<string> = new Set<SocketApi>(['WebSocket', 'WebSocketStream']);

class Reject extends Error {}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function validateHookEvent(raw: unknown, relayNow: number): Validation {
  try {
    return { ok: true, event: parse(raw, relayNow) };
  } catch (e) {
    return { ok: false, reason: e instanceof Reject ? e.message : 'malformed' };
  }
}

function parse(raw: unknown, relayNow: number): RelayEvent {
  if (!isObj(raw)) throw new Reject('not an object');
  const truncated: string[] = [];
  const str = (key: string, max: number, bytes = false): string => {
    const v = raw[key];
    if (typeof v !== 'string') throw new Reject(`${key}: not a string`);
    const r = bytes ? clampUtf8(v, max) : clampChars(v, max);
    if (r.cut) truncated.push(key);
    return r.value;
  };
  const int = (key: string, min: number, max: number): number => {
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new Reject(`${key}: not an integer in ${min}..${max}`);
    return v;
  };
  const at = (): number => {
    const v = raw.at;
    if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v - relayNow) > LIMITS.clockSkewMs) throw new Reject('at: not a plausible time');
    return v;
  };
  const bool = (key: string): boolean => {
    const v = raw[key];
    if (typeof v !== 'boolean') throw new Reject(`${key}: not a boolean`);
    return v;
  };
  const k = () => int('k', 1, Number.MAX_SAFE_INTEGER);
  const stack = (): string => {
    const v = raw.stack;
    if (typeof v !== 'string') throw new Reject('stack: not a string');
    // Cap before splitting so a megabyte "stack" costs nothing.
    const r = trimStack(v.length > 64 * 1024 ? v.slice(0, 64 * 1024) : v, LIMITS.stackFrames, LIMITS.stackChars);
    if (r.cut) truncated.push('stack');
    return stripPasswords(r.value);
  };
  const done = <T extends object>(e: T): T & { truncated?: string[] } => (truncated.length ? { ...e, truncated } : e);

  switch (raw.t) {
    case 'socket': {
      const api = raw.api;
      if (typeof api !== 'string' || !APIS.has(api)) throw new Reject('api: unknown');
      const p = raw.protocols;
      if (!Array.isArray(p)) throw new Reject('protocols: not an array');
      if (p.length > LIMITS.protocolCount) truncated.push('protocols');
      const protocols = p.slice(0, LIMITS.protocolCount).map((x) => {
        if (typeof x !== 'string') throw new Reject('protocols: not strings');
        const r = clampChars(x, LIMITS.protocolChars);
        if (r.cut && !truncated.includes('protocols')) truncated.push('protocols');
        return r.value;
      });
      return done({ t: 'socket', k: k(), api: api as SocketApi, url: stripPasswords(str('url', LIMITS.urlChars)), protocols, at: at(), stack: stack() });
    }
    case 'open':
      return done({ t: 'open', k: k(), at: at(), protocol: str('protocol', LIMITS.negotiatedChars), extensions: str('extensions', LIMITS.negotiatedChars) });
    case 'close-call': {
      const ev: RelayEvent = { t: 'close-call', k: k(), at: at(), readyState: int('readyState', -1, 3), stack: stack() };
      if (raw.code !== undefined) {
        if (typeof raw.code !== 'number' || !Number.isFinite(raw.code)) throw new Reject('code: not a number');
        ev.code = clampCode(raw.code);
      }
      if (raw.reason !== undefined) ev.reason = str('reason', LIMITS.reasonBytes, true);
      return done(ev);
    }
    case 'error':
      return done({ t: 'error', k: k(), at: at(), ...(raw.sim === true ? { sim: true } : {}) });
    case 'close':
      if (raw.unsized === true) truncated.push('counters');
      return done({
        t: 'close',
        k: k(),
        at: at(),
        code: int('code', 0, 65535),
        reason: str('reason', LIMITS.reasonBytes, true),
        wasClean: bool('wasClean'),
        counters: counters(raw.counters, () => {
          if (!truncated.includes('counters')) truncated.push('counters');
        }),
        ...(raw.sim === true ? { sim: true } : {}),
        ...(raw.last !== undefined ? { last: lastMessages(raw.last, raw.at as number, truncated) } : {}),
      });
    case 'stall': {
      if (!isStallSeconds(raw.seconds)) throw new Reject('seconds: not a stall length');
      return done({ t: 'stall', k: k(), at: at(), seconds: raw.seconds });
    }
    case 'stall-end': {
      const outcome = raw.outcome;
      if (outcome !== 'delivered' && outcome !== 'dropped') throw new Reject('outcome: unknown');
      return done({ t: 'stall-end', k: k(), at: at(), outcome, heldIn: int('heldIn', 0, Number.MAX_SAFE_INTEGER), heldOut: int('heldOut', 0, Number.MAX_SAFE_INTEGER) });
    }
    default:
      throw new Reject('t: unknown event type');
  }
}

const KINDS: ReadonlySet<string> = new Set<LastMessage['kind']>(['text', 'binary', 'blob', 'other']);
const HEX = /^(?:[0-9a-f]{2})*$/;

/**
 * The last messages before a close: at most ten, each a known kind with a size, a time not after the
 * close, text cut to 1 KiB of UTF-8 and hex to 64 bytes. More items are dropped, long fields cut, and
 * both recorded as truncated ("lastMessages"); a malformed item rejects the whole event.
 */
function lastMessages(x: unknown, closeAt: number, truncated: string[]): LastMessage[] {
  if (!Array.isArray(x)) throw new Reject('last: not an array');
  let cut = x.length > LIMITS.lastMessages;
  const out = x.slice(0, LIMITS.lastMessages).map((m: unknown): LastMessage => {
    if (!isObj(m)) throw new Reject('last: not objects');
    const { dir, at, kind, size } = m;
    if (dir !== 'in' && dir !== 'out') throw new Reject('last.dir: unknown');
    if (typeof at !== 'number' || !Number.isFinite(at) || at > closeAt || closeAt - at > LIMITS.clockSkewMs) throw new Reject('last.at: not a plausible time');
    if (typeof kind !== 'string' || !KINDS.has(kind)) throw new Reject('last.kind: unknown');
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw new Reject('last.size: not a size');
    const item: LastMessage = { dir, at, kind: kind as LastMessage['kind'], size };
    if (kind === 'text' && m.text !== undefined) {
      if (typeof m.text !== 'string') throw new Reject('last.text: not a string');
      const r = clampUtf8(m.text, LIMITS.lastMessageTextBytes);
      cut ||= r.cut;
      item.text = r.value;
    }
    if (kind === 'binary' && m.hex !== undefined) {
      if (typeof m.hex !== 'string') throw new Reject('last.hex: not a string');
      const hex = m.hex.slice(0, LIMITS.lastMessageHexChars);
      if (!HEX.test(hex)) throw new Reject('last.hex: not hex');
      cut ||= hex.length < m.hex.length;
      item.hex = hex;
    }
    if (m.cut === true || (item.text !== undefined && item.text.length < size)) item.cut = true;
    return item;
  });
  if (cut) truncated.push('lastMessages');
  return out;
}

/**
 * Counters never cost a closure: anything that is not a non-negative safe integer
 * (a page can send look-alike objects whose "size" is anything) becomes the
 * nearest count in range, and the field is flagged as cut.
 */
function counters(x: unknown, flag: () => void): MessageCounters {
  const o = isObj(x) ? x : {};
  if (!isObj(x)) flag();
  const n = (key: keyof MessageCounters): number => {
    const v = o[key];
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
    flag();
    if (typeof v !== 'number' || Number.isNaN(v) || v <= 0) return 0;
    return v >= Number.MAX_SAFE_INTEGER ? Number.MAX_SAFE_INTEGER : Math.floor(v);
  };
  return { sentMessages: n('sentMessages'), sentSize: n('sentSize'), receivedMessages: n('receivedMessages'), receivedSize: n('receivedSize') };
}

/** WebIDL [Clamp] unsigned short, as the browser converted close()'s code: round half to even, then clamp. */
export function clampCode(v: number): number {
  const r = Math.round(v);
  const even = r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
  return Math.min(65535, Math.max(0, even));
}
