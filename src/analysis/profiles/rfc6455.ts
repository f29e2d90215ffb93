/**
 * RFC 6455 §7.2.3 "Recovering from Abnormal Closure": the first reconnect
 * SHOULD be delayed by a random amount ("0 to 5 seconds is a reasonable
 * initial delay"), later ones by increasing amounts, "using a method such as
 * truncated binary exponential backoff". The RFC predates 1012/1013, so this
 * profile applies that one rule to every code after which a page may
 * reconnect; it never requires a reconnect.
 */
import type { Profile, ReconnectRule } from './types';
import { DEFAULT_PROFILE } from './default';
import { SRC_RFC6455_RECONNECT } from './sources';

export const RFC_FIRST_MIN_S = 0;
export const RFC_FIRST_MAX_S = 5;

export const RFC_RECONNECT_RULE: ReconnectRule = {
  kind: 'reconnect',
  id: 'rfc-reconnect',
  titleId: 'verdict_rule_rfc_reconnect_title',
  source: SRC_RFC6455_RECONNECT,
  expected: { minS: RFC_FIRST_MIN_S, maxS: RFC_FIRST_MAX_S, textId: 'verdict_expected_window' },
  noReconnect: { id: 'no-reconnect', level: 'info', textId: 'verdict_optional_no_reconnect' },
  firstDelay: {
    minS: RFC_FIRST_MIN_S,
    maxS: RFC_FIRST_MAX_S,
    slow: { id: 'slow', level: 'advice', textId: 'verdict_rfc_slow' },
    fits: { id: 'fits', level: 'fits', textId: 'verdict_rfc_fits' },
  },
  // SHOULD use increasing delays: a client that never backs off is a problem.
  backoff: { when: 'always', noBackoff: { id: 'no-backoff', level: 'problem', textId: 'verdict_backoff_no_backoff' } },
};

export const RFC6455_PROFILE: Profile = {
  ...DEFAULT_PROFILE,
  id: 'rfc6455',
  nameId: 'verdict_profile_rfc6455_name',
  descriptionId: 'verdict_profile_rfc6455_desc',
  sources: [SRC_RFC6455_RECONNECT],
  rules: {
    ...DEFAULT_PROFILE.rules,
    restart: RFC_RECONNECT_RULE,
    backoff: RFC_RECONNECT_RULE,
    'app-choice': RFC_RECONNECT_RULE,
  },
  // The RFC knows no protocol codes: every code a page may reconnect after gets its one rule.
  protocolRules: {},
  ruleByCode: {},
};
