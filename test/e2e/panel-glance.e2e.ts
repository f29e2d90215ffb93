/**
 * The panel reads at a glance at the three DevTools sizes, answers the
 * keyboard with a visible focus, and passes axe.
 *
 * Sizes: docked bottom (1280×360), docked right (480×900), undocked
 * (1440×900). A DevTools window cannot be resized reliably from a test, so the
 * panel page itself (chrome-extension://…/panel.html?tab=N, the same page
 * DevTools shows, reading the same tab's recording) is opened in a tab with
 * each viewport. At each size the selected problem's code, its meaning, its
 * verdict sentence and delays, and its episode must be fully visible without
 * scrolling; every column header must be whole and clear of the detail pane;
 * each endpoint shows its origin whole or "…" then its path, never a piece of
 * the origin. At 1280 px wide and more every timeline legend entry is in view.
 *
 * axe-core (the real library) is injected into the panel and the popup; no
 * serious or critical violation may remain, in the light and the dark theme.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src/protocol/recording';
import { recordBlindRetryAndRestart } from './support/blind-retry-page';
import { focusIndicator, inside, layoutFacts, overlaps } from './support/panel-layout';
import { useBrowserAndServer } from './support/session';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const en = JSON.parse(
  readFileSync(join(resolve(__dirname, '../..'), 'public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const SIZES = [
  { name: 'docked bottom', width: 1280, height: 360 },
  { name: 'docked right', width: 480, height: 900 },
  { name: 'undocked', width: 1440, height: 900 },
] as const;

// Scrollbars as DevTools draws them on Linux and Windows: they take room from the panel's content.
const s = useBrowserAndServer({ scrollbars: true });
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

const problemRow = (page: Page) => page.locator('[data-testid="closure-row"][data-verdict="problem"]').first();

/** Selects the first problem closure (the 1008 that was retried blindly) and waits for its verdict. */
async function selectProblem(page: Page): Promise<void> {
  const row = problemRow(page);
  await row.waitFor();
  await row.click();
  await page.locator('[data-testid="detail-verdict-text"]').waitFor();
  await page.locator('[data-testid="detail-episode"]').waitFor();
}

