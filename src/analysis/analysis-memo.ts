/**
 * What one analysis keeps for the next, so a live recording that changed in one
 * connection costs that connection, not the whole recording (docs/performance.md,
 * "Where the panel's time goes"). A delta replaces only the connection objects
 * that changed (src/ui/data/apply-delta.ts), so facts of one connection alone
 * (its closure, its URL's parts) are kept by the connection object; results that
 * depend on several (episodes, their verdicts, each closure's link) are kept by
 * id together with every input they were made from, and reused only when all of
 * those are the same. A result made anew that equals the last one keeps the last
 * one's object, so the views' per-object memos hold across updates.
 * Nothing here changes what an analysis says: `analyzeRecording` without a memo
 * makes a fresh one, and tests compare the two over sequences of updates.
 */
import type { Connection, Mark } from '../protocol/recording';
import { linkKeysOf, type LinkKeys } from './link';
import type { StallResult } from './stall';
import { classify, type ClosureFacts } from './classify';
import { codeKnowledge, type CodeKnowledge } from './code-context';
import type { EpisodeFacts, Trailing } from './episodes';
import type { Profile } from './profiles/types';
import { buildThrottleIndex, type ThrottleIndex } from './throttle';
import type { Closure, Episode, ReconnectLink, Verdict } from './types';

/** Facts of one connection object alone. Never mutated: the analysis copies a closure to add its link. */
interface ConnectionFacts {
  closure: ClosureFacts | undefined;
  keys: LinkKeys | undefined;
  stalled: boolean;
}

/** An episode's verdict and summary with every input judging read (the profile, the marks, the connections). */
interface EpisodeEntry {
  profile: Profile;
  throttle: ThrottleIndex;
  facts: EpisodeFacts;
  episode: Episode;
}

export interface AnalysisMemo {
  /** The knowledge base's answers per code and context: pure, so they hold for every analysis. */
  readonly knowledge: CodeKnowledge;
  /**
   * Facts per connection object, for the next version of a live recording; null in a one-shot memo,
   * whose analysis asks for each fact of a connection once (an import's 10,000 entries would only be
   * more work for the collector, and a weak map's entries are the costliest kind to trace).
   */
  readonly byConnection: WeakMap<Connection, ConnectionFacts> | null;
  throttle?: { marks: readonly Mark[]; index: ThrottleIndex };
  /** The last analysis's results by connection id (closures, document verdicts, stalls) or episode id. */
  closures: Map<string, { base: ClosureFacts; out: Closure }>;
  episodes: Map<string, EpisodeEntry>;
  documentVerdicts: Map<string, { profile: Profile; verdict: Verdict }>;
  stalls: Map<string, StallResult[]>;
}

/** A memo for a series of analyses (`createAnalyzer`), or for one (`oneShot`: nothing kept per connection). */
export function createAnalysisMemo({ oneShot = false } = {}): AnalysisMemo {
  return {
    knowledge: codeKnowledge(),
    byConnection: oneShot ? null : new WeakMap(),
    closures: new Map(),
    episodes: new Map(),
    documentVerdicts: new Map(),
    stalls: new Map(),
  };
}

function factsOf(kept: WeakMap<Connection, ConnectionFacts>, c: Connection): ConnectionFacts {
  let f = kept.get(c);
  if (!f) {
    f = {
      closure: classify(c),
      keys: undefined,
      stalled: hasStallEvent(c),
    };
    kept.set(c, f);
  }
  return f;
}

function hasStallEvent(c: Connection): boolean {
  const events = c.events;
  // Indexed, with no closure per call: this runs once per connection of an import, before it is optimised.
  for (let i = 0; i < events.length; i++) if (events[i]!.type === 'stall') return true;
  return false;
}

/** The connection's closure as `classify` says (shared between analyses: read it, never change it). */
export const closureFactsOf = (memo: AnalysisMemo, c: Connection): ClosureFacts | undefined =>
  memo.byConnection ? factsOf(memo.byConnection, c).closure : classify(c);

export const hasStall = (memo: AnalysisMemo, c: Connection): boolean =>
  memo.byConnection ? factsOf(memo.byConnection, c).stalled : hasStallEvent(c);

/** The connection's URL parts and linking keys (`linkKeysOf`). */
export function linkKeysFor(memo: AnalysisMemo, c: Connection): LinkKeys {
  if (!memo.byConnection) return linkKeysOf(c);
  const f = factsOf(memo.byConnection, c);
  return (f.keys ??= linkKeysOf(c));
}

