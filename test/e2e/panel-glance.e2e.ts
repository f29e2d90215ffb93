/**
 * The panel reads at a glance at the three DevTools sizes, and passes axe.
 *
 * Sizes: docked bottom (1280×360), docked right (480×900), undocked
 * (1440×900). A DevTools window cannot be resized reliably from a test, so the
 * panel page itself (chrome-extension://…/panel.html?tab=N, the same page
 * DevTools shows, reading the same tab's recording) is opened in a tab with
 * each viewport. At each size the selected problem's verdict sentence and its
 * episode must be fully visible without scrolling, and every column header
 * must be whole and clear of the detail pane.
 *
 * axe-core (the real library) is injected into the panel and the popup; no
 * serious or critical violation may remain, in the light and the dark theme.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src/protocol/recording';
import { recordBlindRetryAndRestart } from './support/blind-retry-page';
import { useBrowserAndServer } from './support/session';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SIZES = [
  { name: 'docked bottom', width: 1280, height: 360 },
  { name: 'docked right', width: 480, height: 900 },
  { name: 'undocked', width: 1440, height: 900 },
] as const;

const s = useBrowserAndServer();
let rec: Recording;

beforeAll(async () => {
  // /policy: refused with 1008 and retried at once, 4 times (a blind retry: a problem with an episode).
  // /restart: 1012, reconnected after 1 s (fits) and still open.
  rec = await recordBlindRetryAndRestart(s, '/glance', 1000, 30_000);
}, 90_000);

async function panelAt(width: number, height: number, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await s.b.context.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${rec.tabId}`);
  return page;
}

/** Selects the first problem closure (the 1008 that was retried blindly) and waits for its verdict. */
async function selectProblem(page: Page): Promise<void> {
  const row = page.locator('[data-testid="closure-row"][data-verdict="problem"]').first();
  await row.waitFor();
  await row.click();
  await page.locator('[data-testid="detail-verdict-text"]').waitFor();
  await page.locator('[data-testid="detail-episode"]').waitFor();
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface LayoutFacts {
  viewport: { width: number; height: number };
  bodyScrollTop: number;
  body: Box;
  parts: { name: string; box: Box; overflowX: number; overflowY: number }[];
  table: Box;
  detail: Box;
  headers: { name: string; box: Box; cut: boolean }[];
}

function layoutFacts(page: Page): Promise<LayoutFacts> {
  return page.evaluate(() => {
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
    const parts = ['detail-verdict-text', 'detail-episode'].map((id) => {
      const el = one(`[data-testid="${id}"]`);
      return {
        name: id,
        box: box(el),
        overflowX: el.scrollWidth - el.clientWidth,
        overflowY: el.scrollHeight - el.clientHeight,
      };
    });
    const headers = [...document.querySelectorAll('.closures [role="columnheader"]')].map((h) => {
      const b = h.querySelector('button')!;
      return { name: h.getAttribute('aria-label') ?? '', box: box(h), cut: b.scrollWidth > b.clientWidth + 1 };
    });
    return {
      viewport: { width: innerWidth, height: innerHeight },
      bodyScrollTop: body.scrollTop,
      body: box(body),
      parts,
      table: box(one('.closures')),
      detail: box(one('[data-testid="detail-pane"]')),
      headers,
    };
  });
}

const inside = (a: Box, b: Box) =>
  a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
const overlaps = (a: Box, b: Box) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

describe('the panel at the three DevTools sizes', () => {
  it.each(SIZES)(
    '$name ($width×$height): the verdict and episode are in full view, every header whole and clear of the detail',
    async ({ width, height }) => {
      const page = await panelAt(width, height);
      await selectProblem(page);
      const f = await layoutFacts(page);
      const viewport = { left: 0, top: 0, right: f.viewport.width, bottom: f.viewport.height };
      expect(f.bodyScrollTop).toBe(0);
      for (const p of f.parts) {
        expect(inside(p.box, viewport), `${p.name} inside the viewport: ${JSON.stringify(p.box)}`).toBe(true);
        expect(
          inside(p.box, f.body),
          `${p.name} visible in the detail without scrolling: ${JSON.stringify(p.box)} in ${JSON.stringify(f.body)}`,
        ).toBe(true);
        expect(p.overflowX, `${p.name} not cut sideways`).toBeLessThanOrEqual(1);
        expect(p.overflowY, `${p.name} not cut below`).toBeLessThanOrEqual(1);
      }
      expect(f.headers.map((h) => h.name).slice(0, 4)).toEqual(['Endpoint', 'Code', 'Closed by', 'Verdict']);
      for (const h of f.headers) {
        expect(
          inside(h.box, f.table),
          `header ${h.name} inside the table: ${JSON.stringify(h.box)} in ${JSON.stringify(f.table)}`,
        ).toBe(true);
        expect(overlaps(h.box, f.detail), `header ${h.name} clear of the detail pane`).toBe(false);
        expect(h.cut, `header ${h.name} text whole`).toBe(false);
      }
      await page.close();
    },
  );
});

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => (globalThis as unknown as { axe: { run(): Promise<unknown> } }).axe.run());
  return (result as AxeResult).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe('axe-core', () => {
  it.each(['light', 'dark'] as const)(
    'finds no serious or critical violation in the panel (%s), with the detail and with help open',
    async (scheme) => {
      const page = await panelAt(1280, 720, scheme);
      await selectProblem(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'How to read this panel' }).click();
      await page.getByRole('dialog').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it.each(['light', 'dark'] as const)('finds no serious or critical violation in the popup (%s)', async (scheme) => {
    const page = await s.b.context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${rec.tabId}`);
    await page.locator('.groups .group').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
