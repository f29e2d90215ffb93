/**
 * Row windowing for long tables: only the rows in view (plus a margin) are in
 * the DOM, so 10,000 closures cost as much to render as 30. Rows have a fixed
 * height, which keeps the arithmetic exact and cheap.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

/** Used until the container is measured (and in DOMs without layout, like happy-dom). */
export const FALLBACK_VIEWPORT_PX = 600;

export interface WindowRange {
  start: number;
  /** Exclusive. */
  end: number;
}

export function visibleRange(
  scrollTop: number,
  viewportPx: number,
  rowPx: number,
  count: number,
  overscan: number,
): WindowRange {
  const first = Math.floor(Math.max(0, scrollTop) / rowPx);
  const inView = Math.ceil(viewportPx / rowPx) + 1;
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + inView + overscan) };
}

/** The scrollTop that brings row `index` fully into view, moving as little as possible. */
export function scrollTopFor(index: number, scrollTop: number, viewportPx: number, rowPx: number): number {
  const top = index * rowPx;
  if (top < scrollTop) return top;
  if (top + rowPx > scrollTop + viewportPx) return top + rowPx - viewportPx;
  return scrollTop;
}

export interface Windowing extends WindowRange {
  containerRef: RefObject<HTMLDivElement | null>;
  onScroll(e: UIEvent<HTMLElement>): void;
  totalPx: number;
  /** Rows that fit in the viewport: the PageUp/PageDown step. */
  pageRows: number;
  /**
   * Brings row `index` into view. Call it while rendering: the rows it shows are rendered in the
   * same pass and the container is scrolled once they are in the DOM, so following the selection
   * costs one commit and one layout, not a second render after the first one was laid out.
   */
  reveal(index: number): void;
}

export function useWindowing(count: number, rowPx: number, overscan = 8): Windowing {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportPx, setViewportPx] = useState(FALLBACK_VIEWPORT_PX);
  // A scroll the view asked for, waiting for its rows to be in the DOM (a new object each time, so
  // asking for the same place again after the user scrolled away still scrolls).
  const [jump, setJump] = useState<{ top: number } | null>(null);

  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setViewportPx(el.clientHeight > 0 ? el.clientHeight : FALLBACK_VIEWPORT_PX);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const onScroll = useCallback((e: UIEvent<HTMLElement>) => setScrollTop(e.currentTarget.scrollTop), []);

  useLayoutEffect(() => {
    if (jump && containerRef.current) containerRef.current.scrollTop = jump.top;
  }, [jump]);

  const reveal = (index: number) => {
    const next = scrollTopFor(index, scrollTop, viewportPx, rowPx);
    if (next === scrollTop) return;
    setScrollTop(next);
    setJump({ top: next });
  };

  const range = visibleRange(scrollTop, viewportPx, rowPx, count, overscan);
  return {
    ...range,
    containerRef,
    onScroll,
    totalPx: count * rowPx,
    pageRows: Math.max(1, Math.floor(viewportPx / rowPx)),
    reveal,
  };
}
