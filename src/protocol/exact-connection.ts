/**
 * The fast path of an import's validation: whether a parsed connection is exactly what the decoder in
 * validate-recording.ts would keep as it is, known keys only and every value within its bounds, told
 * without allocating anything. Only then is the decoder skipped. For anything else (an unknown key, a
 * value out of bounds, a missing field) the decoder runs and copies, refuses, or names the field.
 *
 * Why: for every object of a file, the decoder builds a decoded copy and compares it with the parsed
 * object, to keep the parsed one when they are equal. In a 10,000-connection import that was about
 * 100,000 copies made only to be dropped, plus their arrays. Saying "no" too often only costs time;
 * saying "yes" wrongly would let an unchecked value through. So the tests check every "yes" against
 * the decoder, over the bounds of every field.
 */
import { IMPORT_LIMITS } from './limits';

type O = Record<string, unknown>;

export const EVENT_TYPES = [
  'close-call',
  'open',
  'error',
  'close',
  'ended-with-document',
  'stall',
  'stall-end',
] as const;
export const END_CAUSES = ['pagehide', 'new-document', 'disconnect'] as const;
export const STALL_OUTCOMES = ['delivered', 'dropped'] as const;
export const SOCKET_APIS = ['WebSocket', 'WebSocketStream'] as const;
export const DIRECTIONS = ['in', 'out'] as const;
export const MESSAGE_KINDS = ['text', 'binary', 'blob', 'other'] as const;
/** A last message's binary data: up to 64 bytes as lowercase hex. */
export const HEX = /^(?:[0-9a-f]{2}){0,64}$/;
/**
 * Close codes are unsigned 16-bit. A close() call's readyState is 0–3, or -1 on a WebSocketStream (which has
 * none): what the relay accepts from the hook, so every recording Closeline makes can be exported and read back.
 */
export const MAX_CODE = 65_535;
export const MIN_READY_STATE = -1;
export const MAX_READY_STATE = 3;

const SHORT = IMPORT_LIMITS.shortChars;
const URL_CHARS = IMPORT_LIMITS.urlChars;
const STACK = IMPORT_LIMITS.stackChars;
const REASON = IMPORT_LIMITS.reasonChars;
const COUNT = Number.MAX_SAFE_INTEGER;
const MAX_TIME = IMPORT_LIMITS.maxTimeMs;
const MAX_LAST_MESSAGES = IMPORT_LIMITS.lastMessages;
const MAX_LAST_TEXT = IMPORT_LIMITS.lastMessageTextChars;
const MAX_HEX = IMPORT_LIMITS.lastMessageHexChars;
const MAX_TRUNCATED = IMPORT_LIMITS.truncatedFields;

const isObj = (v: unknown): v is O => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;
const isInt = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isTime = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_TIME;
const isOneOf = (v: unknown, values: readonly string[]): boolean => typeof v === 'string' && values.includes(v);
const isShort = (v: unknown): boolean => isStr(v, SHORT);

/** Own and inherited enumerable keys (a parsed object has only its own): no array is made to count them. */
function keyCount(o: O): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

function exactList(v: unknown, max: number, item: (x: unknown) => boolean): boolean {
  if (!Array.isArray(v) || v.length > max) return false;
  // A hole reads as undefined, which no item check accepts: the decoder decides about it.
  for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
  return true;
}

/** 1 when an optional field is present and valid, 0 when absent, -1 when present and invalid. */
const optional = (v: unknown, ok: boolean): number => (v === undefined ? 0 : ok ? 1 : -1);

