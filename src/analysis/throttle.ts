/**
 * Was the tab hidden, frozen or offline during a wait? Browsers throttle timers
 * in hidden and frozen tabs, and an offline page cannot connect, so such a wait
 * says little about the page's intended delay. Uses the marks of the socket's
 * own document and of the top frame (where the tab's visibility is recorded).
 *
 * The top frame's marks come from each of its documents in turn, and a
 * document starts visible without a mark: the state of the tab at a moment is
 * that of the top document shown then (its navigation mark says which), never
 * what the one before it said as it went (its pagehide, its hidden at unload).
 *
 * A pagehide with `persisted` false unloads its document for good (a reload, a navigation away): no wait in
 * it can be answered after that, and the episodes end such a wait there (`leftAt`). A pagehide into the
 * back/forward cache (persisted true), or one recorded before the flag was, may come back: it counts as
 * hidden until the document is shown again.
 */
import type { LifecycleMark, Mark, NavigationMark } from '../protocol/recording';
import type { ThrottleReason } from './profiles/types';
import { firstPassing } from './lists';

/** What throttles a wait; a document that left is no condition of a wait but its end (`leftAt`). */
type Condition = Exclude<ThrottleReason, 'left'>;

interface Point {
  at: number;
  /** The first throttling condition in force after this mark, if any. */
  reason?: Condition;
}

const TOP_FRAME_ID = 0;

type DocMark = LifecycleMark | NavigationMark;

export interface ThrottleIndex {
  /** Why [fromMs, toMs] was throttled in this document, or undefined if it was not. */
  reasonDuring(documentId: string, fromMs: number, toMs: number): Condition | undefined;
  /** When this document was unloaded for good (its pagehide with persisted false), if it was. */
  leftAt(documentId: string): number | undefined;
}

export function buildThrottleIndex(marks: readonly Mark[]): ThrottleIndex {
  const byDoc = new Map<string, DocMark[]>();
  const top: DocMark[] = [];
  const left = new Map<string, number>();
  for (const m of marks) {
    if (m.type !== 'lifecycle' && m.type !== 'navigation') continue;
    if (m.type === 'lifecycle' && m.state === 'pagehide' && m.persisted === false) {
      const earlier = left.get(m.documentId);
      if (earlier === undefined || m.at < earlier) left.set(m.documentId, m.at);
    }
    const list = byDoc.get(m.documentId);
    if (list) list.push(m);
    else byDoc.set(m.documentId, [m]);
    if (m.frameId === TOP_FRAME_ID) top.push(m);
  }
  const timelines = new Map<string, Point[]>();
  for (const [doc, list] of byDoc) timelines.set(doc, timeline(list));
  const topLine = timeline(top);
  return {
    reasonDuring(documentId, fromMs, toMs) {
      const own = timelines.get(documentId);
      return (own && during(own, fromMs, toMs)) ?? during(topLine, fromMs, toMs);
    },
    leftAt: (documentId) => left.get(documentId),
  };
}

interface DocState {
  hidden: boolean;
  /** Since its pagehide, until it is shown again (back from the back/forward cache). */
  gone: boolean;
  frozen: boolean;
  offline: boolean;
}

/**
 * The states of the documents the marks come from, as points in time; each point gives the state of the
 * document shown then: the latest one navigated to, or (in a recording without navigation marks) the one
 * the mark is from.
 */
function timeline(marks: DocMark[]): Point[] {
  const sorted = [...marks].sort((a, b) => a.at - b.at);
  const states = new Map<string, DocState>();
  let shown: string | undefined;
  let navigated = false;
  return sorted.map((m) => {
    let s = states.get(m.documentId);
    if (!s) states.set(m.documentId, (s = { hidden: false, gone: false, frozen: false, offline: false }));
    if (m.type === 'navigation') {
      shown = m.documentId;
      navigated = true;
      s.gone = false;
    } else {
      if (!navigated) shown = m.documentId;
      switch (m.state) {
        case 'hidden':
          s.hidden = true;
          break;
        case 'pagehide':
          s.gone = true;
          break;
        case 'visible':
          s.hidden = s.gone = false;
          break;
        case 'frozen':
          s.frozen = true;
          break;
        case 'resumed':
          s.frozen = false;
          break;
        case 'offline':
          s.offline = true;
          break;
        case 'online':
          s.offline = false;
          break;
      }
    }
    const c = states.get(shown ?? m.documentId) ?? s;
    const reason: Condition | undefined = c.frozen
      ? 'frozen'
      : c.hidden || c.gone
        ? 'hidden'
        : c.offline
          ? 'offline'
          : undefined;
    return { at: m.at, reason };
  });
}

function during(points: Point[], from: number, to: number): Condition | undefined {
  // Last mark at or before `from`: the state the wait started in.
  const lo = firstPassing(0, points.length, (i) => points[i]!.at > from);
  const start = points[lo - 1];
  if (start?.reason) return start.reason;
  for (let i = lo; i < points.length; i++) {
    const p = points[i];
    if (!p || p.at >= to) break;
    if (p.reason) return p.reason;
  }
  return undefined;
}
