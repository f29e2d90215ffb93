/**
 * The background and foreground layers of the canvas: shaded lifecycle
 * periods, grid, navigation lines, the axis and the lane gutter. Bars are in
 * draw.ts, reconnect links in draw-links.ts.
 */
import type { DrawInput } from './draw';
import type { I18nText } from '../../analysis/types';
import { laneLabelAround, text } from './labels';
import { ticks, timeToX } from './scale';
import { axisLabelX } from './axis-labels';
import { currentTranslatorVersion } from '../../i18n/translate';
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
