/**
 * Mouse and trackpad input on the canvas: drag to pan, click to select, hover
 * for the tooltip, ctrl/meta+wheel to zoom at the cursor, shift+wheel to pan,
 * plain wheel to scroll the lanes. The wheel listener is native because
 * React's is passive and could not stop the page from scrolling or zooming.
 */
import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { xToTime, type View } from './scale';
import type { TimelineViewState } from './use-timeline-view';

/** Pixels a press may move and still count as a click. */
const CLICK_SLOP = 3;

export interface PointerDeps {
  state: TimelineViewState;
  labelWidth: number;
  plotWidth: number;
  /** Bar index at a point in the canvas, or -1. */
  hitAt(x: number, y: number): number;
  onClickBar(barIndex: number): void;
  onHover(barIndex: number, x: number, y: number): void;
}

export function usePointer(targetRef: RefObject<HTMLElement | null>, deps: PointerDeps) {
  // Handlers read the latest state through a ref, so the native listener is attached once.
  const latest = useRef(deps);
  latest.current = deps;
  const drag = useRef<{ x: number; origin: View; moved: boolean } | null>(null);

  useEffect(() => {
    const el = targetRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const d = latest.current;
      const { view } = d.state;
      const perPx = (view.endMs - view.startMs) / d.plotWidth;
      const vertical = !e.ctrlKey && !e.metaKey && !e.shiftKey && Math.abs(e.deltaX) <= Math.abs(e.deltaY);
      // Lanes that all fit, or that are already at their end in the wheel's direction, leave the wheel to
      // the panel, so the page around still scrolls (a short panel scrolls as a page) as it would past
      // any other scroller's end.
      const { scrollY, maxScrollY } = d.state;
      if (vertical && (e.deltaY < 0 ? scrollY <= 0 : e.deltaY > 0 ? scrollY >= maxScrollY : true)) return;
      e.preventDefault();
      if (e.ctrlKey || e.metaKey) {
        const x = e.clientX - el.getBoundingClientRect().left - d.labelWidth;
        d.state.zoomBy(Math.exp(-e.deltaY * 0.002), xToTime(view, d.plotWidth, x));
      } else if (e.shiftKey) {
        d.state.panBy((e.deltaY || e.deltaX) * perPx);
      } else if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        d.state.panBy(e.deltaX * perPx);
      } else {
        d.state.scrollBy(e.deltaY);
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [targetRef]);

  const local = (e: ReactPointerEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  return {
    onPointerDown(e: ReactPointerEvent) {
      if (e.button !== 0) return;
      drag.current = { x: e.clientX, origin: latest.current.state.view, moved: false };
      e.currentTarget.setPointerCapture?.(e.pointerId);
    },
    onPointerMove(e: ReactPointerEvent) {
      const d = latest.current;
      const g = drag.current;
      if (g) {
        const dx = e.clientX - g.x;
        if (Math.abs(dx) > CLICK_SLOP) g.moved = true;
        if (g.moved) {
          const perPx = (g.origin.endMs - g.origin.startMs) / d.plotWidth;
          // Dragging right shows earlier time; any drag means the user took over from "follow live".
          d.state.setFollow(false);
          d.state.panFrom(g.origin, -dx * perPx);
          return;
        }
      }
      const p = local(e);
      d.onHover(d.hitAt(p.x, p.y), p.x, p.y);
    },
    onPointerUp(e: ReactPointerEvent) {
      const g = drag.current;
      drag.current = null;
      if (!g || g.moved) return;
      const p = local(e);
      const hit = latest.current.hitAt(p.x, p.y);
      if (hit >= 0) latest.current.onClickBar(hit);
    },
    onPointerLeave() {
      if (!drag.current) latest.current.onHover(-1, 0, 0);
    },
  };
}
