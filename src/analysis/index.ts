/**
 * The analysis core: a recording in, closures, episodes, verdicts and a
 * summary out. Pure: no browser APIs, so it runs in the panel, the popup,
 * the background and tests alike.
 */
import { judgeStalls, type StallResult } from './stall';
import type { Connection, Recording } from '../protocol/recording';
import type { Analysis, Closure, Episode, Verdict } from './types';
import { classify, type ClosureFacts } from './classify';
import { linkReconnects } from './link';
import { buildEpisodes } from './episodes';
import { buildThrottleIndex } from './throttle';
import { expectedOf, judgeEpisode } from './verdicts';
import { summarize } from './summary';
import { codeKnowledge } from './code-context';
import { getProfile } from './profiles';

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

export function analyzeRecording(recording: Recording, opts: AnalyzeOptions): Analysis {
  const { profile, unknown } = getProfile(opts.profileId);
  const knowledge = codeKnowledge();
  const connections = recording.connections;
  const byId = new Map<string, Connection>();
  const closures = new Map<string, ClosureFacts>();
  for (const c of connections) {
    byId.set(c.id, c);
    const closure = classify(c);
    if (closure) closures.set(c.id, closure);
  }
  const links = linkReconnects(connections, closures, profile.terms);
  for (const [id, link] of links) {
    const closure = closures.get(id);
    if (closure) closure.next = link;
  }

  const facts = buildEpisodes(connections, closures, links, profile.terms, opts.now, byId);
  const ctx = { profile, throttle: buildThrottleIndex(recording.marks), adviceFor: knowledge.adviceFor };
  const episodes: Episode[] = [];
  const verdictByClosure: Record<string, Verdict> = {};
  for (const ep of facts) {
    const verdict = judgeEpisode(ep, ctx);
    ep.trigger.episodeId = ep.id;
    verdictByClosure[ep.trigger.connectionId] = verdict;
    for (const failed of ep.failed) failed.episodeId = ep.id;
    episodes.push({
      id: ep.id,
      triggerId: ep.trigger.connectionId,
      code: ep.trigger.code,
      attemptIds: ep.attempts.map((a) => a.id),
      delaysS: ep.delaysS,
      outcome: ep.outcome,
      verdict,
    });
  }
  for (const closure of closures.values()) {
    if (closure.initiator !== 'document') continue;
    const f = profile.common.document;
    verdictByClosure[closure.connectionId] = {
      level: f.level,
      rule: f.id,
      finding: f.id,
      text: { id: f.textId },
      observedDelays: [],
      expected: expectedOf(profile.common.documentExpected),
      profileId: profile.id,
    };
  }

  const list: Closure[] = [...closures.values()];
  const summary = summarize(connections, list, verdictByClosure, (c) => {
    const conn = byId.get(c.connectionId);
    return conn ? knowledge.categoryFor(c.code, conn) : 'unknown';
  });
  const stalls: Record<string, StallResult[]> = {};
  for (const c of connections) {
    if (c.events.some((e) => e.type === 'stall')) stalls[c.id] = judgeStalls(c, connections, opts.now);
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
