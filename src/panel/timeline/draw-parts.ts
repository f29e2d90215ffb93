/**
 * The background and foreground layers of the canvas: shaded lifecycle
 * periods, grid, navigation lines, reconnect links, the axis and the lane
 * gutter. Bars are in draw.ts.
 */
import type { DrawInput } from './draw';
import type { Link, TimelineModel } from './layout';
import type { I18nText } from '../../analysis/types';
import { laneLabelAround, linkLabel, text } from './labels';
import { ticks, timeToX } from './scale';
import { axisLabelX } from './axis-labels';
import { currentIntlLocale, currentTranslatorVersion } from '../../i18n/translate';
import { isolateShown, visibleControls } from '../../ui/components/page-string';

export type Ctx = CanvasRenderingContext2D;

export const plotWidth = (d: DrawInput) => Math.max(1, d.width - d.geometry.labelWidth);
export const xOf = (d: DrawInput, ms: number) => d.geometry.labelWidth + timeToX(d.view, plotWidth(d), ms);
export const rowTop = (d: DrawInput, row: number) =>
  d.geometry.axisHeight + row * d.geometry.rowHeight - d.geometry.scrollY;

/**
 * Fitted labels by font, width and text. Lane labels are redrawn on every frame
 * (pan, zoom, selection) but change only with the width, so each is measured once;
 * the cache is dropped whole when it grows past a bound.
 */
const fitted = new Map<string, string>();
const FITTED_MAX = 4096;

/**
 * A label around page text (a lane's endpoint), shortened in the middle of the page text
 * ("wss://host/…/path") so both the host and the path end stay readable. Only the page text is cut:
 * its isolate and the translated text around it stay whole, and every candidate is measured as it
 * will be drawn, isolate included.
 */
export function fitPageLabel(ctx: Ctx, page: string, around: (isolated: string) => string, maxPx: number): string {
  const shown = visibleControls(page);
  const full = around(isolateShown(shown));
  const key = `${ctx.font}|${Math.round(maxPx)}|${full}`;
  const hit = fitted.get(key);
  if (hit !== undefined) return hit;
  const out =
    ctx.measureText(full).width <= maxPx ? full : fitUncached(ctx, shown, (cut) => around(isolateShown(cut)), maxPx);
  if (fitted.size >= FITTED_MAX) fitted.clear();
  fitted.set(key, out);
  return out;
}

function fitUncached(ctx: Ctx, s: string, label: (cut: string) => string, maxPx: number): string {
  // Binary search on how many characters to keep: measuring each length in turn cost one
  // measureText per character of a long URL.
  let lo = 3;
  let hi = s.length - 1;
  let best = label('…');
  while (lo <= hi) {
    const keep = (lo + hi) >> 1;
    const head = Math.ceil(keep * 0.6);
    const cut = label(s.slice(0, head) + '…' + s.slice(s.length - (keep - head)));
    if (ctx.measureText(cut).width <= maxPx) {
      best = cut;
      lo = keep + 1;
    } else hi = keep - 1;
  }
  return best;
}

export function drawBackground(ctx: Ctx, d: DrawInput): void {
  const { palette: p, geometry: g } = d;
  const top = g.axisHeight;
  for (const period of d.model.periods) {
    const x0 = Math.max(xOf(d, period.fromMs), g.labelWidth);
    const x1 = Math.min(xOf(d, period.toMs ?? d.nowMs), d.width);
    if (x1 <= x0) continue;
    ctx.fillStyle = p.period[period.kind];
    ctx.fillRect(x0, top, x1 - x0, d.height - top);
  }
  ctx.fillStyle = p.grid;
  for (const tick of ticks(d.view, plotWidth(d), d.model.originMs))
    ctx.fillRect(g.labelWidth + Math.round(tick.x), top, 1, d.height - top);
  ctx.fillStyle = p.navigation;
  for (const nav of d.model.navigation) {
    const x = xOf(d, nav.atMs);
    if (x >= g.labelWidth && x <= d.width) ctx.fillRect(Math.round(x) - 1, top, 2, d.height - top);
  }
}