/** The throttling index of these marks: a delta without marks keeps the recording's marks array. */
export function throttleOf(memo: AnalysisMemo, marks: readonly Mark[]): ThrottleIndex {
  if (memo.throttle?.marks !== marks) memo.throttle = { marks, index: buildThrottleIndex(marks) };
  return memo.throttle.index;
}

const sameLink = (a: ReconnectLink | undefined, b: ReconnectLink | undefined): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.nextId === b.nextId &&
    a.delayS === b.delayS &&
    a.label === b.label &&
    a.movedTo === b.movedTo);

function sameTrailing(a: Trailing, b: Trailing): boolean {
  if (a.kind === 'none' || b.kind === 'none') return a.kind === b.kind;
  return a.kind === b.kind && a.wait.fromMs === b.wait.fromMs && a.wait.toMs === b.wait.toMs;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

/**
 * Equality of plain data (what verdicts and stall results are made of): the same primitives,
 * arrays and objects with the same own keys, recursively.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    // Same keys in the same order, so a reused object serialises as a new one would.
    if (k !== kb[i] || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * The closure as this analysis reports it: `classify`'s facts with the link to the next attempt and
 * the episode it belongs to. The last analysis's object when nothing of it changed.
 */
export function closureOut(
  memo: AnalysisMemo,
  /** Where to keep the result for the next analysis; undefined for a one-shot one. */
  next: AnalysisMemo['closures'] | undefined,
  base: ClosureFacts,
  link: ReconnectLink | undefined,
  episodeId: string | undefined,
): Closure {
  const prev = memo.closures.get(base.connectionId);
  let out: Closure;
  if (prev && prev.base === base && sameLink(prev.out.next, link) && prev.out.episodeId === episodeId) out = prev.out;
  else {
    // One literal, every closure of one shape: classify's fields in its order, then the link and the
    // episode (undefined when there is none). A spread copy with fields added after it cost V8 about
    // 2.5 µs a closure, as the copy's hidden class has no transition for them.
    const made: ClosureFacts = {
      connectionId: base.connectionId,
      code: base.code,
      reason: base.reason,
      wasClean: base.wasClean,
      closedAt: base.closedAt,
      initiator: base.initiator,
      inferred: base.inferred,
      lifetimeMs: base.lifetimeMs,
      simulated: base.simulated,
      openedAt: base.openedAt,
      next: link,
      episodeId,
    };
    out = made;
  }
  next?.set(base.connectionId, { base, out });
  return out;
}

/**
 * The episode's summary and verdict: the last analysis's when judging would read the same inputs
 * (the profile, the marks, the same connection objects, links, wait and outcome), else judged anew;
 * a new verdict or episode equal to the last keeps the last object.
 */
export function episodeOut(
  memo: AnalysisMemo,
  /** Where to keep the result for the next analysis; undefined for a one-shot one. */
  next: AnalysisMemo['episodes'] | undefined,
  ep: EpisodeFacts,
  profile: Profile,
  throttle: ThrottleIndex,
  judge: (ep: EpisodeFacts) => Verdict,
): Episode {
  const prev = memo.episodes.get(ep.id);
  const p = prev?.facts;
  let episode: Episode;
  if (
    prev &&
    p &&
    prev.profile === profile &&
    prev.throttle === throttle &&
    p.triggerConn === ep.triggerConn &&
    p.outcome === ep.outcome &&
    sameList(p.attempts, ep.attempts) &&
    sameList(p.parallel, ep.parallel) &&
    sameList(p.links, ep.links, sameLink) &&
    sameTrailing(p.trailing, ep.trailing)
  ) {
    episode = prev.episode;
  } else {
    let verdict = judge(ep);
    if (prev && sameData(prev.episode.verdict, verdict)) verdict = prev.episode.verdict;
    episode = {
      id: ep.id,
      triggerId: ep.trigger.connectionId,
      code: ep.trigger.code,
      attemptIds: ep.attempts.map((a) => a.id),
      delaysS: ep.delaysS,
      outcome: ep.outcome,
      verdict,
    };
    if (prev && prev.episode.verdict === verdict && sameData(prev.episode, episode)) episode = prev.episode;
  }
  next?.set(ep.id, { profile, throttle, facts: ep, episode });
  return episode;
}

/** A verdict made anew per analysis (`make`), or the last one's object when it is equal. */
export function reused<T>(last: T | undefined, made: T): T {
  return last !== undefined && sameData(last, made) ? last : made;
}
