/**
 * The timeline's model: lanes (one per endpoint and frame), bars with their row,
 * reconnect links, navigation lines and lifecycle periods, built from the
 * Recording and the Analysis. Independent of "now": open bars keep endMs null
 * and are stretched to the current time where they are drawn or hit, so the
 * model is rebuilt only when the data changes, not on every live tick.
 */
import type { CodePresentation, Outcome } from '../../analysis/present';
import type { Analysis, ReconnectLink, VerdictLevel } from '../../analysis/types';
import type { CodeCategory } from '../../knowledge/types';
import { creationOrdered, type EpochMs, type Recording } from '../../protocol/recording';
import { ALL_CATEGORIES } from '../../knowledge';
import { lifecyclePeriods, type Period } from './periods';
import { presentedRecording } from '../model/presented';
import type { Bounds } from './scale';

/** Concurrent sockets on one endpoint stack in rows; beyond this they share the last row. */
export const MAX_ROWS_PER_LANE = 4;

export interface Lane {
  key: string;
  /** URL without query and fragment. */
  endpoint: string;
  frameId: number;
  firstRow: number;
  rowCount: number;
  connectionCount: number;
  closureCount: number;
}

export interface Bar {
  id: string;
  url: string;
  lane: number;
  /** Global row index (lanes' rows laid out top to bottom). */
  row: number;
  startMs: EpochMs;
  /** Close (or end with the document); null while open. */
  endMs: EpochMs | null;
  outcome: Outcome;
  code?: number;
  category?: CodeCategory;
  /** The code's names from the presentation model. */
  codeNames?: Pick<CodePresentation, 'nameIds' | 'lookup'>;
  simulated: boolean;
  level?: VerdictLevel;
  next?: ReconnectLink;
}

export interface Link {
  from: number;
  to: number;
  fromMs: EpochMs;
  toMs: EpochMs;
  delayS: number;
  label?: ReconnectLink['label'];
  movedTo?: string;
}

export interface NavigationLine {
  atMs: EpochMs;
  frameId: number;
  url: string;
}

export interface TimelineModel {
  originMs: EpochMs;
  lanes: Lane[];
  bars: Bar[];
  indexById: Map<string, number>;
  rowCount: number;
  links: Link[];
  navigation: NavigationLine[];
  periods: Period[];
  /** Latest timestamp in the data (without "now"). */
  lastMs: EpochMs;
  openCount: number;
  /** Bar indices of closed connections, ordered by close time: keyboard navigation walks these. */
  closureOrder: number[];
}

