/**
 * The IANA registry's reference text for 1012 and 1013 (the HyBi mail the
 * registry cites): "A client may reconnect, and if it chooses to do, should
 * reconnect using a randomized delay of 5 - 30s" (1012); "A client should only
 * connect to a different IP … or reconnect to the same IP upon user action"
 * (1013). Everything else is the default profile.
 */
import type { Profile, ReconnectRule, UserActionRule } from './types';
import { DEFAULT_PROFILE, DEFAULT_BACKOFF } from './default';
import { SRC_IANA_1012_1013_TEXT, SRC_IANA_REGISTRY } from './sources';

export const IANA_RESTART_MIN_S = 5;
export const IANA_RESTART_MAX_S = 30;

export const IANA_RESTART_RULE: ReconnectRule = {
  kind: 'reconnect',
  id: 'iana-restart',
  titleId: 'verdict_rule_iana_restart_title',
  source: SRC_IANA_1012_1013_TEXT,
  expected: { minS: IANA_RESTART_MIN_S, maxS: IANA_RESTART_MAX_S, textId: 'verdict_expected_window' },
  // "may reconnect": not reconnecting is allowed.
  noReconnect: { id: 'no-reconnect', level: 'info', textId: 'verdict_optional_no_reconnect' },
  firstDelay: {
    minS: IANA_RESTART_MIN_S,
    maxS: IANA_RESTART_MAX_S,
    tooSoon: { id: 'too-soon', level: 'problem', textId: 'verdict_iana_restart_too_soon' },
    slow: { id: 'slow', level: 'advice', textId: 'verdict_iana_restart_slow' },
    fits: { id: 'fits', level: 'fits', textId: 'verdict_iana_restart_fits' },
  },
  backoff: {
    when: 'after-failed-first',
    noBackoff: { id: 'no-backoff', level: 'problem', textId: 'verdict_backoff_no_backoff' },
  },
};

export const IANA_OVERLOAD_RULE: UserActionRule = {
  kind: 'user-action',
  id: 'iana-overload',
  titleId: 'verdict_rule_iana_overload_title',
  source: SRC_IANA_1012_1013_TEXT,
  expected: { textId: 'verdict_expected_user_action' },
  // Advice, not problem: the recording cannot tell whether the user asked for the reconnect.
  autoReconnect: { id: 'auto-reconnect', level: 'advice', textId: 'verdict_iana_overload_auto' },
  movedHost: { id: 'moved', level: 'fits', textId: 'verdict_iana_overload_moved' },
  noRetry: { id: 'no-retry', level: 'fits', textId: 'verdict_iana_overload_no_retry' },
};

export const IANA_PROFILE: Profile = {
  ...DEFAULT_PROFILE,
  id: 'iana',
  nameId: 'verdict_profile_iana_name',
  descriptionId: 'verdict_profile_iana_desc',
  sources: [SRC_IANA_REGISTRY, SRC_IANA_1012_1013_TEXT],
  backoff: DEFAULT_BACKOFF,
  ruleByCode: { 1012: IANA_RESTART_RULE, 1013: IANA_OVERLOAD_RULE },
};