describe('the panel at the three DevTools sizes', () => {
  it.each(SIZES)(
    '$name ($width×$height): code, meaning, verdict and episode in full view, headers whole, URLs never cut in the origin',
    async ({ width, height }) => {
      const page = await panelAt(width, height);
      await selectProblem(page);
      const f = await layoutFacts(page);
      expect(f.bodyScrollTop).toBe(0);
      // At 100 % the panel does not scroll as a page at any of the three sizes (docked at the bottom, the
      // main area's minimum height still fits below the toolbar and filters): everything above is in one view.
      expect(f.app, 'the panel itself does not scroll').toEqual({ overflow: 0, scrollTop: 0 });
      expect(f.parts.map((p) => p.name)).toEqual(['code', 'meaning', 'verdict', 'delays', 'episode']);
      for (const p of f.parts) {
        expect(inside(p.box, f.viewport), `${p.name} inside the viewport: ${JSON.stringify(p.box)}`).toBe(true);
        expect(
          inside(p.box, p.within),
          `${p.name} visible in the detail without scrolling: ${JSON.stringify(p.box)} in ${JSON.stringify(p.within)}`,
        ).toBe(true);
        expect(p.overflowX, `${p.name} not cut sideways`).toBeLessThanOrEqual(1);
        expect(p.overflowY, `${p.name} not cut below`).toBeLessThanOrEqual(1);
      }
      const text = (name: string) => f.parts.find((p) => p.name === name)?.text;
      // The parts hold what they name: the 1008's name and the catalog's explanation of it.
      expect(text('code')).toBe(`1008 ${en.code_ws_1008_name!.message}`);
      expect(text('meaning')).toBe(en.code_ws_1008_meaning!.message);

      expect(f.headers.map((h) => h.name).slice(0, 4)).toEqual(['Endpoint', 'Code', 'Closed by', 'Verdict']);
      for (const h of f.headers) {
        expect(
          inside(h.box, f.table),
          `header ${h.name} inside the table: ${JSON.stringify(h.box)} in ${JSON.stringify(f.table)}`,
        ).toBe(true);
        expect(overlaps(h.box, f.detail), `header ${h.name} clear of the detail pane`).toBe(false);
        expect(h.cut, `header ${h.name} text whole`).toBe(false);
      }

      expect(f.urlCells.length).toBeGreaterThan(0);
      for (const c of f.urlCells) {
        if (c.elided) {
          expect(c.originHidden, `${c.text}: the origin hidden whole`).toBe(true);
          expect(c.marker, `${c.text}: "…" stands for the origin`).toMatch(/^"…"/);
        } else {
          expect(c.originCut || c.originHidden, `${c.text}: the origin shown whole`).toBe(false);
        }
      }

      // Section titles are set in capitals, but the call one names keeps its case (innerText shows the
      // capitals as drawn).
      expect(await page.getByRole('region', { name: 'close() called from' }).locator('h3').innerText()).toBe(
        'close() CALLED FROM',
      );

      // The time of day whole wherever its column shows: cut, a 12-hour clock loses its AM/PM.
      const times = await page
        .locator('[data-testid="closure-row"] .cell-time')
        .evaluateAll((els) => els.map((e) => ({ text: e.textContent, cut: e.scrollWidth > e.clientWidth })));
      if (width >= 1280) expect(times.length).toBeGreaterThan(0);
      for (const c of times) expect(c.cut, `time "${c.text}" whole`).toBe(false);
      // And on one line in the detail's list of events, however narrow the pane or long the details: here
      // the list is squeezed to 160 px, where every other column's text wraps.
      const rawTimes = await page.locator('.raw-events .raw-time').evaluateAll((els) =>
        els.map((e) => {
          e.closest('table')!.style.width = '160px';
          const range = document.createRange();
          range.selectNodeContents(e);
          return { text: e.textContent, lines: new Set([...range.getClientRects()].map((r) => r.top)).size };
        }),
      );
      expect(rawTimes.length).toBeGreaterThan(0);
      for (const c of rawTimes) expect(c.lines, `event time "${c.text}" on one line`).toBe(1);

      // The axis (24 px) and at least two lanes (20 px each) are drawn in view, at every size.
      expect(f.lanes.bottom - f.lanes.top, `lanes in view: ${JSON.stringify(f.lanes)}`).toBeGreaterThanOrEqual(64);

      if (width < 760) {
        // Narrow: the legend is folded behind its button (it would fill the timeline's share), and unfolds.
        expect(f.legendToggle, 'the legend button shown').not.toBeNull();
        expect(f.legend.every((l) => l.box.bottom - l.box.top === 0)).toBe(true);
        await page.getByRole('button', { name: 'Legend' }).click();
        const open = await layoutFacts(page);
        expect(open.legend.map((l) => l.text)).toEqual(
          expect.arrayContaining(['Close ticks:', 'Policy or auth refusal']),
        );
        for (const l of open.legend)
          expect(inside(l.box, open.timelineToolbar), `legend entry "${l.text}" shown: ${JSON.stringify(l.box)}`).toBe(
            true,
          );
      } else expect(f.legendToggle, 'no legend button where the legend always shows').toBeNull();

      if (width >= 1280) {
        expect(f.legendScrolls, 'the legend does not scroll sideways').toBe(false);
        expect(inside(f.timelineToolbar, f.timelinePane), 'the legend inside the timeline').toBe(true);
        // Every entry, the close-tick colours among them, is on screen.
        expect(f.legend.map((l) => l.text)).toEqual(expect.arrayContaining(['Close ticks:', 'Policy or auth refusal']));
        for (const l of f.legend)
          expect(inside(l.box, f.timelineToolbar), `legend entry "${l.text}" in view: ${JSON.stringify(l.box)}`).toBe(
            true,
          );
      }
      await page.close();
    },
  );
});

