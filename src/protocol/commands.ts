/**
 * Simulation commands: which close codes a server may send, and the
 * check the relay applies again before a command reaches the hook (only the two
 * known shapes, with a server-sendable code). Shared by the panel's form, the
 * background and the relay.
 */
import { MAX_STALL_SECONDS, type HookCommand } from './messages';
import { clampUtf8 } from './clamp';

/** Codes a server may send in a close frame (RFC 6455 §7.4). */
export function isServerSendableCode(code: unknown): code is number {
  return typeof code === 'number' && Number.isInteger(code) && ((code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999));
}

export function validateCommand(x: unknown): HookCommand | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const c = x as Record<string, unknown>;
  if (typeof c.k !== 'number' || !Number.isSafeInteger(c.k) || c.k < 1) return undefined;
  if (c.t === 'simulate-drop') return { t: 'simulate-drop', k: c.k };
  if (c.t === 'simulate-stall' && isStallSeconds(c.seconds)) return { t: 'simulate-stall', k: c.k, seconds: c.seconds };
  if (c.t === 'simulate-close' && isServerSendableCode(c.code) && typeof c.reason === 'string') {
    return { t: 'simulate-close', k: c.k, code: c.code, reason: clampUtf8(c.reason, 123).value };
  }
  return undefined;
}

/** A stall lasts a whole number of seconds, 1 to MAX_STALL_SECONDS. */
export function isStallSeconds(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= MAX_STALL_SECONDS;
}