/**
 * Link labels (with a moved-to host isolated) and the widths of those same strings, by font, locale and
 * what the label says. Formatting the delay (Intl) and
 * measuring it were most of a frame at 10,000 connections, and a live recording rebuilds the model (and
 * its links) with every update, so the cache is keyed by content; dropped whole past a bound.
 */
const linkLabels = new Map<string, { label: string; width: number }>();
function measuredLinkLabel(
  ctx: Ctx,
  link: DrawInput['model']['links'][number],
  font: string,
): { label: string; width: number } {
  const key = `${font}|${currentIntlLocale()}|${currentTranslatorVersion()}|${link.label ?? ''}|${link.movedTo ?? ''}|${link.delayS}`;
  const hit = linkLabels.get(key);
  if (hit) return hit;
  const label = linkLabel(link);
  const out = { label, width: ctx.measureText(label).width };
  if (linkLabels.size >= FITTED_MAX) linkLabels.clear();
  linkLabels.set(key, out);
  return out;
}

/** Links by the first row they touch, and the most rows one spans: a frame looks at its visible rows' links only. */
interface LinkIndex {
  byTopRow: number[][];
  maxSpan: number;
}
const linkIndexes = new WeakMap<TimelineModel, LinkIndex>();

/** Built once per model (models are never changed once built). */
export function linkIndexOf(model: TimelineModel): LinkIndex {
  let index = linkIndexes.get(model);
  if (index) return index;
  const byTopRow: number[][] = Array.from({ length: model.rowCount }, () => []);
  let maxSpan = 0;
  model.links.forEach((link, i) => {
    const a = model.bars[link.from]!.row;
    const b = model.bars[link.to]!.row;
    byTopRow[Math.min(a, b)]?.push(i);
    maxSpan = Math.max(maxSpan, Math.abs(a - b));
  });
  linkIndexes.set(model, (index = { byTopRow, maxSpan }));
  return index;
}

/**
 * Indices of the links touching rows firstRow..lastRow, in the model's order (the order they are drawn
 * in, so overlapping labels stack as they always did). Looking at every link was most of a frame at
 * 10,000 connections, where a few hundred are on screen.
 */
export function linksInRows(model: TimelineModel, firstRow: number, lastRow: number): number[] {
  const { byTopRow, maxSpan } = linkIndexOf(model);
  const out: number[] = [];
  for (let row = Math.max(0, firstRow - maxSpan); row <= lastRow && row < byTopRow.length; row++) {
    for (const i of byTopRow[row]!) {
      const link = model.links[i]!;
      if (Math.max(model.bars[link.from]!.row, model.bars[link.to]!.row) >= firstRow) out.push(i);
    }
  }
  return out.sort((a, b) => a - b);
}

export function drawLinks(ctx: Ctx, d: DrawInput, firstRow: number, lastRow: number): void {
  const { palette: p, geometry: g, model } = d;
  const half = g.rowHeight / 2;
  // Every arc first, a few dozen to a path (a stroke per link was most of a live frame with a thousand
  // links in view), then the labels, so an arc never runs across a label drawn before it.
  const drawn: Link[] = [];
  // Each drawn link's arc as six numbers (x0, y0, control x, control y, x1, y1): no object per link.
  const arcs: number[] = [];
  for (const li of linksInRows(model, firstRow, lastRow)) {
    const link = model.links[li]!;
    if (Math.max(link.fromMs, link.toMs) < d.view.startMs || Math.min(link.fromMs, link.toMs) > d.view.endMs) continue;
    const x0 = xOf(d, link.fromMs);
    const x1 = xOf(d, link.toMs);
    const y0 = rowTop(d, model.bars[link.from]!.row) + half;
    const y1 = rowTop(d, model.bars[link.to]!.row) + half;
    // A shallow arc that stays inside the rows it joins, so it never runs under the axis.
    drawn.push(link);
    arcs.push(x0, y0, (x0 + x1) / 2, Math.min(y0, y1) - Math.min(6, Math.abs(x1 - x0) / 4 + 2), x1, y1);
  }
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = p.link;
  strokeArcs(ctx, drawn, arcs, false);
  strokeArcs(ctx, drawn, arcs, true);
  ctx.setLineDash([]);
  ctx.font = d.font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  drawn.forEach((link, i) => {
    const k = i * 6;
    const x0 = arcs[k]!;
    const y0 = arcs[k + 1]!;
    const cx = arcs[k + 2]!;
    const cy = arcs[k + 3]!;
    const x1 = arcs[k + 4]!;
    const y1 = arcs[k + 5]!;
    // Labels only where they fit in the gap (overlaps have none, and are rare); the tooltip has the delay
    // otherwise. No label fits in under 8 px, so those are not even measured (most links of a fast
    // reconnect loop seen whole).
    const overlap = link.label === 'overlapping';
    const gap = Math.abs(x1 - x0);
    if (!overlap && gap < 8) return;
    const { label, width: w } = measuredLinkLabel(ctx, link, d.font);
    if (!overlap && gap < w + 8) return;
    // An overlapping attempt starts before the close, on another row: its label sits just left of that
    // attempt's start, clear of the close marker. Others sit at the middle of their arc.
    const mx = overlap ? x1 - w / 2 - 6 : (x0 + 2 * cx + x1) / 4;
    const my = overlap ? y1 : (y0 + 2 * cy + y1) / 4;
    ctx.fillStyle = p.bg;
    ctx.fillRect(mx - w / 2 - 2, my - 6, w + 4, 12);
    ctx.fillStyle = p.linkText;
    ctx.fillText(label, mx, my);
  });
}

