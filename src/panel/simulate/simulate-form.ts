/**
 * The simulation form's rules, pure so they are table-tested: which
 * codes a server may send, how long a close reason may be, how long an outage
 * may last, and which commands the buttons send. The background and the relay
 * check the same rules again; these only keep the user from a round trip.
 */
import { isServerSendableCode } from '../../protocol/commands';
import { MAX_OUTAGE_SECONDS, MAX_STALL_SECONDS, type SimulateCommand } from '../../protocol/messages';
import { CLOSE_REASON_BYTES } from '../../protocol/limits';

/** A close frame's reason is at most 123 bytes of UTF-8 (RFC 6455 §5.5: 125-byte payload minus the code). */
export const MAX_REASON_BYTES = CLOSE_REASON_BYTES;

/** Codes offered by name: the ones whose reconnect rules differ most. */
export const COMMON_CODES: readonly number[] = [1000, 1001, 1008, 1011, 1012, 1013, 1014];

/** The one-click scenario: "the server says 1013, then is unavailable for 20 s". */
export const SCENARIO_1013 = { code: 1013, seconds: 20 } as const;

export const DEFAULT_CODE = '1012';
export const DEFAULT_OUTAGE_SECONDS = '10';
/** A page that has not noticed a silent connection in 60 s gets advice, so the default stall is that long. */
export const DEFAULT_STALL_SECONDS = '60';

/** An i18n message id with its substitutions. */
export interface FieldError {
  id: string;
  subs?: (string | number)[];
  /** `id` names a plural family (src/i18n/plural.ts) and subs[0] is its count. */
  plural?: true;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: FieldError };

const WHOLE = /^\s*\d+\s*$/;

export function parseCode(text: string): Parsed<number> {
  const n = WHOLE.test(text) ? Number(text) : NaN;
  return isServerSendableCode(n) ? { ok: true, value: n } : { ok: false, error: { id: 'panel_sim_err_code' } };
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function parseReason(text: string): Parsed<string> {
  const bytes = utf8Bytes(text);
  return bytes <= MAX_REASON_BYTES
    ? { ok: true, value: text }
    : { ok: false, error: { id: 'panel_sim_err_reason', subs: [bytes], plural: true } };
}

export function parseSeconds(text: string): Parsed<number> {
  const n = WHOLE.test(text) ? Number(text) : NaN;
  return n >= 1 && n <= MAX_OUTAGE_SECONDS
    ? { ok: true, value: n }
    : { ok: false, error: { id: 'panel_sim_err_seconds', subs: [MAX_OUTAGE_SECONDS] } };
}

export function parseStallSeconds(text: string): Parsed<number> {
  const n = WHOLE.test(text) ? Number(text) : NaN;
  return n >= 1 && n <= MAX_STALL_SECONDS
    ? { ok: true, value: n }
    : { ok: false, error: { id: 'panel_sim_err_seconds', subs: [MAX_STALL_SECONDS] } };
}

export type SimulateAction = 'close' | 'drop' | 'outage' | 'scenario' | 'stall';

export interface FormValues {
  code: string;
  reason: string;
  seconds: string;
  stallSeconds: string;
}

/** The command a button sends, or null while a field it needs is invalid. */
export function commandFor(action: SimulateAction, v: FormValues): SimulateCommand | null {
  switch (action) {
    case 'drop':
      return { kind: 'drop' };
    case 'scenario':
      // One click, no fields: it must work whatever the form holds.
      return { kind: 'close-then-outage', code: SCENARIO_1013.code, reason: '', seconds: SCENARIO_1013.seconds };
    case 'close': {
      const code = parseCode(v.code);
      const reason = parseReason(v.reason);
      return code.ok && reason.ok ? { kind: 'close', code: code.value, reason: reason.value } : null;
    }
    case 'stall': {
      const seconds = parseStallSeconds(v.stallSeconds);
      return seconds.ok ? { kind: 'stall', seconds: seconds.value } : null;
    }
    case 'outage': {
      const seconds = parseSeconds(v.seconds);
      return seconds.ok ? { kind: 'outage', seconds: seconds.value } : null;
    }
  }
}
