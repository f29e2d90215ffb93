/**
 * The rule engine: one verdict per episode, from the profile's data
 * (docs/verdicts.md). Storms override everything; throttled waits, and waits
 * their document left for good, turn "too late / slow / no reconnect" into
 * inconclusive; a wait still running at the recording's end is pending unless a
 * problem is already certain. Every verdict says what was expected.
 */
import type { Connection } from '../protocol/recording';
import type { ReconnectAdvice } from '../knowledge/types';
import type { I18nText, Verdict, VerdictLevel } from './types';
import type {
  ExpectedSpec,
  Finding,
  NoExpectationRule,
  NoResendRule,
  Profile,
  ReconnectRule,
  Rule,
  ThrottleReason,
  UserActionRule,
} from './profiles/types';
import type { EpisodeFacts, Wait } from './episodes';
import type { ThrottleIndex } from './throttle';
import { checkBackoff } from './backoff';
import { findStorm, type Storm } from './storm';
import { delayList, num, seconds } from './format';
import { withoutSockjsSession } from './link';

export interface JudgeContext {
  profile: Profile;
  throttle: ThrottleIndex;
  /** The knowledge base's advice for codes the profile does not name. */
  adviceFor(code: number, conn: Connection): ReconnectAdvice;
  /** The advice of a protocol established for the socket, where one gives the code its meaning. */
  protocolAdviceFor(code: number, conn: Connection): ReconnectAdvice | undefined;
}

/** Most severe first: a verdict shows the worst thing found. */
const SEVERITY: Record<VerdictLevel, number> = { problem: 5, advice: 4, inconclusive: 3, pending: 2, fits: 1, info: 0 };

interface Candidate {
  rule: string;
  /** The finding's own id (the rule id's last part), e.g. 'too-soon'. */
  finding: string;
  level: VerdictLevel;
  text: I18nText;
}

export function ruleFor(ep: EpisodeFacts, ctx: JudgeContext): Rule {
  const { profile } = ctx;
  // The page closed it itself: nothing is expected of the reconnect.
  if (ep.trigger.initiator === 'page') return profile.rules.none;
  const code = ep.trigger.code;
  const byCode = profile.ruleByCode[code];
  if (byCode) return byCode;
  // A code >= 3000 has a protocol's meaning only where that protocol is established for the socket, and
  // there that meaning comes first: before the profile's reading of the registry's 3000 and 3003, as the
  // knowledge base explains the code (a Centrifugo 3003 asks the client to reconnect).
  const established = code >= 3000 ? ctx.protocolAdviceFor(code, ep.triggerConn) : undefined;
  if (established) return profile.protocolRules[established] ?? profile.rules[established];
  const named = profile.codes[code];
  if (named) return profile.rules[named];
  const advice = ctx.adviceFor(code, ep.triggerConn);
  return (code >= 3000 ? profile.protocolRules[advice] : undefined) ?? profile.rules[advice];
}

/** Creation times of the episode's attempts and of the sockets opened beside them (parallel.ts), ascending. */
function attemptTimes(ep: EpisodeFacts): number[] {
  const times = ep.attempts.map((a) => a.createdAt);
  if (ep.parallel.length === 0) return times;
  for (let i = 0; i < ep.parallel.length; i++) times.push(ep.parallel[i]!.createdAt);
  return times.sort((a, b) => a - b);
}

/** How many of the storm's attempts are sockets opened beside the chain. */
function besideIn(ep: EpisodeFacts, storm: Storm): number {
  let n = 0;
  for (let i = 0; i < ep.parallel.length; i++) {
    const at = ep.parallel[i]!.createdAt;
    if (at >= storm.startMs && at <= storm.endMs) n++;
  }
  return n;
}