function exactEvent(v: unknown): boolean {
  if (!isObj(v) || !isTime(v.at)) return false;
  let n = 2;
  switch (v.type) {
    case 'close-call': {
      const code = optional(v.code, isInt(v.code, 0, MAX_CODE));
      const reason = optional(v.reason, isStr(v.reason, REASON));
      if (code < 0 || reason < 0 || !isInt(v.readyState, MIN_READY_STATE, MAX_READY_STATE) || !isStr(v.stack, STACK))
        return false;
      n += 2 + code + reason;
      break;
    }
    case 'open':
      if (!isShort(v.protocol) || !isShort(v.extensions)) return false;
      n += 2;
      break;
    case 'error': {
      const simulated = optional(v.simulated, typeof v.simulated === 'boolean');
      if (simulated < 0) return false;
      n += simulated;
      break;
    }
    case 'close': {
      const simulated = optional(v.simulated, typeof v.simulated === 'boolean');
      if (simulated < 0 || !isInt(v.code, 0, MAX_CODE) || !isStr(v.reason, REASON) || typeof v.wasClean !== 'boolean')
        return false;
      n += 3 + simulated;
      break;
    }
    case 'ended-with-document':
      if (!isOneOf(v.cause, END_CAUSES)) return false;
      n += 1;
      break;
    // A stall is always simulated: the decoder writes `simulated: true`, so only a file that says so is kept.
    case 'stall':
      if (!isInt(v.seconds, 1, IMPORT_LIMITS.stallSeconds) || v.simulated !== true) return false;
      n += 2;
      break;
    case 'stall-end':
      if (
        !isOneOf(v.outcome, STALL_OUTCOMES) ||
        !isInt(v.heldIn, 0, COUNT) ||
        !isInt(v.heldOut, 0, COUNT) ||
        v.simulated !== true
      )
        return false;
      n += 4;
      break;
    default:
      return false;
  }
  return keyCount(v) === n;
}

function exactLastMessage(v: unknown): boolean {
  if (!isObj(v)) return false;
  const text = optional(v.text, isStr(v.text, MAX_LAST_TEXT));
  const hex = optional(v.hex, isStr(v.hex, MAX_HEX) && HEX.test(v.hex as string));
  const cut = optional(v.cut, typeof v.cut === 'boolean');
  if (text < 0 || hex < 0 || cut < 0) return false;
  return (
    isOneOf(v.dir, DIRECTIONS) &&
    isTime(v.at) &&
    isOneOf(v.kind, MESSAGE_KINDS) &&
    isInt(v.size, 0, COUNT) &&
    keyCount(v) === 4 + text + hex + cut
  );
}

function exactCounters(v: unknown): boolean {
  return (
    isObj(v) &&
    isInt(v.sentMessages, 0, COUNT) &&
    isInt(v.sentSize, 0, COUNT) &&
    isInt(v.receivedMessages, 0, COUNT) &&
    isInt(v.receivedSize, 0, COUNT) &&
    keyCount(v) === 4
  );
}

/** True only when decoding `v` as a connection would return `v` itself (no field changed, none refused). */
export function exactConnection(v: unknown): boolean {
  if (!isObj(v)) return false;
  const socketNumber = optional(v.socketNumber, isInt(v.socketNumber, 1, COUNT));
  const truncated = optional(v.truncated, exactList(v.truncated, MAX_TRUNCATED, isShort));
  const last = optional(v.lastMessages, exactList(v.lastMessages, MAX_LAST_MESSAGES, exactLastMessage));
  const site = optional(v.site, isShort(v.site));
  if (socketNumber < 0 || truncated < 0 || last < 0 || site < 0) return false;
  return (
    isShort(v.id) &&
    isOneOf(v.api, SOCKET_APIS) &&
    isStr(v.url, URL_CHARS) &&
    exactList(v.protocols, IMPORT_LIMITS.protocols, isShort) &&
    isInt(v.frameId, 0, COUNT) &&
    isShort(v.documentId) &&
    isStr(v.frameUrl, URL_CHARS) &&
    isTime(v.createdAt) &&
    isStr(v.stack, STACK) &&
    exactList(v.events, IMPORT_LIMITS.eventsPerConnection, exactEvent) &&
    exactCounters(v.counters) &&
    keyCount(v) === 11 + socketNumber + truncated + last + site
  );
}