/**
 * Arcs per path. Chromium rasters a software canvas on the panel's main thread when it commits a frame,
 * and one path of many overlapping arcs costs far more than its arcs alone: a live page reconnecting
 * every 50 ms put 4,000 sub-pixel arcs in one path, and 4,200 such arcs took 125 ms to raster as one
 * path on a bare canvas, 16 ms as paths of 32. Paths of 32 keep the saving of not stroking each link alone.
 */
export const ARCS_PER_PATH = 32;

/**
 * The drawn links of one dash style (overlapping attempts dashed, the rest solid), in paths of
 * ARCS_PER_PATH. An arc that lands on the same device pixels as one already stroked (both ends the same
 * to the pixel: reconnects faster than a pixel of time) is stroked once; every link keeps its label.
 */
function strokeArcs(ctx: Ctx, drawn: readonly Link[], a: readonly number[], overlapping: boolean): void {
  const seen = new Set<number>();
  // The canvas is scaled to device pixels (devicePixelRatio): compare ends in those.
  const px = ctx.getTransform().a || 1;
  let inPath = 0;
  let any = false;
  drawn.forEach((link, i) => {
    if ((link.label === 'overlapping') !== overlapping) return;
    const k = i * 6;
    const key = pixelKey(a[k]! * px, a[k + 1]! * px, a[k + 4]! * px, a[k + 5]! * px);
    if (key !== undefined) {
      if (seen.has(key)) return;
      seen.add(key);
    }
    if (!any) ctx.setLineDash(overlapping ? [3, 3] : []);
    any = true;
    if (inPath === 0) ctx.beginPath();
    ctx.moveTo(a[k]!, a[k + 1]!);
    ctx.quadraticCurveTo(a[k + 2]!, a[k + 3]!, a[k + 4]!, a[k + 5]!);
    if (++inPath === ARCS_PER_PATH) {
      ctx.stroke();
      inPath = 0;
    }
  });
  if (inPath > 0) ctx.stroke();
}

/** 13 bits per coordinate, as one number (a string per arc was a good part of the drawing's script). */
const KEY_OFFSET = 2048;
const KEY_RANGE = 8192;
const onKeyGrid = (v: number) => Math.round(v) + KEY_OFFSET;
const inKeyRange = (q: number) => q >= 0 && q < KEY_RANGE;
/** Both ends of an arc to the pixel, or undefined far off the canvas (such arcs are always stroked). */
function pixelKey(x0: number, y0: number, x1: number, y1: number): number | undefined {
  const a = onKeyGrid(x0);
  const b = onKeyGrid(y0);
  const c = onKeyGrid(x1);
  const d = onKeyGrid(y1);
  if (!(inKeyRange(a) && inKeyRange(b) && inKeyRange(c) && inKeyRange(d))) return undefined;
  return ((a * KEY_RANGE + b) * KEY_RANGE + c) * KEY_RANGE + d;
}

