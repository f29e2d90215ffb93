/**
 * Simulation commands: which close codes a server may send, and the decoders for
 * what travels to the hook (checked by the background before sending, again by the
 * relay before posting, and by the hook) and for what the panel asks for. Shared by
 * the panel's form, the background and the relay.
 */
import type { HookCommand, SimulateCommand } from './messages';
import { attempt, check, clamped, int, obj, oneOf, req, str, type Decoder } from './decode';
import { CLOSE_REASON_BYTES, MAX_OUTAGE_SECONDS, MAX_STALL_SECONDS } from './limits';

/** Codes a server may send in a close frame (RFC 6455 §7.4). */
export function isServerSendableCode(code: unknown): code is number {
  return (
    typeof code === 'number' &&
    Number.isInteger(code) &&
    ((code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999))
  );
}

/** A stall lasts a whole number of seconds, 1 to MAX_STALL_SECONDS. */
export function isStallSeconds(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= MAX_STALL_SECONDS;
}

/** An outage lasts a whole number of seconds, 1 to MAX_OUTAGE_SECONDS. */
export function isOutageSeconds(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= MAX_OUTAGE_SECONDS;
}

/** A close reason as a server could send it: cut to 123 UTF-8 bytes (never a reason to refuse). */
export const closeReason: Decoder<string> = clamped(CLOSE_REASON_BYTES, 'bytes', () => undefined);
const sendableCode = check(isServerSendableCode, 'not a code a server may send');
const stallSeconds = check(isStallSeconds, `not 1 to ${MAX_STALL_SECONDS} seconds`);
const socketNumber = int(1, Number.MAX_SAFE_INTEGER);

/** A command for the hook (the capture switch is the relay's own and never arrives this way). */
export const hookCommand: Decoder<HookCommand> = (v, p) => {
  const c = obj(v, p);
  const t = req(c, 't', oneOf(['simulate-drop', 'simulate-stall', 'simulate-close'] as const), p);
  const k = req(c, 'k', socketNumber, p);
  if (t === 'simulate-drop') return { t, k };
  if (t === 'simulate-stall') return { t, k, seconds: req(c, 'seconds', stallSeconds, p) };
  return { t, k, code: req(c, 'code', sendableCode, p), reason: req(c, 'reason', closeReason, p) };
};

export function validateCommand(x: unknown): HookCommand | undefined {
  return attempt(hookCommand, x);
}

/**
 * What the panel asks to simulate, in shape only: the kind, and fields of the right
 * types. Whether the code may be sent and the seconds are in range is the background's
 * to say (simulate.ts), with a message naming the rule.
 */
export const simulateCommand: Decoder<SimulateCommand> = (v, p) => {
  const c = obj(v, p);
  const kind = req(c, 'kind', oneOf(['close', 'drop', 'stall', 'outage', 'close-then-outage'] as const), p);
  const num = (key: string) =>
    req(
      c,
      key,
      check((x): x is number => typeof x === 'number', 'not a number'),
      p,
    );
  const reason = () => (c.reason === undefined ? '' : req(c, 'reason', str(Number.MAX_SAFE_INTEGER), p));
  switch (kind) {
    case 'drop':
      return { kind };
    case 'stall':
    case 'outage':
      return { kind, seconds: num('seconds') };
    case 'close':
      return { kind, code: num('code'), reason: reason() };
    case 'close-then-outage':
      return { kind, code: num('code'), reason: reason(), seconds: num('seconds') };
  }
};
