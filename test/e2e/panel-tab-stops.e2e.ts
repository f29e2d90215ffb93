/**
 * The table is one tab stop for its rows: Chromium makes a scroll container
 * with no focusable content a tab stop of its own, and the rows' scroller was
 * one, named with the whole table's text. Only real Chromium shows it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without declarations (Node runs it directly)
import { syntheticRecording } from '../../bench/lib/synthetic-recording.mjs';
import { launch, type Launched } from './support/browser';

let b: Launched;
let page: Page;

beforeAll(async () => {
  b = await launch();
  page = await b.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`chrome-extension://${b.extensionId}/src/panel/panel.html?tab=999999`);
  await page.setInputFiles('[data-testid="import-input"]', {
    name: 'many.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(syntheticRecording({ connections: 200 }))),
  });
  await page.locator('[data-testid="closure-row"]').nth(20).waitFor();
}, 90_000);

afterAll(async () => {
  await b?.close();
});

const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { inTable: !!el?.closest('.closures'), role: el?.getAttribute('role') ?? el?.tagName ?? '' };
  });

describe('tab stops in the table', () => {
  it('Tab goes from the table through its header controls and out, never to the rows scroller', async () => {
    await page.locator('.closures').focus();
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (!f.inTable) break;
      stops.push(f.role);
    }
    expect(stops.length, 'Tab left the table').toBeLessThan(40);
    expect(stops).not.toContain('rowgroup');
  });

  it('a click on a row leaves focus on the grid, where the arrow keys work', async () => {
    await page.locator('[data-testid="closure-row"]').nth(3).click();
    expect((await focused()).role).toBe('grid');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.locator('.closures').getAttribute('aria-activedescendant'))
      .toBe(await page.locator('[data-testid="closure-row"]').nth(4).getAttribute('id'));
  });
});
