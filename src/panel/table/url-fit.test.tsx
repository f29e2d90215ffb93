import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fitUrlCells, urlFit } from './url-fit';
import { UrlCell } from './UrlCell';

afterEach(cleanup);

// The README screenshot's row: the origin "ws://127.0.0.1:35147" beside "/policy?token=REDACTED" in a
// cell a little narrower than both. The old layout shrank the origin to what was left, a pixel or two
// at the start of the cell, and showed its first letter: "w/policy?token=REDACTED".
const ORIGIN_PX = 131;
const PATH_PX = 146;

describe('urlFit', () => {
  it('drops the origin whole when both do not fit, however little is missing', () => {
    expect(urlFit(ORIGIN_PX, PATH_PX, ORIGIN_PX + PATH_PX - 1)).toBe('path');
    expect(urlFit(ORIGIN_PX, PATH_PX, PATH_PX + 1)).toBe('path');
    expect(urlFit(ORIGIN_PX, PATH_PX, 40)).toBe('path');
  });

  it('shows the whole URL when it fits, to the half pixel', () => {
    expect(urlFit(ORIGIN_PX, PATH_PX, ORIGIN_PX + PATH_PX)).toBe('whole');
    expect(urlFit(ORIGIN_PX + 0.4, PATH_PX, ORIGIN_PX + PATH_PX)).toBe('whole');
    expect(urlFit(ORIGIN_PX, PATH_PX, 1000)).toBe('whole');
  });

  it('has nothing to drop when the text had no origin', () => {
    expect(urlFit(0, PATH_PX, 40)).toBe('whole');
  });
});

/** What layout would report, set on the rendered elements (happy-dom has no layout). */
function layOut(cell: HTMLElement, px: { cell: number; origin: number; path: number }) {
  const origin = cell.querySelector<HTMLElement>('.url-origin')!;
  const path = cell.querySelector<HTMLElement>('.url-path')!;
  Object.defineProperty(cell, 'clientWidth', { configurable: true, value: px.cell });
  Object.defineProperty(path, 'scrollWidth', { configurable: true, value: px.path });
  origin.getBoundingClientRect = () => new DOMRect(0, 0, px.origin, 21);
}

describe('fitUrlCells on a rendered UrlCell', () => {
  const url = 'ws://127.0.0.1:35147/policy?token=REDACTED';

  it('marks a cell too narrow for the whole URL, so the stylesheet shows "…" and the path, no piece of the origin', () => {
    const { container } = render(<UrlCell url={url} />);
    const cell = container.querySelector<HTMLElement>('.url-cell')!;
    expect(cell.querySelector('.url-origin')?.textContent).toBe('ws://127.0.0.1:35147');
    expect(cell.querySelector('.url-path')?.textContent).toBe('/policy?token=REDACTED');

    layOut(cell, { cell: 150, origin: ORIGIN_PX, path: PATH_PX });
    fitUrlCells([cell]);
    expect(cell.dataset.elided).toBe('true');

    layOut(cell, { cell: 300, origin: ORIGIN_PX, path: PATH_PX });
    fitUrlCells([cell]);
    expect(cell.dataset.elided).toBeUndefined();
  });

  it('leaves text that is not a URL as it is', () => {
    const { container } = render(<UrlCell url="not a url" />);
    const cell = container.querySelector<HTMLElement>('.url-cell')!;
    Object.defineProperty(cell, 'clientWidth', { configurable: true, value: 10 });
    fitUrlCells([cell]);
    expect(cell.dataset.elided).toBeUndefined();
    expect(cell.textContent).toBe('not a url');
  });
});
