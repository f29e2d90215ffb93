/**
 * The timeline's keyboard: arrows step between closures (with Shift they pan),
 * up and down scroll lanes, + and - zoom, 0 fits, Home and End go to the start
 * and follow the live edge. Modified keys are left to the browser.
 */
import type { KeyboardEvent } from 'react';
import type { TimelineModel } from './layout';
import { adjacentClosure } from './navigate';
import { spanOf } from './scale';
import type { TimelineViewState } from './use-timeline-view';

export const ZOOM_STEP = 2;

export interface KeyContext {
  model: TimelineModel;
  state: TimelineViewState;
  selectedId: string | null;
  rowHeight: number;
  onSelect(connectionId: string): void;
}

export function onTimelineKey(e: KeyboardEvent, c: KeyContext): void {
  const { state } = c;
  const span = spanOf(state.view);
  const step = (dir: -1 | 1) => {
    const next = adjacentClosure(c.model, c.selectedId, dir);
    if (next !== null) c.onSelect(next);
  };
  const actions: Record<string, (() => void) | undefined> = {
    ArrowLeft: () => (e.shiftKey ? state.panBy(-span * 0.1) : step(-1)),
    ArrowRight: () => (e.shiftKey ? state.panBy(span * 0.1) : step(1)),
    ArrowUp: () => state.scrollBy(-c.rowHeight),
    ArrowDown: () => state.scrollBy(c.rowHeight),
    '+': () => state.zoomBy(ZOOM_STEP),
    '=': () => state.zoomBy(ZOOM_STEP),
    '-': () => state.zoomBy(1 / ZOOM_STEP),
    _: () => state.zoomBy(1 / ZOOM_STEP),
    '0': () => state.fit(),
    Home: () => state.goToStart(),
    End: () => state.setFollow(true),
  };
  const act = e.ctrlKey || e.metaKey || e.altKey ? undefined : actions[e.key];
  if (!act) return;
  e.preventDefault();
  act();
}
