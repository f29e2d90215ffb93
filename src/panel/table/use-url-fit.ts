/**
 * Keeps a URL cell's fit (url-fit.ts) true to its width. One ResizeObserver for
 * every URL cell on screen: it reports each newly observed cell once, after
 * layout and before paint, and again when a column or the panel is resized,
 * or the origin's font changes its width.
 */
import { useLayoutEffect, type RefObject } from 'react';
import { fitUrlCells } from './url-fit';

let shared: ResizeObserver | undefined;

function observer(): ResizeObserver | undefined {
  if (typeof ResizeObserver === 'undefined') return undefined;
  shared ??= new ResizeObserver((entries) => {
    const cells = new Set<HTMLElement>();
    for (const e of entries) {
      const cell = e.target.closest<HTMLElement>('.url-cell');
      if (cell) cells.add(cell);
    }
    fitUrlCells(cells);
  });
  return shared;
}

/** `text` is what the cell shows: new text (the query redacted or not) is measured anew. */
export function useUrlFit(ref: RefObject<HTMLElement | null>, text: string): void {
  useLayoutEffect(() => {
    const cell = ref.current;
    const ro = observer();
    if (!cell || !ro) return;
    const origin = cell.querySelector('.url-origin');
    ro.observe(cell);
    if (origin) ro.observe(origin);
    return () => {
      ro.unobserve(cell);
      if (origin) ro.unobserve(origin);
    };
  }, [ref, text]);
}