/**
 * Tick labels by translator and what they say: the same dozen offsets are drawn frame after frame, and
 * formatting each (Intl) was a good part of a frame's script. Dropped whole past a bound.
 */
const tickTexts = new Map<string, string>();
function tickText(label: I18nText): string {
  const key = `${currentTranslatorVersion()}|${label.id}|${(label.subs ?? []).join('|')}`;
  let out = tickTexts.get(key);
  if (out !== undefined) return out;
  out = text(label);
  if (tickTexts.size >= FITTED_MAX) tickTexts.clear();
  tickTexts.set(key, out);
  return out;
}

/** Tick labels' widths by font and text: the axis is redrawn on every frame, its labels rarely change. */
const tickWidths = new Map<string, number>();
function tickWidth(ctx: Ctx, font: string, label: string): number {
  const key = `${font}|${label}`;
  let out = tickWidths.get(key);
  if (out !== undefined) return out;
  out = ctx.measureText(label).width;
  if (tickWidths.size >= FITTED_MAX) tickWidths.clear();
  tickWidths.set(key, out);
  return out;
}

export function drawAxis(ctx: Ctx, d: DrawInput): void {
  const { palette: p, geometry: g } = d;
  ctx.fillStyle = p.bg;
  ctx.fillRect(0, 0, d.width, g.axisHeight);
  ctx.fillStyle = p.laneSeparator;
  ctx.fillRect(0, g.axisHeight - 1, d.width, 1);
  ctx.font = d.font;
  ctx.fillStyle = p.axisText;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  let prevEnd = -Infinity;
  for (const tick of ticks(d.view, plotWidth(d), d.model.originMs)) {
    const x = g.labelWidth + tick.x;
    ctx.fillRect(Math.round(x), g.axisHeight - 6, 1, 6);
    const label = tickText(tick.label);
    const width = tickWidth(ctx, d.font, label);
    const at = axisLabelX(x, width, g.labelWidth, d.width, prevEnd);
    if (at === null) continue;
    ctx.fillText(label, at, g.axisHeight / 2);
    prevEnd = at + width;
  }
  if (d.model.openCount > 0 && d.nowMs <= d.view.endMs) {
    // "now": where open bars currently end.
    ctx.fillStyle = p.selection;
    ctx.fillRect(Math.round(xOf(d, d.nowMs)), g.axisHeight - 8, 2, 8);
  }
}

export function drawGutter(ctx: Ctx, d: DrawInput, firstRow: number, lastRow: number): void {
  const { palette: p, geometry: g, model } = d;
  ctx.fillStyle = p.bg;
  ctx.fillRect(0, g.axisHeight, g.labelWidth, d.height - g.axisHeight);
  ctx.fillStyle = p.laneSeparator;
  ctx.fillRect(g.labelWidth - 1, g.axisHeight, 1, d.height - g.axisHeight);
  ctx.font = d.font;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const lane of model.lanes) {
    if (lane.firstRow + lane.rowCount - 1 < firstRow || lane.firstRow > lastRow) continue;
    const y = rowTop(d, lane.firstRow);
    ctx.fillStyle = p.laneSeparator;
    ctx.fillRect(0, Math.round(y), d.width, 1);
    ctx.fillStyle = p.laneText;
    const label = fitPageLabel(ctx, lane.endpoint, (endpoint) => laneLabelAround(lane, endpoint), g.labelWidth - 8);
    ctx.fillText(label, 4, y + g.rowHeight / 2);
  }
  const content = model.rowCount * g.rowHeight;
  const viewport = d.height - g.axisHeight;
  if (content > viewport) {
    // A thin scroll indicator: the canvas has no native scrollbar.
    const h = Math.max(16, (viewport * viewport) / content);
    const y = g.axisHeight + (g.scrollY / (content - viewport)) * (viewport - h);
    ctx.fillStyle = p.hover;
    ctx.fillRect(d.width - 4, y, 3, h);
  }
}
