/**
 * The reconnect links of the timeline: an arc from each closure to the attempt that followed it, with its
 * delay as a label where it fits. Only the links touching the rows in view are looked at.
 */
import type { DrawInput } from './draw';
import type { Link, TimelineModel } from './layout';
import { linkLabel } from './labels';
import { currentIntlLocale, currentTranslatorVersion } from '../../i18n/translate';
import { rowTop, xOf, type Ctx } from './draw-parts';

const LINK_LABELS_MAX = 4096;

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
  if (linkLabels.size >= LINK_LABELS_MAX) linkLabels.clear();
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
