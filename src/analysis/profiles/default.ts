/**
 * The default profile, exactly as docs/verdicts.md defines it. Every number is a
 * named constant so docs/verdicts.md, docs/recommendations.md and the engine agree.
 */
import type { ReconnectAdvice } from '../../knowledge/types';
import type {
  BackoffSpec,
  NoExpectationRule,
  NoResendRule,
  Profile,
  ReconnectRule,
  Rule,
  StormSpec,
  Terms,
} from './types';
import { SRC_GUIDANCE_1012, SRC_GUIDANCE_1013, SRC_RFC6455_CODES, SRC_RFC6455_RECONNECT } from './sources';

// Terms
export const LINK_WINDOW_S = 60;
export const STABLE_OPEN_S = 10;
/**
 * Not a threshold of the rules themselves: a socket created longer than this before a closure
 * is a parallel socket, not its make-before-break replacement.
 */
export const OVERLAP_WINDOW_S = 10;
export const TOLERANCE_S = 0.05;

// Storm (any code)
export const STORM_ATTEMPTS = 5;
export const STORM_WINDOW_S = 2;

// 1012 Service Restart
export const RESTART_MIN_S = 1;
export const RESTART_MAX_S = 5;

// 1013 Try Again Later: 1 s with ±50 % jitter allowed
export const OVERLOAD_MIN_S = 0.5;

// Backoff checks, with E_k = max(d_1 … d_k)
export const BACKOFF_MIN_DELAYS = 3;
/**
 * Five waits, not three: a correct full-jitter client draws several short waits in a row often
 * enough that a three-wait rule called it "no backoff" in about a third of its episodes.
 */
export const NO_BACKOFF_FROM_K = 5;
export const NO_BACKOFF_MAX_WAIT_S = 2;
export const NO_BACKOFF_GROWTH_FACTOR = 1.5;
/** A tiny first wait (a few ms) must not make every later wait look like growth. */
export const NO_BACKOFF_FLOOR_S = 0.25;
export const SLOW_GROWTH_FROM_K = 4;
export const SLOW_GROWTH_BASE_S = 0.25;
export const SLOW_GROWTH_CEILING_S = 10;
export const LOW_CAP_MIN_DELAYS = 6;
export const LOW_CAP_S = 10;

export const DEFAULT_TERMS: Terms = {
  linkWindowS: LINK_WINDOW_S,
  stableOpenS: STABLE_OPEN_S,
  overlapWindowS: OVERLAP_WINDOW_S,
  toleranceS: TOLERANCE_S,
};

export const DEFAULT_STORM: StormSpec = {
  attempts: STORM_ATTEMPTS,
  windowS: STORM_WINDOW_S,
  finding: { id: 'storm', level: 'problem', textId: 'verdict_storm', plural: true },
  parallelTextId: 'verdict_storm_parallel',
};

export const DEFAULT_BACKOFF: BackoffSpec = {
  minDelays: BACKOFF_MIN_DELAYS,
  noBackoff: {
    fromK: NO_BACKOFF_FROM_K,
    maxWaitS: NO_BACKOFF_MAX_WAIT_S,
    growthFactor: NO_BACKOFF_GROWTH_FACTOR,
    floorS: NO_BACKOFF_FLOOR_S,
  },
  slowGrowth: {
    fromK: SLOW_GROWTH_FROM_K,
    baseS: SLOW_GROWTH_BASE_S,
    ceilingS: SLOW_GROWTH_CEILING_S,
    finding: { id: 'slow-growth', level: 'advice', textId: 'verdict_backoff_slow_growth' },
  },
  lowCap: {
    minDelays: LOW_CAP_MIN_DELAYS,
    capS: LOW_CAP_S,
    finding: { id: 'low-cap', level: 'advice', textId: 'verdict_backoff_low_cap', plural: true },
  },
  fits: { id: 'fits', level: 'fits', textId: 'verdict_backoff_fits' },
  fitsUngrownTextId: 'verdict_backoff_fits_ungrown',
  // Too few waits to judge a shape says nothing good or bad: information, for every code.
  notJudged: { id: 'not-judged', level: 'info', textId: 'verdict_backoff_not_judged', plural: true },
};

const NO_RECONNECT_PROBLEM = { id: 'no-reconnect', level: 'problem', textId: 'verdict_no_reconnect' } as const;

export const RESTART_RULE: ReconnectRule = {
  kind: 'reconnect',
  id: 'restart',
  titleId: 'verdict_rule_restart_title',
  source: SRC_GUIDANCE_1012,
  expected: { minS: RESTART_MIN_S, maxS: RESTART_MAX_S, textId: 'verdict_expected_window' },
  noReconnect: NO_RECONNECT_PROBLEM,
  firstDelay: {
    minS: RESTART_MIN_S,
    maxS: RESTART_MAX_S,
    tooSoon: { id: 'too-soon', level: 'problem', textId: 'verdict_restart_too_soon' },
    slow: { id: 'slow', level: 'advice', textId: 'verdict_restart_slow' },
    fits: { id: 'fits', level: 'fits', textId: 'verdict_restart_fits' },
  },
  backoff: {
    when: 'after-failed-first',
    noBackoff: { id: 'no-backoff', level: 'problem', textId: 'verdict_backoff_no_backoff' },
  },
};

export const OVERLOAD_RULE: ReconnectRule = {
  kind: 'reconnect',
  id: 'overload',
  titleId: 'verdict_rule_overload_title',
  source: SRC_GUIDANCE_1013,
  expected: { minS: OVERLOAD_MIN_S, textId: 'verdict_expected_overload' },
  noReconnect: NO_RECONNECT_PROBLEM,
  firstDelay: {
    minS: OVERLOAD_MIN_S,
    tooSoon: { id: 'too-soon', level: 'problem', textId: 'verdict_overload_too_soon' },
    fits: { id: 'fits', level: 'fits', textId: 'verdict_overload_fits' },
  },
  backoff: { when: 'always', noBackoff: { id: 'no-backoff', level: 'problem', textId: 'verdict_backoff_no_backoff' } },
};

