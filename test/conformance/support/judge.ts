/**
 * From one scenario's two observations (with and without the extension) to a
 * result row: delays read from the raw recording, the analysis's episode and
 * verdict, what the oracle says those delays earn, and what the library's
 * model allows. Assertions live in check.ts; this file only derives facts.
 */
import { analyzeRecording, type Analysis, type Episode } from '../../../src/analysis';
import { closeEventOf, type Connection } from '../../../src/protocol/recording';
import type { VerdictLevel } from '../../../src/analysis/types';
import { expectedVerdict, requestUrl, type Expected, type OracleInput } from './oracle';
import type { DelayModel } from './models';
import type { Observation } from './run-scenario';

export interface VerdictSummary {
  level: VerdictLevel;
  rule: string;
}

export interface Judged {
  connections: Connection[];
  trigger: Connection;
  analysis: Analysis;
  episode: Episode | undefined;
  /** Delays computed straight from the recording: each attempt's construction minus the previous end. */
  rawDelays: number[];
  oracleInput: OracleInput;
  verdict: VerdictSummary | undefined;
  expected: Expected;
  /** For a wait still running: the verdict once 60 s of silence have passed, and the oracle's. */
  projected?: { verdict: VerdictSummary | undefined; expected: Expected };
}

const LINK_WINDOW_MS = 60_000;

/**
 * Where a connection ended, as docs/verdicts.md defines d_k: its close event, or the `error` event the browser
 * fired just before it when it failed the connection (only close() calls can come between the two).
 */
function endOf(c: Connection): number {
  const close = c.events.findIndex((e) => e.type === 'close');
  if (close === -1) return NaN;
  // The page's own close() on a connecting or open socket ends it there (verdicts.md, "Delay"), unless the close
  // event carries a code no close() can send: the server's, which came first.
  const call = c.events.find((e) => e.type === 'close-call' && e.readyState <= 1);
  const event = c.events[close];
  const code = event?.type === 'close' ? event.code : NaN;
  if (call && (code === 1000 || code === 1005 || code === 1006 || (code >= 3000 && code <= 4999))) return call.at;
  let i = close - 1;
  while (i >= 0 && c.events[i]?.type === 'close-call') i--;
  const before = c.events[i];
  return before?.type === 'error' ? before.at : (event?.at ?? NaN);
}

/** What judging reads of a run with the extension (Firefox's runs have no DevTools network log). */
export type JudgedRun = Pick<Observation, 'recording' | 'pageUrl' | 'closeSentAt' | 'reconnected' | 'endedAt'>;

export function judge(obs: JudgedRun, code: number): Judged {
  const rec = obs.recording;
  if (!rec) throw new Error('judge needs the run with the extension');
  const connections = rec.connections
    .filter((c) => c.frameUrl === obs.pageUrl)
    .sort((a, b) => a.createdAt - b.createdAt);
  const trigger = connections[0];
  if (!trigger) throw new Error(`no connection recorded for ${obs.pageUrl}`);
  const attempts = connections.slice(1);
  const rawDelays = attempts.map((c, i) => (c.createdAt - endOf(connections[i] as Connection)) / 1000);
  const closedAt = closeEventOf(trigger)?.at ?? obs.closeSentAt;
  const same = (c: Connection) =>
    requestUrl(c.url) === requestUrl(trigger.url) && c.protocols.join('\n') === trigger.protocols.join('\n');
  const running = !obs.reconnected && obs.endedAt - closedAt < LINK_WINDOW_MS;
  const oracleInput: OracleInput = {
    code,
    delays: rawDelays,
    attemptsAt: attempts.map((c) => c.createdAt),
    sameRequest: attempts.map(same),
    trailing: running ? 'running' : 'none',
  };
  const analysis = analyzeRecording(rec, { profileId: 'default', now: obs.endedAt });
  const episode = analysis.episodes.find((e) => e.triggerId === trigger.id);
  const summary = (a: Analysis): VerdictSummary | undefined => {
    const v = a.episodes.find((e) => e.triggerId === trigger.id)?.verdict;
    return v && { level: v.level, rule: v.rule };
  };
  const judged: Judged = {
    connections,
    trigger,
    analysis,
    episode,
    rawDelays,
    oracleInput,
    verdict: summary(analysis),
    expected: expectedVerdict(oracleInput),
  };
  if (running) {
    // The silence runs from the end of the last connection (the trigger, or the last failed attempt).
    const lastEnd = closeEventOf(connections[connections.length - 1] as Connection)?.at ?? closedAt;
    const later = analyzeRecording(rec, { profileId: 'default', now: lastEnd + LINK_WINDOW_MS + 1000 });
    judged.projected = { verdict: summary(later), expected: expectedVerdict({ ...oracleInput, trailing: 'expired' }) };
  }
  return judged;
}

/** Attempt times for a delay sequence: each delay after the previous attempt failed (refused handshakes take ~10 ms). */
function attemptTimes(delays: readonly number[]): number[] {
  let t = 0;
  return delays.map((d, k) => (t += d * 1000 + (k ? 10 : 0)));
}

/** What the oracle says the delays the library scheduled would earn, had every timer fired on time. */
export function scheduledVerdict(j: Judged, scheduledS: readonly number[]): Expected {
  return expectedVerdict({ ...j.oracleInput, delays: scheduledS, attemptsAt: attemptTimes(scheduledS) });
}

/**
 * Every verdict the library could earn in this scenario: the oracle over many
 * delay sequences drawn from the model, with as many delays as were seen.
 */
export function possibleVerdicts(model: DelayModel, input: OracleInput, draws = 500): Set<string> {
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out = new Set<string>();
  for (let i = 0; i < draws; i++) {
    const delays = model.sample(input.code, input.delays.length, rand);
    for (const r of expectedVerdict({ ...input, delays, attemptsAt: attemptTimes(delays) }).rules) out.add(r);
  }
  return out;
}
