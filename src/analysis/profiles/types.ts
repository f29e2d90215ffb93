/**
 * A recommendation profile is data: every threshold is a named number and every
 * finding names its level and its i18n sentence, so the rule engine, the panel
 * and docs/recommendations.md all read the same values.
 */
import type { ReconnectAdvice } from '../../knowledge/types';
import type { VerdictLevel } from '../types';

/** A public reference a profile cites (shown as a link; never fetched). */
export interface ProfileSource {
  /** i18n id of the source's display name. */
  labelId: string;
  url: string;
}

/** One possible result of a rule: its level and its sentence. */
export interface Finding {
  /** Stable rule id suffix, e.g. "too-soon" (the verdict's rule is "<rule id>.<finding id>"). */
  id: string;
  level: VerdictLevel;
  /** i18n id of the sentence (prefix verdict_). */
  textId: string;
}

/** Why a wait could not be judged: browsers slow timers in hidden/frozen tabs, and offline pages cannot connect. */
export type ThrottleReason = 'hidden' | 'frozen' | 'offline';

/** Terms shared by linking, episodes and rules (VERDICTS.md "Terms"). */
export interface Terms {
  /** A later attempt links only within this many seconds; longer silence ends an episode. */
  linkWindowS: number;
  /** An attempt that stays open this long ends the episode as recovered. */
  stableOpenS: number;
  /** An attempt created up to this long before a closure links to it as "overlapping". */
  overlapWindowS: number;
  /** Measurement tolerance, applied in the page's favour on every threshold. */
  toleranceS: number;
}

export interface StormSpec {
  attempts: number;
  windowS: number;
  finding: Finding;
}

export interface BackoffSpec {
  /** With fewer delays the shape is not judged. */
  minDelays: number;
  /** No backoff: for some k >= fromK, E_k < maxWaitS and d_k <= growthFactor * d_1. */
  noBackoff: { fromK: number; maxWaitS: number; growthFactor: number };
  /** Slow growth: for some k >= fromK, E_k < baseS * 2^(k-1) and E_k < ceilingS. */
  slowGrowth: { fromK: number; baseS: number; ceilingS: number; finding: Finding };
  /** Low cap: at least minDelays delays and E_n < capS. */
  lowCap: { minDelays: number; capS: number; finding: Finding };
  fits: Finding;
  notJudged: Finding;
}

/** Rules for codes after which a page is expected (or allowed) to reconnect. */
export interface ReconnectRule {
  kind: 'reconnect';
  /** Rule id prefix, e.g. "restart". */
  id: string;
  titleId: string;
  source: ProfileSource;
  /** No attempt within the link window. */
  noReconnect: Finding;
  /** Judging d_1 alone. */
  firstDelay?: {
    minS?: number;
    maxS?: number;
    /** i18n id of the expected-range sentence ($1 min, $2 max). */
    expectedTextId: string;
    tooSoon?: Finding;
    slow?: Finding;
    fits: Finding;
  };
  /** Backoff checks over d_1..d_n: always, or only when the first reconnect failed (1012). */
  backoff?: {
    when: 'always' | 'after-failed-first';
    noBackoff: Finding;
    /** Replaces the profile's "not judged" finding (its level differs where reconnecting is optional). */
    notJudged?: Finding;
  };
}

/** Codes whose guidance is "do not resend the same thing". */
export interface NoResendRule {
  kind: 'no-resend';
  id: string;
  titleId: string;
  source: ProfileSource;
  blindRetry: Finding;
  changedRequest: Finding;
  noRetry: Finding;
}

/** Reconnect only on user action, or to another host (IANA's 1013 text). */
export interface UserActionRule {
  kind: 'user-action';
  id: string;
  titleId: string;
  source: ProfileSource;
  autoReconnect: Finding;
  movedHost: Finding;
  noRetry: Finding;
}

/** No expectation: normal closes and closes the page initiated. */
export interface NoExpectationRule {
  kind: 'none';
  id: string;
  titleId: string;
  source: ProfileSource;
  noReconnect: Finding;
  reconnected: Finding;
}

export type Rule = ReconnectRule | NoResendRule | UserActionRule | NoExpectationRule;

export interface Profile {
  id: string;
  nameId: string;
  descriptionId: string;
  sources: ProfileSource[];
  terms: Terms;
  storm: StormSpec;
  backoff: BackoffSpec;
  /** Codes this profile names explicitly; others go through the knowledge base's advice. */
  codes: Record<number, ReconnectAdvice>;
  /** Rule per advice; codes named in ruleByCode override it. */
  rules: Record<ReconnectAdvice, Rule>;
  ruleByCode: Record<number, Rule>;
  /** Findings shared by every rule. */
  common: {
    pending: Finding;
    /** Per reason the wait was throttled. */
    throttled: Record<ThrottleReason, Finding>;
    document: Finding;
  };
}