export function judgeEpisode(ep: EpisodeFacts, ctx: JudgeContext): Verdict {
  const { profile } = ctx;
  const rule = ruleFor(ep, ctx);
  const observedDelays = ep.delaysS;
  const profileId = profile.id;
  const expected = expectedOf(rule.expected);
  const storm = findStorm(attemptTimes(ep), profile.storm, profile.terms.toleranceS);
  if (storm) {
    const f = profile.storm.finding;
    const subs = [
      String(storm.count),
      seconds((storm.endMs - storm.startMs) / 1000),
      String(profile.storm.attempts),
      num(profile.storm.windowS),
    ];
    const beside = besideIn(ep, storm);
    return {
      observedDelays,
      profileId,
      level: f.level,
      rule: f.id,
      finding: f.id,
      text: beside > 0 ? textOf(f, profile.storm.parallelTextId, [...subs, String(beside)]) : textOf(f, f.textId, subs),
      expected,
    };
  }
  // Stable sort: among equal levels the rule's own order (backoff checks first) decides.
  const ranked = candidatesFor(rule, ep, ctx).sort((a, b) => SEVERITY[b.level] - SEVERITY[a.level]);
  const first = ranked[0];
  if (!first || (ep.trailing.kind === 'running' && rule.kind !== 'none' && first.level !== 'problem')) {
    // The page may still reconnect: nothing but a certain problem can be said yet.
    const f = profile.common.pending;
    const wait = ep.trailing.kind === 'none' ? undefined : ep.trailing.wait;
    const elapsed = wait ? (wait.toMs - wait.fromMs) / 1000 : 0;
    return {
      observedDelays,
      profileId,
      level: f.level,
      rule: `${rule.id}.${f.id}`,
      finding: f.id,
      // After attempts the wait runs since the last one failed: the sentence says so, and does not say "none yet".
      text:
        ep.attempts.length > 0
          ? { id: profile.common.pendingNextTextId, subs: [seconds(elapsed), String(ep.attempts.length)] }
          : { id: f.textId, subs: [seconds(elapsed)] },
      expected,
    };
  }
  // Field by field, in the order verdicts have always had (reports serialise them); `also` only when there is one.
  const verdict: Verdict = {
    observedDelays,
    profileId,
    level: first.level,
    rule: first.rule,
    finding: first.finding,
    text: first.text,
    expected,
  };
  let also: NonNullable<Verdict['also']> | undefined;
  for (let i = 1; i < ranked.length; i++) {
    const c = ranked[i]!;
    if (SEVERITY[c.level] < SEVERITY.inconclusive) continue;
    (also ??= []).push({ rule: c.rule, level: c.level, text: c.text });
  }
  if (also) verdict.also = also;
  return verdict;
}

/** The verdict's "expected": the rule's range where it has one, and always its sentence. */
export function expectedOf({ minS, maxS, textId }: ExpectedSpec): NonNullable<Verdict['expected']> {
  // Absent bounds stay absent; the fields keep their order (minS, maxS, text) without spreads.
  if (minS === undefined && maxS === undefined) return { text: { id: textId } };
  const text = { id: textId, subs: [num(minS ?? 0), maxS === undefined ? '' : num(maxS)] };
  if (minS === undefined) return { maxS, text };
  return maxS === undefined ? { minS, text } : { minS, maxS, text };
}

function candidatesFor(rule: Rule, ep: EpisodeFacts, ctx: JudgeContext): Candidate[] {
  switch (rule.kind) {
    case 'reconnect':
      return reconnectCandidates(rule, ep, ctx);
    case 'no-resend':
      return [noResendCandidate(rule, ep, ctx.profile)];
    case 'user-action':
      return [userActionCandidate(rule, ep)];
    case 'none':
      return [noneCandidate(rule, ep)];
  }
}

/** A finding's sentence: marked as a plural family's when it counts something (subs[0] is the count). */
function textOf(f: Finding, id: string, subs: string[]): I18nText {
  return f.plural ? { id, subs, plural: true } : { id, subs };
}

function make(rule: Rule, f: Finding, subs: string[]): Candidate {
  return { rule: `${rule.id}.${f.id}`, finding: f.id, level: f.level, text: textOf(f, f.textId, subs) };
}