export const APP_CHOICE_RULE: ReconnectRule = {
  kind: 'reconnect',
  id: 'app-choice',
  titleId: 'verdict_rule_app_choice_title',
  // RFC 6455 §7.2.3: after an abnormal closure a client that reconnects should back off.
  source: SRC_RFC6455_RECONNECT,
  expected: { textId: 'verdict_expected_app_choice' },
  noReconnect: { id: 'no-reconnect', level: 'info', textId: 'verdict_app_choice_no_reconnect' },
  // "No backoff" is lowered to advice: the page may reconnect however it likes, but a loop still costs.
  backoff: {
    when: 'always',
    noBackoff: { id: 'no-backoff', level: 'advice', textId: 'verdict_backoff_no_backoff' },
  },
};

/**
 * A protocol's own "retry later" code (Discord's 4008 rate limit), on a socket where that
 * protocol is established: reconnects are judged like 1013, but a client may rightly give up.
 */
export const RETRY_LATER_RULE: ReconnectRule = {
  ...OVERLOAD_RULE,
  id: 'retry-later',
  titleId: 'verdict_rule_retry_later_title',
  source: SRC_RFC6455_RECONNECT,
  expected: { minS: OVERLOAD_MIN_S, textId: 'verdict_expected_retry_later' },
  noReconnect: { id: 'no-reconnect', level: 'info', textId: 'verdict_retry_later_no_reconnect' },
  firstDelay: {
    minS: OVERLOAD_MIN_S,
    tooSoon: { id: 'too-soon', level: 'problem', textId: 'verdict_retry_later_too_soon' },
    fits: { id: 'fits', level: 'fits', textId: 'verdict_retry_later_fits' },
  },
};

export const NO_RESEND_RULE: NoResendRule = {
  kind: 'no-resend',
  id: 'terminal',
  titleId: 'verdict_rule_terminal_title',
  source: SRC_RFC6455_CODES,
  expected: { textId: 'verdict_expected_no_resend' },
  blindRetry: { id: 'blind-retry', level: 'problem', textId: 'verdict_terminal_blind_retry' },
  changedRequest: { id: 'changed-request', level: 'fits', textId: 'verdict_terminal_changed_request' },
  noRetry: { id: 'no-retry', level: 'fits', textId: 'verdict_terminal_no_retry' },
};

export const NO_EXPECTATION_RULE: NoExpectationRule = {
  kind: 'none',
  id: 'none',
  titleId: 'verdict_rule_none_title',
  source: SRC_RFC6455_CODES,
  expected: { textId: 'verdict_expected_none' },
  noReconnect: { id: 'no-reconnect', level: 'info', textId: 'verdict_none_no_reconnect' },
  reconnected: { id: 'reconnected', level: 'info', textId: 'verdict_none_reconnected' },
};

/** Codes docs/verdicts.md names; other codes are asked of the knowledge base. */
export const DEFAULT_CODES: Record<number, ReconnectAdvice> = {
  1000: 'none',
  1001: 'none',
  1005: 'none',
  1012: 'restart',
  1013: 'backoff',
  1008: 'do-not-resend',
  1002: 'do-not-resend',
  1003: 'do-not-resend',
  1007: 'do-not-resend',
  1009: 'do-not-resend',
  1010: 'do-not-resend',
  3000: 'do-not-resend',
  3003: 'do-not-resend',
  1006: 'app-choice',
  1011: 'app-choice',
  1014: 'app-choice',
};

export const DEFAULT_RULES: Record<ReconnectAdvice, Rule> = {
  restart: RESTART_RULE,
  backoff: OVERLOAD_RULE,
  'do-not-resend': NO_RESEND_RULE,
  'app-choice': APP_CHOICE_RULE,
  none: NO_EXPECTATION_RULE,
};

export const DEFAULT_COMMON: Profile['common'] = {
  pending: { id: 'pending', level: 'pending', textId: 'verdict_pending' },
  pendingNextTextId: 'verdict_pending_next',
  throttled: {
    hidden: { id: 'throttled', level: 'inconclusive', textId: 'verdict_throttled_hidden' },
    frozen: { id: 'throttled', level: 'inconclusive', textId: 'verdict_throttled_frozen' },
    offline: { id: 'throttled', level: 'inconclusive', textId: 'verdict_throttled_offline' },
    left: { id: 'left', level: 'inconclusive', textId: 'verdict_left' },
  },
  document: { id: 'document', level: 'info', textId: 'verdict_document' },
  documentExpected: { textId: 'verdict_expected_document' },
  overlapping: { id: 'overlapping', level: 'fits', textId: 'verdict_overlapping' },
};

export const DEFAULT_PROFILE: Profile = {
  id: 'default',
  nameId: 'verdict_profile_default_name',
  descriptionId: 'verdict_profile_default_desc',
  sources: [SRC_GUIDANCE_1012, SRC_GUIDANCE_1013, SRC_RFC6455_CODES, SRC_RFC6455_RECONNECT],
  terms: DEFAULT_TERMS,
  storm: DEFAULT_STORM,
  backoff: DEFAULT_BACKOFF,
  codes: DEFAULT_CODES,
  rules: DEFAULT_RULES,
  protocolRules: { backoff: RETRY_LATER_RULE },
  ruleByCode: {},
  common: DEFAULT_COMMON,
};
