/**
 * Finding bars by row and time without scanning all of them: per row, bar
 * indices sorted by start plus a running maximum of ends. Both arrays are
 * non-decreasing, so the bars that can touch a time range are one contiguous
 * slice found by two binary searches. Used for hover/click and for drawing.
 */
import { barEnd, type TimelineModel } from './layout';

/** Vertical geometry shared by drawing and hit-testing, CSS pixels. */
export interface Geometry {
  axisHeight: number;
  rowHeight: number;
  labelWidth: number;
  /** Rows scrolled off the top, in pixels. */
  scrollY: number;
}

export const DEFAULT_GEOMETRY: Geometry = { axisHeight: 24, rowHeight: 20, labelWidth: 200, scrollY: 0 };

export interface RowIndex {
  bars: number[];
  starts: Float64Array;
  /** maxEnds[i] = max end of bars[0..i]; open bars count as +Infinity. */
  maxEnds: Float64Array;
}

export type HitIndex = RowIndex[];

export function buildHitIndex(model: TimelineModel): HitIndex {
  const perRow: number[][] = Array.from({ length: model.rowCount }, () => []);
  // Bars are in creation order, so each row's list is already sorted by start.
  model.bars.forEach((b, i) => perRow[b.row]!.push(i));
  return perRow.map((bars) => {
    const starts = new Float64Array(bars.length);
    const maxEnds = new Float64Array(bars.length);
    let max = -Infinity;
    bars.forEach((bi, k) => {
      const b = model.bars[bi]!;
      starts[k] = b.startMs;
      max = Math.max(max, b.endMs ?? Infinity);
      maxEnds[k] = max;
    });
    return { bars, starts, maxEnds };
  });
}

/** First k with arr[k] >= value (arr non-decreasing). */
function lowerBound(arr: Float64Array, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First k with arr[k] > value. */
function upperBound(arr: Float64Array, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bar indices in a row that overlap [fromMs, toMs]. */
export function barsInRange(
  model: TimelineModel,
  index: HitIndex,
  row: number,
  fromMs: number,
  toMs: number,
  nowMs: number,
): number[] {
  const r = index[row];
  if (!r) return [];
  const out: number[] = [];
  for (let k = lowerBound(r.maxEnds, fromMs), last = upperBound(r.starts, toMs); k < last; k++) {
    const bi = r.bars[k]!;
    if (barEnd(model.bars[bi]!, nowMs) >= fromMs) out.push(bi);
  }
  return out;
}

/** The row under a y coordinate, or -1 over the axis or below the last row. */
export function rowAtY(y: number, g: Geometry, rowCount: number): number {
  if (y < g.axisHeight) return -1;
  const row = Math.floor((y - g.axisHeight + g.scrollY) / g.rowHeight);
  return row < rowCount ? row : -1;
}

/**
 * The bar at (row, time), with a tolerance so thin bars and close markers can
 * be hit. Nearest wins; on a tie the later one (drawn on top).
 */
export function hitTest(
  model: TimelineModel,
  index: HitIndex,
  row: number,
  timeMs: number,
  toleranceMs: number,
  nowMs: number,
): number {
  let best = -1;
  let bestDist = Infinity;
  for (const bi of barsInRange(model, index, row, timeMs - toleranceMs, timeMs + toleranceMs, nowMs)) {
    const b = model.bars[bi]!;
    const end = barEnd(b, nowMs);
    const dist = timeMs < b.startMs ? b.startMs - timeMs : timeMs > end ? timeMs - end : 0;
    if (dist <= bestDist) {
      best = bi;
      bestDist = dist;
    }
  }
  return best;
}