function reconnectCandidates(rule: ReconnectRule, ep: EpisodeFacts, ctx: JudgeContext): Candidate[] {
  const { profile, throttle } = ctx;
  const tol = profile.terms.toleranceS;
  const code = String(ep.trigger.code);
  const doc = ep.triggerConn.documentId;
  /**
   * A finding that claims the page waited too long cannot stand on a wait that could not be judged: it
   * becomes the reason's finding. Findings of other levels (info, fits) claim no such thing and stand.
   */
  const unless = (c: Candidate, reason: ThrottleReason | undefined, delayS: number): Candidate => {
    if (!reason || (c.level !== 'problem' && c.level !== 'advice')) return c;
    const f = profile.common.throttled[reason];
    return {
      rule: `${c.rule}.${f.id}`,
      finding: f.id,
      level: f.level,
      text: { id: f.textId, subs: [seconds(delayS)] },
    };
  };
  const throttledIn = (waits: readonly Wait[]): ThrottleReason | undefined => {
    for (const w of waits) {
      const reason = throttle.reasonDuring(doc, w.fromMs, w.toMs);
      if (reason) return reason;
    }
    return undefined;
  };

  const d = ep.delaysS;
  if (d.length === 0) {
    // While the wait runs nothing is known yet (the engine reports pending).
    if (ep.trailing.kind === 'running') return [];
    const c = make(rule, rule.noReconnect, [num(profile.terms.linkWindowS), code]);
    if (ep.trailing.kind === 'none') return [c];
    const wait = ep.trailing.wait;
    const waitS = (wait.toMs - wait.fromMs) / 1000;
    // The document was unloaded for good during the wait: that, not a throttled timer, is why no attempt came.
    if (ep.trailing.kind === 'left') return [unless(c, 'left', waitS)];
    return [unless(c, throttledIn([wait]), waitS)];
  }
  const out: Candidate[] = [];
  const b = rule.backoff;
  if (b && (b.when === 'always' || d.length >= 2)) {
    const found = checkBackoff(d, profile.backoff, b.noBackoff, b.notJudged ?? profile.backoff.notJudged, tol);
    // Backoff findings say the page waited too little; throttling only lengthens waits, so they stand.
    for (const f of found) out.push(make(rule, f.finding, f.subs));
  }
  const fd = rule.firstDelay;
  const d1 = d[0] ?? 0;
  if (ep.links[0]?.label === 'overlapping') {
    // The replacement existed before the server closed: its wait was not a choice made after
    // the close, so "too soon" cannot apply; it fits, and the verdict says why.
    out.push(make(rule, profile.common.overlapping, [code]));
  } else if (fd) {
    const subs = [seconds(d1), num(fd.minS ?? 0), num(fd.maxS ?? 0), code];
    if (fd.tooSoon && fd.minS !== undefined && d1 + tol < fd.minS) out.push(make(rule, fd.tooSoon, subs));
    else if (fd.slow && fd.maxS !== undefined && d1 - tol > fd.maxS)
      out.push(unless(make(rule, fd.slow, subs), throttledIn(ep.waits.slice(0, 1)), d1));
    // With backoff checks present their verdict says more than "the first wait fits".
    else if (out.length === 0) out.push(make(rule, fd.fits, subs));
  }
  if (out.length === 0) out.push(make(rule, profile.backoff.fits, [delayList(d)]));
  return out;
}

function noResendCandidate(rule: NoResendRule, ep: EpisodeFacts, profile: Profile): Candidate {
  const code = String(ep.trigger.code);
  const t = ep.triggerConn;
  const request = withoutSockjsSession(t.url);
  const same = (c: Connection) =>
    withoutSockjsSession(c.url) === request &&
    c.protocols.length === t.protocols.length &&
    c.protocols.every((p, i) => p === t.protocols[i]);
  // "Within the link window", with the tolerance in the page's favour: an attempt at the edge is no blind retry.
  const withinMs = Math.round((profile.terms.linkWindowS - profile.terms.toleranceS) * 1000);
  // Within the window of the close, and said as the time since the close: a retry after a failed attempt
  // waited only since that failure. A make-before-break replacement was made before the close: it cannot be
  // a retry of what the close refused.
  const closedAt = ep.trigger.closedAt;
  const judged = ep.attempts
    .map((a, i) => ({ a, i, afterMs: a.createdAt - closedAt }))
    .filter(({ i, afterMs }) => ep.links[i]?.label !== 'overlapping' && afterMs <= withinMs);
  const blind = judged.find(({ a }) => same(a));
  if (blind) return make(rule, rule.blindRetry, [code, seconds(blind.afterMs / 1000)]);
  const changed = judged[0];
  if (changed) return make(rule, rule.changedRequest, [code, seconds(changed.afterMs / 1000)]);
  if (ep.links[0]?.label === 'overlapping') return make(rule, profile.common.overlapping, [code]);
  return make(rule, rule.noRetry, [code, '']);
}

function userActionCandidate(rule: UserActionRule, ep: EpisodeFacts): Candidate {
  const code = String(ep.trigger.code);
  const link = ep.links[0];
  if (!link) return make(rule, rule.noRetry, [code, '', '']);
  const delay = seconds(link.delayS);
  if (link.label === 'moved') return make(rule, rule.movedHost, [code, delay, link.movedTo ?? '']);
  return make(rule, rule.autoReconnect, [code, delay, '']);
}

function noneCandidate(rule: NoExpectationRule, ep: EpisodeFacts): Candidate {
  const code = String(ep.trigger.code);
  const first = ep.delaysS[0];
  if (first === undefined) return make(rule, rule.noReconnect, [code, '']);
  return make(rule, rule.reconnected, [code, seconds(first)]);
}
