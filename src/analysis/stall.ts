/**
 * Judging a simulated stall: did the page notice that its connection went
 * silent? A real network can drop a connection without any close frame (NAT and
 * proxy timeouts, a sleeping laptop): the socket stays OPEN while nothing
 * arrives, and only the app's own heartbeat finds out. The page "noticed" when,
 * after the stall began and before it ended, it called close() on the socket or
 * opened another socket to the same endpoint in the same document. Pure.
 */
import {
  endOf,
  endpointOf,
  type Connection,
  type EpochMs,
  type StallEndEvent,
  type StallEvent,
} from '../protocol/recording';
import { seconds } from './format';
import type { I18nText, VerdictLevel } from './types';

/** A page that has not noticed a silent connection within this many seconds gets advice. */
export const STALL_NOTICE_WINDOW_S = 60;
/** Measurement tolerance in the page's favour, as for every time threshold. */
const TOLERANCE_S = 0.05;

export interface StallResult {
  connectionId: string;
  startedAt: EpochMs;
  /** The stall's chosen length. */
  seconds: number;
  state: 'running' | 'noticed' | 'not-noticed';
  /** Seconds from the stall's start to the page's reaction. */
  noticedAfterS?: number;
  how?: 'closed' | 'replaced';
  /** Seconds watched without a reaction (not-noticed). */
  watchedS?: number;
  level: VerdictLevel;
  text: I18nText;
  /** Why heartbeats matter, when the page did not notice within the window. */
  explanation?: I18nText;
}

const HEARTBEAT: I18nText = { id: 'analysis_stall_heartbeat_why' };

/** The page's first reaction in [from, to]: a close() call on the socket, or a new socket to its endpoint. */
function firstReaction(
  c: Connection,
  all: readonly Connection[],
  from: number,
  to: number,
): { at: number; how: 'closed' | 'replaced' } | undefined {
  let best: { at: number; how: 'closed' | 'replaced' } | undefined;
  for (const e of c.events) {
    if (e.type === 'close-call' && e.at >= from && e.at <= to) {
      best = { at: e.at, how: 'closed' };
      break;
    }
  }
  const ep = endpointOf(c.url);
  for (const o of all) {
    if (o.id === c.id || o.documentId !== c.documentId || o.createdAt < from || o.createdAt > to) continue;
    if (endpointOf(o.url) === ep && (!best || o.createdAt < best.at)) best = { at: o.createdAt, how: 'replaced' };
  }
  return best;
}

export function judgeStall(c: Connection, start: StallEvent, all: readonly Connection[], now: EpochMs): StallResult {
  const base = { connectionId: c.id, startedAt: start.at, seconds: start.seconds };
  const endEv = c.events.find((e): e is StallEndEvent => e.type === 'stall-end' && e.at >= start.at);
  const plannedEnd = start.at + start.seconds * 1000;
  const closedAt = endOf(c)?.at;
  const end =
    endEv?.at ??
    (closedAt !== undefined && closedAt >= start.at ? closedAt : now >= plannedEnd ? plannedEnd : undefined);
  const reaction = firstReaction(c, all, start.at, end ?? now);
  if (reaction) {
    const after = (reaction.at - start.at) / 1000;
    const late = after > STALL_NOTICE_WINDOW_S + TOLERANCE_S;
    return {
      ...base,
      state: 'noticed',
      noticedAfterS: after,
      how: reaction.how,
      level: late ? 'advice' : 'fits',
      text: {
        id: reaction.how === 'closed' ? 'analysis_stall_noticed_closed' : 'analysis_stall_noticed_replaced',
        subs: [seconds(after)],
      },
      ...(late ? { explanation: HEARTBEAT } : {}),
    };
  }
  if (end === undefined)
    return {
      ...base,
      state: 'running',
      level: 'pending',
      text: { id: 'analysis_stall_running', subs: [String(start.seconds)] },
    };
  const watched = (end - start.at) / 1000;
  const judged = watched >= STALL_NOTICE_WINDOW_S - TOLERANCE_S;
  return {
    ...base,
    state: 'not-noticed',
    watchedS: watched,
    level: judged ? 'advice' : 'info',
    text: {
      id: judged ? 'analysis_stall_not_noticed' : 'analysis_stall_not_noticed_short',
      subs: [seconds(watched), String(STALL_NOTICE_WINDOW_S)],
    },
    ...(judged ? { explanation: HEARTBEAT } : {}),
  };
}

/** Every stall simulated on one connection, oldest first. */
export function judgeStalls(c: Connection, all: readonly Connection[], now: EpochMs): StallResult[] {
  return c.events.filter((e): e is StallEvent => e.type === 'stall').map((s) => judgeStall(c, s, all, now));
}
