/**
 * Canvas drawing of the whole timeline. Only what is on screen is touched: the
 * visible rows, and per row the bars the hit index finds in the visible time
 * range, so a frame costs the same at 10,000 connections as at 10.
 */
import { t } from '../../i18n/translate';
import { drawAxis, drawBackground, drawGutter, rowTop, xOf, type Ctx } from './draw-parts';
import { drawLinks } from './draw-links';
import { barsInRange, type Geometry, type HitIndex } from './hit-test';
import { barEnd, type Bar, type TimelineModel } from './layout';
import type { Palette } from './palette';
import type { View } from './scale';

export interface DrawInput {
  model: TimelineModel;
  index: HitIndex;
  view: View;
  nowMs: number;
  /** CSS pixels. */
  width: number;
  height: number;
  geometry: Geometry;
  selected: number;
  hovered: number;
  palette: Palette;
  font: string;
}

/** Rows with any part on screen. */
export function visibleRows(d: Pick<DrawInput, 'geometry' | 'height' | 'model'>): [number, number] {
  const g = d.geometry;
  const first = Math.max(0, Math.floor(g.scrollY / g.rowHeight));
  const last = Math.min(d.model.rowCount - 1, Math.floor((g.scrollY + d.height - g.axisHeight) / g.rowHeight));
  return [first, last];
}

export function drawTimeline(ctx: Ctx, d: DrawInput): void {
  // Set outside save/restore so the font stays realised between frames: the parts set the same string
  // again, which the canvas then ignores. Setting a font the canvas does not hold resolves it against
  // the document's style, which after the panel's DOM changed (a new selection's detail) cost more than
  // the whole drawing.
  ctx.font = d.font;
  ctx.save();
  ctx.fillStyle = d.palette.bg;
  ctx.fillRect(0, 0, d.width, d.height);
  drawBackground(ctx, d);
  const [first, last] = visibleRows(d);
  ctx.save();
  ctx.beginPath();
  ctx.rect(
    d.geometry.labelWidth,
    d.geometry.axisHeight,
    d.width - d.geometry.labelWidth,
    d.height - d.geometry.axisHeight,
  );
  ctx.clip();
  // The canvas is scaled to device pixels (devicePixelRatio): bars are compared in those.
  const px = ctx.getTransform().a || 1;
  for (let row = first; row <= last; row++) {
    // A bar that lands on the same device pixels, in the same colours, as the one drawn just before it in
    // its row would paint those pixels again: it is skipped (selected and hovered ones never are). A page
    // retrying many times a pixel of time, or thousands of sockets open together, put tens of bars on one
    // pixel, and rastering each took most of a selection's frame.
    let prev: Bar | undefined;
    let prevX0 = NaN;
    let prevX1 = NaN;
    for (const bi of barsInRange(d.model, d.index, row, d.view.startMs, d.view.endMs, d.nowMs)) {
      const bar = d.model.bars[bi]!;
      const x0 = xOf(d, bar.startMs);
      const x1 = Math.max(xOf(d, barEnd(bar, d.nowMs)), x0 + 2);
      const px0 = Math.round(x0 * px);
      const px1 = Math.round(x1 * px);
      const marked = bi === d.selected || bi === d.hovered;
      if (!marked && prev && px0 === prevX0 && px1 === prevX1 && looksAlike(prev, bar)) continue;
      drawBar(ctx, d, bar, bi, x0, x1);
      prev = marked ? undefined : bar;
      prevX0 = px0;
      prevX1 = px1;
    }
  }
  drawLinks(ctx, d, first, last);
  ctx.restore();
  drawAxis(ctx, d);
  drawGutter(ctx, d, first, last);
  ctx.restore();
}

/** Whether two bars are drawn in the same colours and marks (their places aside). */
function looksAlike(a: Bar, b: Bar): boolean {
  return (
    a.outcome === b.outcome &&
    a.simulated === b.simulated &&
    (a.endMs === null) === (b.endMs === null) &&
    a.category === b.category &&
    a.level === b.level
  );
}

function drawBar(ctx: Ctx, d: DrawInput, bar: Bar, bi: number, x0: number, x1: number): void {
  const { palette: p, geometry: g } = d;
  const y = rowTop(d, bar.row) + 5;
  const h = g.rowHeight - 10;
  ctx.fillStyle = p.outcome[bar.outcome];
  ctx.fillRect(x0, y, x1 - x0, h);
  if (bar.simulated) {
    // Simulated closes: dashed outline plus an "S" by the marker.
    ctx.strokeStyle = p.simulated;
    ctx.lineWidth = 1;
    ctx.setLineDash([2, 2]);
    ctx.strokeRect(x0 + 0.5, y + 0.5, x1 - x0 - 1, h - 1);
    ctx.setLineDash([]);
  }
  if (bar.endMs !== null && bar.category) {
    ctx.fillStyle = p.code[bar.category];
    ctx.fillRect(x1 - 3, y - 3, 3, h + 6);
    if (bar.level === 'problem' || bar.level === 'advice') {
      ctx.fillStyle = bar.level === 'problem' ? p.problem : p.advice;
      ctx.beginPath();
      ctx.moveTo(x1 - 5, y - 4);
      ctx.lineTo(x1 + 2, y - 4);
      ctx.lineTo(x1 - 1.5, y + 1);
      ctx.fill();
    }
    if (bar.simulated) {
      ctx.fillStyle = p.simulated;
      ctx.font = d.font;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(t('timeline_simulated_mark'), x1 + 2, y + h / 2);
    }
  }
  if (bi === d.selected || bi === d.hovered) {
    ctx.strokeStyle = bi === d.selected ? p.selection : p.hover;
    ctx.lineWidth = bi === d.selected ? 2 : 1;
    ctx.strokeRect(x0 - 1.5, y - 2.5, x1 - x0 + 3, h + 5);
  }
}
