/**
 * Time ↔ pixel mapping, zoom/pan math and axis ticks. Pure: the component keeps
 * a View in state and every interaction is a function View → View, so the
 * behaviour is tested without a DOM.
 */
import type { I18nText } from '../../analysis/types';

/** The visible time range, epoch milliseconds. */
export interface View {
  startMs: number;
  endMs: number;
}

/** The extent of the data the user may move around in. */
export interface Bounds {
  minMs: number;
  maxMs: number;
}

/** Zooming in further than this shows nothing a WebSocket timeline can use. */
export const MIN_SPAN_MS = 20;
/** An empty or instantaneous recording still gets a readable axis. */
export const MIN_FIT_SPAN_MS = 10_000;
/** How far past the data the view may be panned, as a share of the span. */
const PAN_SLACK = 0.25;
/** Room kept right of "now" while following live, as a share of the span. */
const LIVE_MARGIN = 0.05;

export const spanOf = (v: View): number => v.endMs - v.startMs;

export function timeToX(v: View, widthPx: number, t: number): number {
  return ((t - v.startMs) / spanOf(v)) * widthPx;
}

export function xToTime(v: View, widthPx: number, x: number): number {
  return v.startMs + (x / widthPx) * spanOf(v);
}

/** Zooming out stops where the whole recording fits with some room. */
export function maxSpanMs(b: Bounds): number {
  return Math.max((b.maxMs - b.minMs) * 1.5, MIN_FIT_SPAN_MS);
}

/** Keeps the view near the data: never panned off into empty time. */
export function clampView(v: View, b: Bounds): View {
  const span = Math.min(Math.max(spanOf(v), MIN_SPAN_MS), maxSpanMs(b));
  const lo = b.minMs - span * PAN_SLACK;
  const hi = b.maxMs + span * PAN_SLACK;
  if (hi - lo <= span) return { startMs: lo, endMs: lo + span };
  const start = Math.min(Math.max(v.startMs, lo), hi - span);
  return { startMs: start, endMs: start + span };
}

/** The whole recording, with a little room on both sides. */
export function fitView(b: Bounds): View {
  const data = b.maxMs - b.minMs;
  if (data < MIN_FIT_SPAN_MS) return { startMs: b.minMs, endMs: b.minMs + MIN_FIT_SPAN_MS };
  return { startMs: b.minMs - data * 0.02, endMs: b.maxMs + data * 0.05 };
}

/** factor > 1 zooms in. The anchor time stays under the same pixel. */
export function zoomView(v: View, factor: number, anchorMs: number, b: Bounds): View {
  const span = spanOf(v);
  const next = Math.min(Math.max(span / factor, MIN_SPAN_MS), maxSpanMs(b));
  // An anchor from a malformed event must not turn the whole view into NaN.
  const anchor = Number.isFinite(anchorMs) ? anchorMs : v.startMs + span / 2;
  const frac = (anchor - v.startMs) / span;
  const start = anchor - frac * next;
  return clampView({ startMs: start, endMs: start + next }, b);
}

export function panView(v: View, deltaMs: number, b: Bounds): View {
  return clampView({ startMs: v.startMs + deltaMs, endMs: v.endMs + deltaMs }, b);
}

/** Same span, right edge just past the newest data. */
export function followView(v: View, dataEndMs: number): View {
  const span = spanOf(v);
  const end = dataEndMs + span * LIVE_MARGIN;
  return { startMs: end - span, endMs: end };
}

/** The smallest move that shows [fromMs, toMs]: unchanged when already visible, else centred (or its start shown). */
export function revealRange(v: View, fromMs: number, toMs: number, b: Bounds): View {
  if (fromMs >= v.startMs && toMs <= v.endMs) return v;
  const span = spanOf(v);
  const start = toMs - fromMs < span * 0.8 ? (fromMs + toMs) / 2 - span / 2 : fromMs - span * 0.1;
  return clampView({ startMs: start, endMs: start + span }, b);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Steps a reader can add up in their head. */
const STEPS_MS = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
];

const DAY = 24 * HOUR;
/** Hard bound on ticks per axis, whatever the span (a hostile import can claim any times). */
export const MAX_TICKS = 200;

/** The smallest nice step that keeps ticks at least minPx apart; past a day, whole days. */
export function tickStepMs(spanMs: number, widthPx: number, minPx = 90): number {
  const minMs = (spanMs / Math.max(widthPx, 1)) * minPx;
  const nice = STEPS_MS.find((s) => s >= minMs);
  if (nice !== undefined) return nice;
  return Number.isFinite(minMs) ? Math.ceil(minMs / DAY) * DAY : DAY;
}

export interface Tick {
  atMs: number;
  x: number;
  label: I18nText;
}

/** Ticks at round offsets from the recording start (originMs), so labels read "0 s, 5 s, 10 s". */
export function ticks(v: View, widthPx: number, originMs: number, minPx = 90): Tick[] {
  const step = tickStepMs(spanOf(v), widthPx, minPx);
  const out: Tick[] = [];
  for (
    let k = Math.ceil((v.startMs - originMs) / step);
    originMs + k * step <= v.endMs && out.length < MAX_TICKS;
    k++
  ) {
    const at = originMs + k * step;
    out.push({ atMs: at, x: timeToX(v, widthPx, at), label: formatOffset(k * step, step) });
  }
  return out;
}

function decimalsFor(stepMs: number): number {
  if (stepMs >= SECOND) return 0;
  if (stepMs >= 100) return 1;
  if (stepMs >= 10) return 2;
  return 3;
}

/** Offset from the recording start as "12.5 s", "1 min 30 s", "1 h 5 min"; precision follows the step. */
export function formatOffset(offsetMs: number, stepMs: number): I18nText {
  const sign = offsetMs < 0 ? '-' : '';
  const abs = Math.abs(offsetMs);
  const decimals = decimalsFor(stepMs);
  // Round once at the step's precision so 59.9996 s cannot print as "60.000 s".
  const scale = 10 ** decimals;
  const roundedMs = Math.round((abs / SECOND) * scale) * (SECOND / scale);
  if (roundedMs < MINUTE) return { id: 'timeline_tick_s', subs: [sign + (roundedMs / SECOND).toFixed(decimals)] };
  const h = Math.floor(roundedMs / HOUR);
  const m = Math.floor((roundedMs % HOUR) / MINUTE);
  const s = (roundedMs % MINUTE) / SECOND;
  const sText = s.toFixed(decimals);
  if (h === 0) {
    if (s === 0) return { id: 'timeline_tick_min', subs: [sign + m] };
    return { id: 'timeline_tick_min_s', subs: [sign + m, sText] };
  }
  if (s === 0) return { id: 'timeline_tick_h_min', subs: [sign + h, String(m)] };
  return { id: 'timeline_tick_h_min_s', subs: [sign + h, String(m), sText] };
}

/** A reconnect delay: two decimals below 1 s (the 1012 threshold is 1 s), one below 100 s. */
export function formatDelay(delayS: number): I18nText {
  const decimals = delayS < 1 ? 2 : delayS < 100 ? 1 : 0;
  return { id: 'timeline_delay', subs: [delayS.toFixed(decimals)] };
}