describe('the Columns menu at the three DevTools sizes, and docked right narrow', () => {
  it.each([...SIZES, { name: 'docked right, narrow', width: 320, height: 800 }])(
    '$name ($width×$height): opens whole inside the panel, wherever its button wraps to',
    async ({ width, height }) => {
      const page = await panelAt(width, height);
      await problemRow(page).waitFor();
      const menu = page.getByTestId('columns-menu');
      await menu.locator('summary').click();
      const list = menu.locator('.columns-menu-list');
      await list.waitFor();
      const boxes = await list.evaluate((el) =>
        [el, ...el.querySelectorAll('label, button')].map((e) => {
          const r = e.getBoundingClientRect();
          return { text: e.textContent ?? '', left: r.left, right: r.right };
        }),
      );
      expect(boxes.length).toBeGreaterThan(2);
      for (const b of boxes) {
        expect(b.left, `"${b.text}" not cut at the panel's left edge`).toBeGreaterThanOrEqual(0);
        expect(b.right, `"${b.text}" not cut at the panel's right edge`).toBeLessThanOrEqual(width);
      }
      // Still a working menu: a column can be hidden and shown again from it.
      const reason = list.locator('input[data-column="reason"]');
      await reason.click();
      expect(await reason.isChecked()).toBe(false);
      await reason.click();
      expect(await reason.isChecked()).toBe(true);
      await page.close();
    },
  );
});

describe('the Columns menu when the panel is resized while it is open', () => {
  it('opens undocked, and is whole inside the panel again once docked at the bottom (its button on a row of its own)', async () => {
    const page = await panelAt(1440, 900);
    await problemRow(page).waitFor();
    const menu = page.getByTestId('columns-menu');
    await menu.locator('summary').click();
    const list = menu.locator('.columns-menu-list');
    await list.waitFor();
    const leftmost = () =>
      list.evaluate((el) =>
        Math.min(...[el, ...el.querySelectorAll('label, button')].map((e) => e.getBoundingClientRect().left)),
      );
    expect(await leftmost()).toBeGreaterThanOrEqual(0);
    // Docked at the bottom the filter bar wraps and the button starts a row: lined up with its end, the
    // list would reach past the panel's left edge, with no checkbox reachable.
    await page.setViewportSize({ width: 1280, height: 360 });
    await expect.poll(leftmost).toBeGreaterThanOrEqual(0);
    const right = await list.evaluate((el) => el.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(1280);
    await page.close();
  });
});

describe("an open connection's row", () => {
  it.each(SIZES)('$name ($width×$height): its "open" tag is whole inside the row', async ({ width, height }) => {
    const page = await panelAt(width, height);
    const tag = page.locator('[data-testid="closure-row"][data-open="true"] .tag-open').first();
    await tag.waitFor();
    const { tagBox, cellBox } = await tag.evaluate((el) => {
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      };
      return { tagBox: box(el), cellBox: box(el.closest('.closures-cell')!) };
    });
    // The cell clips what overflows it: a tag taller than the row loses its bottom border.
    expect(inside(tagBox, cellBox), `${JSON.stringify(tagBox)} in ${JSON.stringify(cellBox)}`).toBe(true);
    await page.close();
  });
});