export function buildModel(recording: Recording, analysis: Analysis | null | undefined): TimelineModel {
  // Sorted by creation so every row's bars are sorted by start (the hit index relies on it).
  const conns = creationOrdered(recording.connections);
  // The rows present the same closures of the same analysis: both take them from one pass.
  const presented = presentedRecording(recording, analysis);

  const laneByKey = new Map<string, number>();
  const lanes: Lane[] = [];
  const rowEnds: number[][] = [];
  const laneRowOf: number[] = [];
  const bars: Bar[] = [];
  let lastMs = recording.startedAt;
  let openCount = 0;

  // Indexed: a for-of step allocates until V8 optimises the loop (docs/ARCHITECTURE.md, "Loops an import runs").
  for (let ci = 0; ci < conns.length; ci++) {
    const c = conns[ci]!;
    const p = presented.get(c.id)!; // every connection of the recording is presented
    const { endpoint } = p;
    const key = `${c.frameId}|${endpoint}`;
    let lane = laneByKey.get(key);
    if (lane === undefined) {
      lane = lanes.length;
      laneByKey.set(key, lane);
      lanes.push({ key, endpoint, frameId: c.frameId, firstRow: 0, rowCount: 1, connectionCount: 0, closureCount: 0 });
      rowEnds.push([]);
    }
    const closure = p.closure;
    const endMs = closure?.closure.closedAt ?? null;
    const ends = rowEnds[lane]!;
    let row = -1;
    for (let r = 0; r < ends.length; r++) {
      if ((ends[r] ?? Infinity) <= c.createdAt) {
        row = r;
        break;
      }
    }
    if (row < 0) row = ends.length < MAX_ROWS_PER_LANE ? ends.length : MAX_ROWS_PER_LANE - 1;
    ends[row] = Math.max(ends[row] ?? -Infinity, endMs ?? Infinity);
    laneRowOf.push(row);

    const l = lanes[lane]!;
    l.connectionCount++;
    if (endMs === null) openCount++;
    else l.closureCount++;
    // Field by field (no spreads); absent fields stay absent.
    const bar: Bar = {
      id: c.id,
      url: c.url,
      lane,
      row: 0,
      startMs: c.createdAt,
      endMs,
      outcome: p.outcome,
      simulated: false,
    };
    if (closure) {
      bar.code = closure.code;
      bar.category = closure.categories[0];
      // The presentation itself (it has both fields): no object per bar for them.
      bar.codeNames = closure;
      bar.simulated = closure.closure.simulated ?? false;
      if (closure.level) bar.level = closure.level;
      if (closure.closure.next) bar.next = closure.closure.next;
    }
    bars.push(bar);
    lastMs = Math.max(lastMs, c.createdAt, endMs ?? -Infinity);
    for (let i = 0; i < c.events.length; i++) if (c.events[i]!.at > lastMs) lastMs = c.events[i]!.at;
  }

  let rowCount = 0;
  lanes.forEach((l, i) => {
    l.firstRow = rowCount;
    l.rowCount = Math.max(1, rowEnds[i]!.length);
    rowCount += l.rowCount;
  });
  bars.forEach((b, i) => (b.row = lanes[b.lane]!.firstRow + laneRowOf[i]!));

  const indexById = new Map<string, number>();
  for (let i = 0; i < bars.length; i++) indexById.set(bars[i]!.id, i);
  for (const m of recording.marks) lastMs = Math.max(lastMs, m.at);
  return {
    originMs: recording.startedAt,
    lanes,
    bars,
    indexById,
    rowCount,
    links: linksOf(bars, indexById),
    navigation: recording.marks.flatMap((m) =>
      m.type === 'navigation' ? [{ atMs: m.at, frameId: m.frameId, url: m.url }] : [],
    ),
    periods: lifecyclePeriods(recording.marks),
    lastMs,
    openCount,
    closureOrder: closureOrderOf(bars),
  };
}

/** Indices of ended bars by end time (then index). */
function closureOrderOf(bars: readonly Bar[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < bars.length; i++) if (bars[i]!.endMs !== null) order.push(i);
  return order.sort((a, b) => bars[a]!.endMs! - bars[b]!.endMs! || a - b);
}

function linksOf(bars: Bar[], indexById: Map<string, number>): Link[] {
  const links: Link[] = [];
  bars.forEach((b, from) => {
    const to = b.next ? indexById.get(b.next.nextId) : undefined;
    if (!b.next || to === undefined || b.endMs === null) return;
    // Field by field (no spreads); absent fields stay absent.
    const link: Link = { from, to, fromMs: b.endMs, toMs: bars[to]!.startMs, delayS: b.next.delayS };
    if (b.next.label) link.label = b.next.label;
    if (b.next.movedTo) link.movedTo = b.next.movedTo;
    links.push(link);
  });
  return links;
}

/** What the user can move around in: the recording start to the newest data, or "now" while sockets are open. */
export function boundsOf(model: TimelineModel, nowMs: EpochMs): Bounds {
  const live = model.openCount > 0 || model.periods.some((p) => p.toMs === null);
  return { minMs: model.originMs, maxMs: live ? Math.max(model.lastMs, nowMs) : model.lastMs };
}

export const barEnd = (b: Bar, nowMs: EpochMs): EpochMs => b.endMs ?? Math.max(nowMs, b.startMs);

/** The kinds of close code drawn as ticks (ended bars with a code), in the knowledge's category order. */
export function tickCategoriesOf(model: Pick<TimelineModel, 'bars'>): CodeCategory[] {
  const seen = new Set<CodeCategory>();
  for (const b of model.bars) if (b.endMs !== null && b.category) seen.add(b.category);
  return ALL_CATEGORIES.filter((c) => seen.has(c));
}
