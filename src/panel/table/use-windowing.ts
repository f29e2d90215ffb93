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
  offsetPx: number;
  /** Rows that fit in the viewport: the PageUp/PageDown step. */
  pageRows: number;
  scrollToIndex(index: number): void;
}

export function useWindowing(count: number, rowPx: number, overscan = 8): Windowing {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportPx, setViewportPx] = useState(FALLBACK_VIEWPORT_PX);

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

  const scrollToIndex = useCallback(
    (index: number) => {
      const next = scrollTopFor(index, scrollTop, viewportPx, rowPx);
      if (next === scrollTop) return;
      if (containerRef.current) containerRef.current.scrollTop = next;
      setScrollTop(next);
    },
    [scrollTop, viewportPx, rowPx],
  );

  const range = visibleRange(scrollTop, viewportPx, rowPx, count, overscan);
  return {
    ...range,
    containerRef,
    onScroll,
    totalPx: count * rowPx,
    offsetPx: range.start * rowPx,
    pageRows: Math.max(1, Math.floor(viewportPx / rowPx)),
    scrollToIndex,
  };
}
