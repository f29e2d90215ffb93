/**
 * The reconnect check's scenarios, as data: what each one does to every open
 * socket of an endpoint, how long handshakes are refused around it, and how long
 * the engine waits for the page at most. A new scenario (a stalled connection,
 * say) is one more entry in KINDS plus, if it needs one, a new SimulateCommand.
 */
import { MAX_OUTAGE_SECONDS, MAX_STALL_SECONDS, type SimulateCommand } from '../protocol/messages';
import type { I18nText } from '../analysis/types';

export interface Scenario {
  /** As the user types it: "1012", "outage:30". */
  id: string;
  /** Scenarios run in this order whatever order they were asked in (see ORDER). */
  order: number;
  /** Handshakes to the endpoint are refused for this long, starting just before the command. */
  refuseS?: number;
  /** Sent to every open socket of the endpoint (after the refusal starts). */
  command: SimulateCommand;
  /** The most the engine waits for the page after the trigger (a reconnect being held may finish its hold). */
  boundS: number;
  /**
   * The profile expects a reconnect after this close: a page that has made no attempt by the bound
   * is waited for until the profile's "no reconnect" window has passed, so the row carries the
   * analysis's definite verdict (a problem) instead of "pending", which a CI run would let pass.
   */
  expectsReconnect?: boolean;
  label: I18nText;
}

/**
 * Bounds, sized from the default profile: 1012 expects a reconnect within 5 s, then the 10 s hold;
 * 1013 is answered with refused handshakes for 20 s, so a doubling backoff from 1 s has made four or
 * five attempts, then one more wait and the hold; after 1008 a correct page is silent, and 10 s of
 * silence is enough to see a blind retry (which comes at once or after a short fixed wait).
 */
export const BOUND_S = { restart: 15, overload: 45, policy: 10, drop: 15, outageExtra: 15, stallExtra: 2 } as const;
/** How long handshakes are refused after the 1013 close: long enough for the backoff to show. */
export const OVERLOAD_REFUSE_S = 20;
export const DEFAULT_OUTAGE_S = 30;
/** A stall as long as the window in which a page must notice one (analysis/stall.ts) gets a definite verdict. */
export const DEFAULT_STALL_S = 60;

/**
 * Run order: scenarios after which a correct page may rightly stay away (1008: "fix the cause, do not
 * retry") go last, so they do not leave the others with no socket to act on.
 */
const ORDER = { close1012: 10, close1013: 20, drop: 30, outage: 40, stall: 50, close1008: 90 } as const;

interface Kind {
  /** Matches the scenario's text; returns undefined when it does not apply or is out of range. */
  parse(text: string): Scenario | undefined;
}

const fixed = (id: string, scenario: Omit<Scenario, 'id'>): Kind => ({
  parse: (text) => (text === id ? { id, ...scenario } : undefined),
});

const KINDS: Kind[] = [
  fixed('1012', {
    order: ORDER.close1012,
    command: { kind: 'close', code: 1012, reason: 'Service restart' },
    boundS: BOUND_S.restart,
    expectsReconnect: true,
    label: { id: 'audit_scenario_close', subs: ['1012'] },
  }),
  fixed('1013', {
    order: ORDER.close1013,
    refuseS: OVERLOAD_REFUSE_S,
    command: { kind: 'close', code: 1013, reason: 'Try again later' },
    boundS: BOUND_S.overload,
    expectsReconnect: true,
    label: { id: 'audit_scenario_close_refuse', subs: ['1013', String(OVERLOAD_REFUSE_S)] },
  }),
  fixed('1008', {
    order: ORDER.close1008,
    command: { kind: 'close', code: 1008, reason: 'Policy violation' },
    boundS: BOUND_S.policy,
    label: { id: 'audit_scenario_close', subs: ['1008'] },
  }),
  fixed('1006', {
    order: ORDER.drop,
    command: { kind: 'drop' },
    boundS: BOUND_S.drop,
    label: { id: 'audit_scenario_drop' },
  }),
  {
    parse(text) {
      const m = /^outage:(\d{1,4})$/.exec(text);
      const seconds = m ? Number(m[1]) : NaN;
      if (!(seconds >= 1 && seconds <= MAX_OUTAGE_SECONDS)) return undefined;
      // The server is down: open sockets drop (1006) and new handshakes are refused.
      return {
        id: `outage:${seconds}`,
        order: ORDER.outage,
        refuseS: seconds,
        command: { kind: 'drop' },
        boundS: seconds + BOUND_S.outageExtra,
        label: { id: 'audit_scenario_outage', subs: [String(seconds)] },
      };
    },
  },
  {
    parse(text) {
      const m = /^stall:(\d{1,4})$/.exec(text);
      const seconds = m ? Number(m[1]) : NaN;
      if (!(seconds >= 1 && seconds <= MAX_STALL_SECONDS)) return undefined;
      // The connection goes silent but stays open; judged like the panel's Simulate stall (did the page
      // notice?). The bound is the stall itself and a little more, for its end to be recorded.
      return {
        id: `stall:${seconds}`,
        order: ORDER.stall,
        command: { kind: 'stall', seconds },
        boundS: seconds + BOUND_S.stallExtra,
        label: { id: 'audit_scenario_stall', subs: [String(seconds)] },
      };
    },
  },
];

export const DEFAULT_SCENARIOS: readonly string[] = ['1012', '1013', '1006', `outage:${DEFAULT_OUTAGE_S}`, '1008'];

export function parseScenario(text: string): Scenario | undefined {
  const s = text.trim();
  for (const k of KINDS) {
    const got = k.parse(s);
    if (got) return got;
  }
  return undefined;
}

export type ParsedScenarios = { ok: true; scenarios: Scenario[] } | { ok: false; bad: string };

/** A comma-separated list (or ids): unknown entries are refused, duplicates dropped, run order applied. */
export function parseScenarios(list: string | readonly string[]): ParsedScenarios {
  const parts = (typeof list === 'string' ? list.split(',') : [...list]).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, bad: '' };
  const out = new Map<string, Scenario>();
  for (const p of parts) {
    const s = parseScenario(p);
    if (!s) return { ok: false, bad: p };
    out.set(s.id, s);
  }
  return { ok: true, scenarios: [...out.values()].sort((a, b) => a.order - b.order) };
}

/** The scenario with its time bound and refusal scaled (tests); refusals stay whole seconds, at least 1. */
export function scaled(s: Scenario, scale: number): Scenario {
  if (scale === 1) return s;
  if (s.command.kind === 'stall') {
    // The stall itself is the scenario's time: it shrinks with its bound, to whole seconds, at least 1.
    const seconds = Math.max(1, Math.round(s.command.seconds * scale));
    return { ...s, command: { kind: 'stall', seconds }, boundS: seconds + BOUND_S.stallExtra };
  }
  return {
    ...s,
    boundS: s.boundS * scale,
    ...(s.refuseS !== undefined && {
      refuseS: Math.min(MAX_OUTAGE_SECONDS, Math.max(1, Math.round(s.refuseS * scale))),
    }),
  };
}
