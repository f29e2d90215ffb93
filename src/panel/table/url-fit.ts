/**
 * How a socket URL fits its table cell: whole, or "…" then the path (cut at
 * its end if need be). The origin is shown whole or not at all: a cut origin
 * ("w", "ws://127.0…") reads as part of the path or as another host. The
 * decision is pure; fitUrlCell reads the widths from layout and marks the cell,
 * and the stylesheet does the rest (panel.css, .url-cell[data-elided]).
 */
export type UrlFit = 'whole' | 'path';

/** Layout widths are fractional and scrollWidth is rounded: half a pixel of slack keeps an exact fit whole. */
const SLACK_PX = 0.5;

export function urlFit(originPx: number, pathPx: number, cellPx: number): UrlFit {
  return originPx === 0 || originPx + pathPx <= cellPx + SLACK_PX ? 'whole' : 'path';
}

interface Widths {
  cell: HTMLElement;
  fit: UrlFit;
}

function measure(cell: HTMLElement): Widths | undefined {
  const origin = cell.querySelector<HTMLElement>('.url-origin');
  const path = cell.querySelector<HTMLElement>('.url-path');
  if (!origin || !path) return undefined;
  // The origin keeps its natural width when hidden (clipped, out of flow), and the path's scrollWidth is its
  // text's width however much of it the cell shows.
  return { cell, fit: urlFit(origin.getBoundingClientRect().width, path.scrollWidth, cell.clientWidth) };
}

function mark({ cell, fit }: Widths): void {
  if (fit === 'path') cell.dataset.elided = 'true';
  else delete cell.dataset.elided;
}

/** Measures the cells, then marks them: all reads before any write, so one layout serves them all. */
export function fitUrlCells(cells: Iterable<HTMLElement>): void {
  const measured: Widths[] = [];
  for (const cell of cells) {
    const m = measure(cell);
    if (m) measured.push(m);
  }
  measured.forEach(mark);
}
