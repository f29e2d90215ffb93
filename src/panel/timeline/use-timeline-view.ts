/**
 * The timeline's viewport state: visible time range, "follow live", and the
 * vertical scroll of the lanes. A null base range means "fit everything",
 * which keeps growing with the data until the user zooms or pans.
 */
import { useCallback, useState } from 'react';
import type { Geometry } from './hit-test';
import { barEnd, boundsOf, type TimelineModel } from './layout';
import { clampView, fitView, followView, panView, revealRange, spanOf, zoomView, type View } from './scale';

export interface TimelineViewState {
  view: View;
  follow: boolean;
  scrollY: number;
  /** True when the lanes are taller than the viewport. */
  canScrollY: boolean;
  /** How far the lanes scroll (0 when they all fit). */
  maxScrollY: number;
  setFollow(on: boolean): void;
  /** factor > 1 zooms in; the anchor defaults to the live edge when following, else the centre. */
  zoomBy(factor: number, anchorMs?: number): void;
  /** Positive moves later in time. Moving back turns "follow live" off. */
  panBy(deltaMs: number): void;
  /** Pan from a view captured earlier (dragging). */
  panFrom(origin: View, deltaMs: number): void;
  fit(): void;
  goToStart(): void;
  scrollBy(dy: number): void;
  /** Brings a bar into view, horizontally and vertically. */
  reveal(barIndex: number): void;
}

export function useTimelineView(
  model: TimelineModel,
  nowMs: number,
  viewportPx: number,
  geometry: Pick<Geometry, 'rowHeight'>,
): TimelineViewState {
  const [base, setBase] = useState<View | null>(null);
  const [follow, setFollowState] = useState(true);
  const [rawScrollY, setScrollY] = useState(0);

  const bounds = boundsOf(model, nowMs);
  const fitted = clampView(base ?? fitView(bounds), bounds);
  const view = follow ? clampView(followView(fitted, bounds.maxMs), bounds) : fitted;
  const maxScroll = Math.max(0, model.rowCount * geometry.rowHeight - viewportPx);
  const scrollY = Math.min(Math.max(rawScrollY, 0), maxScroll);

  const setFollow = useCallback((on: boolean) => setFollowState(on), []);
  const zoomBy = (factor: number, anchorMs?: number) => {
    const anchor = anchorMs ?? (follow ? bounds.maxMs : (view.startMs + view.endMs) / 2);
    setBase(zoomView(view, factor, anchor, bounds));
  };
  const panFrom = (origin: View, deltaMs: number) => {
    if (deltaMs < 0) setFollowState(false);
    setBase(panView(origin, deltaMs, bounds));
  };
  const reveal = (bi: number) => {
    const bar = model.bars[bi];
    if (!bar) return;
    // A closure is shown by its close marker; an open socket by any part of its bar.
    // Either way, nothing moves when it is already on screen (clicking must not make the view jump).
    const end = barEnd(bar, nowMs);
    const onScreen =
      bar.endMs === null ? bar.startMs <= view.endMs && end >= view.startMs : end >= view.startMs && end <= view.endMs;
    const next = onScreen
      ? view
      : bar.endMs === null
        ? revealRange(view, bar.startMs, end, bounds)
        : revealRange(view, end, end, bounds);
    if (next !== view) {
      setFollowState(false);
      setBase(next);
    }
    const top = bar.row * geometry.rowHeight;
    if (top < scrollY) setScrollY(top);
    else if (top + geometry.rowHeight > scrollY + viewportPx) setScrollY(top + geometry.rowHeight - viewportPx);
  };

  return {
    view,
    follow,
    scrollY,
    canScrollY: maxScroll > 0,
    maxScrollY: maxScroll,
    setFollow,
    zoomBy,
    panBy: (deltaMs) => panFrom(view, deltaMs),
    panFrom,
    fit: () => setBase(null),
    goToStart: () => {
      setFollowState(false);
      setBase(clampView({ startMs: bounds.minMs, endMs: bounds.minMs + spanOf(view) }, bounds));
    },
    scrollBy: (dy) => setScrollY(Math.min(Math.max(scrollY + dy, 0), maxScroll)),
    reveal,
  };
}
