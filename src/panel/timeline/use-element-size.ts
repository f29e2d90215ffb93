/** The element's CSS size, tracked with ResizeObserver; a fallback where layout gives 0 (tests, hidden panels). */
import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Size {
  width: number;
  height: number;
}

export interface MeasuredSize extends Size {
  /**
   * False only in the first render, before the element was laid out and measured (its layout
   * effect then renders again before the browser paints): a view can leave out what depends on
   * the size there, instead of laying it out once at the fallback size and again at the real one.
   */
  measured: boolean;
}

export function useElementSize(ref: RefObject<HTMLElement | null>, fallback: Size): MeasuredSize {
  const [size, setSize] = useState<MeasuredSize>(() => ({ ...fallback, measured: false }));
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = el.clientWidth || fallback.width;
      const height = el.clientHeight || fallback.height;
      setSize((s) => (s.measured && s.width === width && s.height === height ? s : { width, height, measured: true }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, fallback.width, fallback.height]);
  return size;
}