describe('the panel zoomed to 200 %', () => {
  // Docked at the bottom 720 px high, and docked right 960 px wide, at 200 %: the page lays out half of each.
  // The toolbar, filters and banners take most of that height; the panel then scrolls as a page, and the
  // timeline, table and detail keep a usable height below them.
  it.each([
    { name: 'docked bottom', width: 640, height: 360 },
    { name: 'docked right', width: 480, height: 450 },
  ])(
    '$name ($width×$height): scrolled down, whole rows and, once a row is clicked, its code, meaning and verdict in view',
    async ({ width, height }) => {
      const page = await panelAt(width, height);
      const row = problemRow(page);
      await row.waitFor({ state: 'attached' });
      // The wheel over the toolbar scrolls the panel itself (the timeline and the table take the wheel
      // for their own scrolling).
      await page.mouse.move(width / 2, 4);
      await page.mouse.wheel(0, 2000);
      await expect.poll(() => page.evaluate(() => document.querySelector('.app')!.scrollTop)).toBeGreaterThan(0);
      const wholeRows = () =>
        page.locator('[data-testid="closure-row"]').evaluateAll((rows) => {
          const body = rows[0]!.closest('.closures-body')!.getBoundingClientRect();
          const top = Math.max(0, body.top);
          const bottom = Math.min(innerHeight, body.bottom);
          return rows.filter((r) => {
            const b = r.getBoundingClientRect();
            return b.top >= top - 0.5 && b.bottom <= bottom + 0.5;
          }).length;
        });
      expect(await wholeRows(), 'whole table rows in view').toBeGreaterThanOrEqual(4);

      // A click selects the row it was pressed on, even with the table cut by the panel's bottom edge:
      // nothing may scroll between the press and the release (the row would move from under the pointer).
      const at = await row.evaluate((r) => {
        const app = document.querySelector('.app')!;
        app.scrollTop += r.getBoundingClientRect().bottom - innerHeight + 1;
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2, below: b.bottom < innerHeight };
      });
      expect(at.below, 'the row at the bottom edge, whole').toBe(true);
      await page.mouse.click(at.x, at.y);
      await page.locator('[data-testid="detail-verdict-text"]').waitFor();
      expect(await row.getAttribute('aria-selected')).toBe('true');
      await page.mouse.move(width / 2, 4);
      await page.mouse.wheel(0, 2000);
      const f = await layoutFacts(page);
      for (const p of f.parts.filter((x) => ['code', 'meaning', 'verdict'].includes(x.name))) {
        expect(inside(p.box, f.viewport), `${p.name} inside the viewport: ${JSON.stringify(p.box)}`).toBe(true);
        expect(inside(p.box, p.within), `${p.name} visible in the detail without scrolling it`).toBe(true);
      }
      expect(await wholeRows(), 'whole table rows in view beside the detail').toBeGreaterThanOrEqual(2);
      await page.close();
    },
  );

  // Just wider than the stacking width, a panel that scrolls loses its scrollbar's width: the main area is
  // then narrow enough to stack, and must keep the stacked minimum (the detail and the table share it),
  // not the side-by-side one the window's width alone would give.
  it.each([765, 770, 775])('%i×300, scrolled: stacked, with the stacked minimum height', async (width) => {
    const page = await panelAt(width, 300);
    await problemRow(page).waitFor({ state: 'attached' });
    const f = await page.evaluate(() => {
      const app = document.querySelector('.app')!;
      const main = document.querySelector('.app-main')!;
      return {
        scrollbar: innerWidth - app.clientWidth,
        scrolls: app.scrollHeight > app.clientHeight,
        mainWidth: main.getBoundingClientRect().width,
        stacked: getComputedStyle(document.querySelector('.workspace')!).flexDirection === 'column',
        mainHeight: main.getBoundingClientRect().height,
      };
    });
    // The case exists only with a scrollbar that takes room (not an overlay one): say so if that changes.
    expect(f.scrolls, 'the panel scrolls at this height').toBe(true);
    expect(f.scrollbar, 'a scrollbar that takes width').toBeGreaterThan(width - 761);
    expect(f.mainWidth).toBeLessThanOrEqual(760);
    expect(f.stacked, 'stacked beside a main area of 760 px or less').toBe(true);
    expect(f.mainHeight, 'the stacked minimum: the whole panel height (less than 400 px)').toBeGreaterThanOrEqual(
      300 - 0.5,
    );
    await page.close();
  });
});

describe('the keyboard', () => {
  it('shows where focus is: on the table after Tab and ↓, on the detail after Enter, back on the table after Esc', async () => {
    const page = await panelAt(1280, 360);
    await problemRow(page).waitFor();
    // Tab from the top of the page, as a keyboard user reaches the table.
    for (let i = 0; i < 60; i++) {
      if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'grid')) break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
    await page.keyboard.press('ArrowDown');
    const selected = page.locator('[data-testid="closure-row"].selected');
    await selected.waitFor();
    const table = await focusIndicator(page);
    expect(table?.element, 'the table has focus').toContain('closures');
    expect(table!.outline || table!.shadow, `the table shows focus: ${table!.describe}`).toBe(true);
    // The selected row stands out from the others while the table has focus.
    const backgrounds = await page
      .locator('[data-testid="closure-row"]')
      .evaluateAll((rows) => rows.map((r) => [r.classList.contains('selected'), getComputedStyle(r).backgroundColor]));
    const selectedBg = backgrounds.find(([sel]) => sel)?.[1];
    expect(backgrounds.filter(([sel]) => !sel).map(([, bg]) => bg)).not.toContain(selectedBg);

    await page.keyboard.press('Enter');
    await page.locator('[data-testid="detail-pane"]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    const heading = await focusIndicator(page);
    expect(heading!.outline || heading!.shadow, `the detail heading shows focus: ${heading!.describe}`).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
    const back = await focusIndicator(page);
    expect(back!.outline || back!.shadow, `the table shows focus again: ${back!.describe}`).toBe(true);
    await page.close();
  });
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
