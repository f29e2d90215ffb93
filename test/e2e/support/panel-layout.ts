/**
 * Where the panel's parts sit, read from the real layout of a panel page with
 * a closure selected (test/e2e/panel-glance.e2e.ts judges them).
 */
import type { Page } from 'playwright-core';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Part {
  name: string;
  text: string;
  box: Box;
  /** The box it must sit in without scrolling: the detail pane for its heading, the detail's body otherwise. */
  within: Box;
  overflowX: number;
  overflowY: number;
}

export interface UrlCellFacts {
  text: string;
  elided: boolean;
  /** The origin's visible box when shown, its natural width against the cell's when not. */
  originCut: boolean;
  originHidden: boolean;
  marker: string;
}

export interface LayoutFacts {
  viewport: Box;
  bodyScrollTop: number;
  /** How far the panel itself (.app, which scrolls as a page when it is short) scrolls, and is scrolled. */
  app: { overflow: number; scrollTop: number };
  parts: Part[];
  table: Box;
  detail: Box;
  headers: { name: string; box: Box; cut: boolean }[];
  legend: { text: string; box: Box }[];
  legendScrolls: boolean;
  timelineToolbar: Box;
  timelinePane: Box;
  /** The legend's fold button, null where it is not shown (a wide panel). */
  legendToggle: Box | null;
  /** Where the lanes are drawn: the canvas's box, cut to the timeline's pane. */
  lanes: Box;
  urlCells: UrlCellFacts[];
}

/** The selected closure's code (the detail's heading), its meaning, its verdict and its episode. */
export const DETAIL_PARTS = [
  ['code', '[data-testid="detail-pane"] .detail-head h2'],
  ['meaning', '[data-testid="detail-meaning"]'],
  ['verdict', '[data-testid="detail-verdict-text"]'],
  ['delays', '[data-testid="detail-verdict"] .facts'],
  ['episode', '[data-testid="detail-episode"]'],
] as const;

export function layoutFacts(page: Page): Promise<LayoutFacts> {
  return page.evaluate(async (partSelectors) => {
    // The URL cells decide what fits in a ResizeObserver callback, after layout: let two frames pass so a
    // re-render just before this read has been measured and marked.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const one = (sel: string) => {
      const el = document.querySelector(sel);
      if (!el) throw new Error(`no ${sel}`);
      return el as HTMLElement;
    };
    const body = one('[data-testid="detail-pane"] .detail-body');
    const detail = one('[data-testid="detail-pane"]');
    const parts = partSelectors.map(([name, sel]) => {
      const el = one(sel);
      return {
        name,
        text: el.textContent ?? '',
        box: box(el),
        within: box(body.contains(el) ? body : detail),
        overflowX: el.scrollWidth - el.clientWidth,
        overflowY: el.scrollHeight - el.clientHeight,
      };
    });
    const headers = [...document.querySelectorAll('.closures [role="columnheader"]')].map((h) => {
      const b = h.querySelector('button')!;
      return { name: h.getAttribute('aria-label') ?? '', box: box(h), cut: b.scrollWidth > b.clientWidth + 1 };
    });
    const legendList = one('.tl-legend');
    const urlCells = [...document.querySelectorAll<HTMLElement>('.closures-body .url-cell')].map((cell) => {
      const origin = cell.querySelector<HTMLElement>('.url-origin');
      const o = origin ? box(origin) : undefined;
      const c = box(cell);
      return {
        text: cell.textContent ?? '',
        elided: cell.dataset.elided === 'true',
        originCut: !!o && (o.right > c.right + 0.5 || origin!.scrollWidth > origin!.clientWidth),
        originHidden: !!origin && getComputedStyle(origin).clipPath !== 'none',
        marker: getComputedStyle(cell, '::before').content,
      };
    });
    return {
      viewport: { left: 0, top: 0, right: innerWidth, bottom: innerHeight },
      bodyScrollTop: body.scrollTop,
      app: (() => {
        const a = one('.app');
        return { overflow: a.scrollHeight - a.clientHeight, scrollTop: a.scrollTop };
      })(),
      parts,
      table: box(one('.closures')),
      detail: box(detail),
      headers,
      legend: [...legendList.querySelectorAll('li')].map((li) => ({ text: li.textContent ?? '', box: box(li) })),
      legendScrolls: legendList.scrollWidth > legendList.clientWidth + 1,
      timelineToolbar: box(one('.tl-toolbar')),
      timelinePane: box(one('.tl-root').parentElement!),
      legendToggle: (() => {
        const b = one('.tl-legend-toggle');
        return getComputedStyle(b).display === 'none' ? null : box(b);
      })(),
      lanes: (() => {
        const c = box(one('.tl-canvas-wrap'));
        const p = box(one('.tl-root').parentElement!);
        return { left: c.left, right: c.right, top: Math.max(c.top, p.top), bottom: Math.min(c.bottom, p.bottom) };
      })(),
      urlCells,
    };
  }, DETAIL_PARTS);
}

export const inside = (a: Box, b: Box) =>
  a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
export const overlaps = (a: Box, b: Box) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** How the focused element shows focus: its outline and box-shadow as computed. */
export function focusIndicator(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return {
      element: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`,
      outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
      shadow: s.boxShadow !== 'none' && s.boxShadow !== '',
      describe: `outline ${s.outlineStyle} ${s.outlineWidth}, box-shadow ${s.boxShadow}`,
    };
  });
}
