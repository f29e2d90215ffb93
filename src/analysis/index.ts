/**
 * The analysis core: a recording in, closures, episodes, verdicts and a
 * summary out. Pure: no browser APIs, so it runs in the panel, the popup,
 * the background and tests alike.
 */
import { judgeStalls, replacementIndex, type ReplacementIndex, type StallResult } from './stall';
import type { Connection, Recording } from '../protocol/recording';
import type { Analysis, Closure, Episode, Verdict } from './types';
import type { ClosureFacts } from './classify';
import { linkReconnects, linkWindowMs, type EndpointRest } from './link';
import { buildEpisodes } from './episodes';
import { addParallelAttempts } from './parallel';
import { expectedOf, judgeEpisode } from './verdicts';
import { summarize } from './summary';
import { getProfile, type Profile } from './profiles';
import {
  closureFactsOf,
  closureOut,
  createAnalysisMemo,
  episodeOut,
  hasStall,
  linkKeysFor,
  reused,
  throttleOf,
  type AnalysisMemo,
} from './analysis-memo';

export { profiles, getProfile } from './profiles';
export type { Profile } from './profiles';
export type * from './types';
export { judgeStall, judgeStalls, STALL_NOTICE_WINDOW_S, type StallResult } from './stall';

export interface AnalyzeOptions {
  /** Settings.profileId; unknown ids fall back to the default (flagged in the result). */
  profileId?: string;
  /** The recording's "now" (epoch ms): waits still running at this moment are pending. */
  now: number;
}

export type Analyzer = (recording: Recording, opts: AnalyzeOptions) => Analysis;

/**
 * An analysis function that keeps what it worked out for the next call (src/analysis/analysis-memo.ts):
 * for a view that analyses every new version of a live recording. Each call answers exactly what
 * `analyzeRecording` answers; unchanged closures, episodes and verdicts keep their objects.
 */
export function createAnalyzer(): Analyzer {
  const memo = createAnalysisMemo();
  return (recording, opts) => analyzeRecording(recording, opts, memo);
}

/** A record keyed by connection id that inherits nothing. */
const idRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/**
 * Without a memo the analysis is one-shot (an imported file, a report): what it works out is used
 * within this call only, and nothing is set aside for a next version that never comes, neither the
 * results by id nor the facts by connection object (about 30,000 entries for a 10,000-connection
 * import, each one more object for the collector to move).
 */
export function analyzeRecording(recording: Recording, opts: AnalyzeOptions, kept?: AnalysisMemo): Analysis {
  const memo = kept ?? createAnalysisMemo({ oneShot: true });
  const { profile, unknown } = getProfile(opts.profileId);
  const knowledge = memo.knowledge;
  const connections = recording.connections;
  const byId = new Map<string, Connection>();
  // classify's facts, shared with other analyses through the memo: this pass adds nothing to them.
  const closures = new Map<string, ClosureFacts>();
  // The same closures as a list, in connection order: walking a Map's entries allocates one per step,
  // and an analysis is often run once (an import) over 10,000 of them.
  const closed: ClosureFacts[] = [];
  // Loops over connections and closures are indexed: a for-of step allocates an iterator result until
  // V8 optimises the loop, and an import runs each once over 10,000 (docs/ARCHITECTURE.md, "Loops an
  // import runs").
  for (let i = 0; i < connections.length; i++) {
    const c = connections[i]!;
    byId.set(c.id, c);
    const closure = closureFactsOf(memo, c);
    if (closure) {
      closures.set(c.id, closure);
      closed.push(closure);
    }
  }
  const endpoints = new Map<string, EndpointRest>();
  const links = linkReconnects(connections, closures, profile.terms, (c) => linkKeysFor(memo, c), endpoints);

  const throttle = throttleOf(memo, recording.marks);
  const facts = buildEpisodes(connections, closures, links, profile.terms, opts.now, throttle.leftAt, byId);
  addParallelAttempts(facts, endpoints, linkWindowMs(profile.terms));
  const ctx = { profile, throttle, adviceFor: knowledge.adviceFor, protocolAdviceFor: knowledge.protocolAdviceFor };
  const episodes: Episode[] = [];
  // Keyed by connection ids, which an imported file chooses: without a prototype, an id such as "toString"
  // finds no inherited member as its verdict, and "__proto__" is a key like any other.
  const verdictByClosure = idRecord<Verdict>();
  const episodeOf = new Map<string, string>();
  const nextEpisodes: AnalysisMemo['episodes'] | undefined = kept && new Map();
  for (let i = 0; i < facts.length; i++) {
    const ep = facts[i]!;
    const episode = episodeOut(memo, nextEpisodes, ep, profile, throttle, (e) => judgeEpisode(e, ctx));
    episodeOf.set(ep.trigger.connectionId, ep.id);
    verdictByClosure[ep.trigger.connectionId] = episode.verdict;
    for (let j = 0; j < ep.failed.length; j++) episodeOf.set(ep.failed[j]!.connectionId, ep.id);
    episodes.push(episode);
  }
  const nextDocumentVerdicts: AnalysisMemo['documentVerdicts'] | undefined = kept && new Map();
  for (let i = 0; i < closed.length; i++) {
    const closure = closed[i]!;
    if (closure.initiator !== 'document') continue;
    const last = memo.documentVerdicts.get(closure.connectionId);
    const verdict = last?.profile === profile ? last.verdict : documentVerdict(profile);
    nextDocumentVerdicts?.set(closure.connectionId, { profile, verdict });
    verdictByClosure[closure.connectionId] = verdict;
  }

  const list: Closure[] = [];
  const nextClosures: AnalysisMemo['closures'] | undefined = kept && new Map();
  for (let i = 0; i < closed.length; i++) {
    const closure = closed[i]!;
    const id = closure.connectionId;
    list.push(closureOut(memo, nextClosures, closure, links.get(id), episodeOf.get(id)));
  }
  const summary = summarize(connections, list, verdictByClosure);
  const stalls = idRecord<StallResult[]>();
  const nextStalls: AnalysisMemo['stalls'] | undefined = kept && new Map();
  // Made at the first stall, once for all of them.
  let replacements: ReplacementIndex | undefined;
  for (let i = 0; i < connections.length; i++) {
    const c = connections[i]!;
    if (!hasStall(memo, c)) continue;
    replacements ??= replacementIndex(connections, (x) => linkKeysFor(memo, x).endpoint);
    const judged = reused(memo.stalls.get(c.id), judgeStalls(c, connections, opts.now, replacements));
    nextStalls?.set(c.id, judged);
    stalls[c.id] = judged;
  }
  if (nextEpisodes && nextDocumentVerdicts && nextClosures && nextStalls) {
    memo.episodes = nextEpisodes;
    memo.documentVerdicts = nextDocumentVerdicts;
    memo.closures = nextClosures;
    memo.stalls = nextStalls;
  }
  return {
    closures: list,
    episodes,
    verdictByClosure,
    summary,
    profileId: profile.id,
    ...(unknown && { unknownProfileId: opts.profileId }),
    ...(Object.keys(stalls).length ? { stalls } : {}),
  };
}

/** A closure by the document's end: no reconnect is expected of it. */
function documentVerdict(profile: Profile): Verdict {
  const f = profile.common.document;
  return {
    level: f.level,
    rule: f.id,
    finding: f.id,
    text: { id: f.textId },
    observedDelays: [],
    expected: expectedOf(profile.common.documentExpected),
    profileId: profile.id,
  };
}
