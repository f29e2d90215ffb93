/**
 * Was the tab hidden, frozen or offline during a wait? Browsers throttle timers
 * in hidden and frozen tabs, and an offline page cannot connect, so such a wait
 * says little about the page's intended delay. Uses the marks of the socket's
 * own document and of the top frame (where the tab's visibility is recorded).
 */
import type { LifecycleMark, Mark } from '../protocol/recording';
import type { ThrottleReason } from './profiles/types';

interface Point {
  at: number;
  /** The first throttling condition in force after this mark, if any. */
  reason?: ThrottleReason;
}

const TOP_FRAME_ID = 0;

export interface ThrottleIndex {
  /** Why [fromMs, toMs] was throttled in this document, or undefined if it was not. */
  reasonDuring(documentId: string, fromMs: number, toMs: number): ThrottleReason | undefined;
}

export function buildThrottleIndex(marks: readonly Mark[]): ThrottleIndex {
  const byDoc = new Map<string, LifecycleMark[]>();
  const top: LifecycleMark[] = [];
  for (const m of marks) {
    if (m.type !== 'lifecycle') continue;
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
  };
}

function timeline(marks: LifecycleMark[]): Point[] {
  const sorted = [...marks].sort((a, b) => a.at - b.at);
  let hidden = false;
  let frozen = false;
  let offline = false;
  return sorted.map((m) => {
    switch (m.state) {
      case 'hidden':
      case 'pagehide':
        hidden = true;
        break;
      case 'visible':
        hidden = false;
        break;
      case 'frozen':
        frozen = true;
        break;
      case 'resumed':
        frozen = false;
        break;
      case 'offline':
        offline = true;
        break;
      case 'online':
        offline = false;
        break;
    }
    const reason: ThrottleReason | undefined = frozen ? 'frozen' : hidden ? 'hidden' : offline ? 'offline' : undefined;
    return { at: m.at, reason };
  });
}

function during(points: Point[], from: number, to: number): ThrottleReason | undefined {
  // Last mark at or before `from`: the state the wait started in.
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid]?.at ?? 0) <= from) lo = mid + 1;
    else hi = mid;
  }
  const start = points[lo - 1];
  if (start?.reason) return start.reason;
  for (let i = lo; i < points.length; i++) {
    const p = points[i];
    if (!p || p.at >= to) break;
    if (p.reason) return p.reason;
  }
  return undefined;
}
