/**
 * Judging a simulated stall: did the page notice that its connection went
 * silent? A real network can drop a connection without any close frame (NAT and
 * proxy timeouts, a sleeping laptop): the socket stays OPEN while nothing
 * arrives, and only the app's own heartbeat finds out. The page "noticed" when,
 * after the stall began and before it ended, it called close() on the socket or
 * opened another socket to the same endpoint in the same document. Pure.
 */
import { endOf, type Connection, type EpochMs, type SocketEvent, type StallEvent } from '../protocol/recording';
import { seconds } from './format';
import { linkKeysOf } from './link';
import type { I18nText, VerdictLevel } from './types';
import { firstPassing } from './lists';

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

/** A socket's key for "another socket to its endpoint in the same document". */
export type EndpointKey = (c: Connection) => string;

// Linking's own key, so the index groups sockets exactly as linking does.
const endpointKey: EndpointKey = (c) => linkKeysOf(c).endpoint;

/** Each document's sockets to each endpoint, in creation order: where a stalled socket's replacement is. */
export interface ReplacementIndex {
  keyOf: EndpointKey;
  byKey: Map<string, Connection[]>;
}

/**
 * Made once per analysis, not per stall: scanning every socket for each stall made an imported file of
 * many stalls and many sockets (each count within the import's bounds) take minutes to judge, with the
 * panel frozen. `keyOf` must give the same key as the default (the analysis passes the endpoint keys it
 * keeps per connection, so no URL is parsed again).
 */
export function replacementIndex(all: readonly Connection[], keyOf: EndpointKey = endpointKey): ReplacementIndex {
  const byKey = new Map<string, Connection[]>();
  for (let i = 0; i < all.length; i++) {
    const o = all[i]!;
    const key = keyOf(o);
    const list = byKey.get(key);
    if (list) list.push(o);
    else byKey.set(key, [o]);
  }
  // Stable: sockets created in the same millisecond keep their order.
  for (const list of byKey.values()) list.sort((a, b) => a.createdAt - b.createdAt);
  return { keyOf, byKey };
}

/** The first event of a list (in its order) whose time is in [lo, hi]. */
type FirstIn = (lo: number, hi: number) => SocketEvent | undefined;

/**
 * `FirstIn` over one connection's events of one type, answered in O(log n) after an O(n log n) start: the
 * events sorted by time, with a sparse table of the least list position over each run of that order.
 * A file's events need not be in time order, so "first in the list" is not "earliest"; a plain scan per
 * stall cost 10,000 × 10,000 steps on one connection a file may hold.
 */
function firstInTime(events: readonly SocketEvent[], type: SocketEvent['type']): FirstIn {
  const picked: SocketEvent[] = [];
  for (let i = 0; i < events.length; i++) if (events[i]!.type === type) picked.push(events[i]!);
  const n = picked.length;
  if (n === 0) return () => undefined;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => picked[a]!.at - picked[b]!.at);
  const ats = order.map((i) => picked[i]!.at);
  const table = [Int32Array.from(order)];
  for (let k = 1; 1 << k <= n; k++) {
    const prev = table[k - 1]!;
    const row = new Int32Array(n - (1 << k) + 1);
    for (let i = 0; i < row.length; i++) row[i] = Math.min(prev[i]!, prev[i + (1 << (k - 1))]!);
    table.push(row);
  }
  /** The first position in `ats` whose time is at least `t` (after: greater than `t`). */
  const bound = (t: number, after: boolean) => firstPassing(0, n, (i) => (after ? ats[i]! > t : ats[i]! >= t));
  return (lo, hi) => {
    const a = bound(lo, false);
    const b = bound(hi, true);
    if (a >= b) return undefined;
    const k = 31 - Math.clz32(b - a);
    return picked[Math.min(table[k]![a]!, table[k]![b - (1 << k)]!)];
  };
}

/** What judging a connection's stalls reads of its events, found once for all of them. */
export interface StallFacts {
  closedAt: number | undefined;
  firstCloseCall: FirstIn;
  firstStallEnd: FirstIn;
}

export function stallFacts(c: Connection): StallFacts {
  return {
    closedAt: endOf(c)?.at,
    firstCloseCall: firstInTime(c.events, 'close-call'),
    firstStallEnd: firstInTime(c.events, 'stall-end'),
  };
}

/** The page's first reaction in [from, to]: a close() call on the socket, or a new socket to its endpoint. */
function firstReaction(
  c: Connection,
  facts: StallFacts,
  index: ReplacementIndex,
  from: number,
  to: number,
): { at: number; how: 'closed' | 'replaced' } | undefined {
  const call = facts.firstCloseCall(from, to);
  let best: { at: number; how: 'closed' | 'replaced' } | undefined = call && { at: call.at, how: 'closed' };
  // The earliest other socket created in [from, to]: the first one at or after `from` in creation order.
  const list = index.byKey.get(index.keyOf(c)) ?? [];
  for (
    let i = firstPassing(0, list.length, (k) => list[k]!.createdAt >= from);
    i < list.length && list[i]!.createdAt <= to;
    i++
  ) {
    const o = list[i]!;
    if (o.id === c.id) continue;
    if (!best || o.createdAt < best.at) best = { at: o.createdAt, how: 'replaced' };
    break;
  }
  return best;
}

export function judgeStall(
  c: Connection,
  start: StallEvent,
  all: readonly Connection[],
  now: EpochMs,
  index: ReplacementIndex = replacementIndex(all),
  facts: StallFacts = stallFacts(c),
): StallResult {
  const base = { connectionId: c.id, startedAt: start.at, seconds: start.seconds };
  const endEv = facts.firstStallEnd(start.at, Infinity);
  const plannedEnd = start.at + start.seconds * 1000;
  const closedAt = facts.closedAt;
  const end =
    endEv?.at ??
    (closedAt !== undefined && closedAt >= start.at ? closedAt : now >= plannedEnd ? plannedEnd : undefined);
  const reaction = firstReaction(c, facts, index, start.at, end ?? now);
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

/** Every stall simulated on one connection, oldest first; `index` made from `all` (replacementIndex). */
export function judgeStalls(
  c: Connection,
  all: readonly Connection[],
  now: EpochMs,
  index: ReplacementIndex = replacementIndex(all),
): StallResult[] {
  const facts = stallFacts(c);
  return c.events
    .filter((e): e is StallEvent => e.type === 'stall')
    .map((s) => judgeStall(c, s, all, now, index, facts));
}
