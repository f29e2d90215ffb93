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
  /**
   * The sentence counts something: textId names a plural family (src/i18n/plural.ts) whose count is its
   * first substitution, and the verdict's text says so (I18nText.plural).
   */
  plural?: true;
}

/**
 * Why a wait could not be judged: browsers slow timers in hidden/frozen tabs, offline pages cannot connect,
 * and a document unloaded for good (a reload, a navigation away) ended the wait before any attempt in it.
 */
export type ThrottleReason = 'hidden' | 'frozen' | 'offline' | 'left';

/** Terms shared by linking, episodes and rules (docs/verdicts.md, "Terms"). */
export interface Terms {
  /** A later attempt links only within this many seconds; longer silence ends an episode. */
  linkWindowS: number;
  /** An attempt that stays open this long ends the episode as recovered. */
  stableOpenS: number;
  /** An attempt created up to this long before a closure links to it as "overlapping". */
  overlapWindowS: number;
  /**
   * Measurement tolerance, in the page's favour on every time threshold (the list is in
   * docs/verdicts.md, "Tolerance"); ratios take none.
   */
  toleranceS: number;
}

export interface StormSpec {
  attempts: number;
  windowS: number;
  finding: Finding;
  /**
   * The finding's sentence when sockets opened beside the reconnect chain (src/analysis/parallel.ts) are among
   * those counted: the same placeholders, then how many of them were; a plural family when the finding's is.
   */
  parallelTextId: string;
}

export interface BackoffSpec {
  /** With fewer delays the shape is not judged. */
  minDelays: number;
  /**
   * No backoff: for some k >= fromK, E_k < maxWaitS and every one of d_2 … d_k is at most
   * growthFactor · max(d_1, floorS).
   */
  noBackoff: { fromK: number; maxWaitS: number; growthFactor: number; floorS: number };
  /** Slow growth: for some k >= fromK, E_k < baseS * 2^(k-1) and E_k < ceilingS. */
  slowGrowth: { fromK: number; baseS: number; ceilingS: number; finding: Finding };
  /** Low cap: at least minDelays delays and E_n < capS. */
  lowCap: { minDelays: number; capS: number; finding: Finding };
  fits: Finding;
  /**
   * The same finding's sentence when no wait grew past the growth bound of "no backoff" (too few, or long
   * enough, for a check to hold): the fits sentence says the waits grow, and these did not.
   */
  fitsUngrownTextId?: string;
  notJudged: Finding;
}

/** What a rule expects of the page: a range of the first wait where it has one, and a sentence. */
export interface ExpectedSpec {
  minS?: number;
  maxS?: number;
  /** i18n id of the sentence ($1 min, $2 max, when the rule has them). */
  textId: string;
}

/** Rules for codes after which a page is expected (or allowed) to reconnect. */
export interface ReconnectRule {
  kind: 'reconnect';
  /** Rule id prefix, e.g. "restart". */
  id: string;
  titleId: string;
  source: ProfileSource;
  expected: ExpectedSpec;
  /** No attempt within the link window. */
  noReconnect: Finding;
  /** Judging d_1 alone. */
  firstDelay?: {
    minS?: number;
    maxS?: number;
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
  expected: ExpectedSpec;
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
  expected: ExpectedSpec;
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
  expected: ExpectedSpec;
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
  /**
   * Rules for codes >= 3000 whose meaning comes from a protocol established for the socket,
   * where they differ from `rules` (a protocol's "retry later" allows giving up).
   */
  protocolRules: Partial<Record<ReconnectAdvice, Rule>>;
  ruleByCode: Record<number, Rule>;
  /** Findings shared by every rule. */
  common: {
    pending: Finding;
    /**
     * The pending finding's sentence once the page has made attempts: its wait runs since the last one
     * failed, not since the close, and "none yet" would deny the attempts ($1 the wait so far, $2 attempts).
     */
    pendingNextTextId: string;
    /** Per reason a wait could not be judged: throttled, or cut short by its document's unload ('left'). */
    throttled: Record<ThrottleReason, Finding>;
    document: Finding;
    /** What is expected after a socket ended with its document. */
    documentExpected: ExpectedSpec;
    /** The first wait of a make-before-break replacement: not judged, it fits. */
    overlapping: Finding;
  };
}
