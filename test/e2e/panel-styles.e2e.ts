/**
 * What only real styles show: that focus is visible on every control the
 * keyboard reaches in the table, and that Windows high contrast (forced
 * colours) keeps the selection, the legend and pressed buttons visible.
 * The panel page shows an imported recording; no page or server is needed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without declarations (Node runs it directly)
import { syntheticRecording } from '../../bench/lib/synthetic-recording.mjs';
import { launch, type Launched } from './support/browser';
import { focusIndicator } from './support/panel-layout';
import { textPaint } from './support/pixels';

let b: Launched;

beforeAll(async () => {
  b = await launch();
}, 90_000);

afterAll(async () => {
  await b?.close();
});

async function panelWithFile(): Promise<Page> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  // A tab with no recording: the import is the only data.
  await page.goto(`chrome-extension://${b.extensionId}/src/panel/panel.html?tab=999999`);
  await page.setInputFiles('[data-testid="import-input"]', {
    name: 'some.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(syntheticRecording({ connections: 20 }))),
  });
  await page.locator('[data-testid="closure-row"]').nth(5).waitFor();
  return page;
}

describe('focus', () => {
  it('shows on a column header reached with Tab from the table', async () => {
    const page = await panelWithFile();
    await page.locator('.closures').focus();
    await page.keyboard.press('Tab');
    const header = await focusIndicator(page);
    expect(header?.element).toBe('button.sort-button');
    expect(header!.outline || header!.shadow, `the header shows focus: ${header!.describe}`).toBe(true);
    await page.close();
  });
});

describe('forced colours (Windows high contrast)', () => {
  async function forcedPanel(): Promise<Page> {
    const page = await panelWithFile();
    await page.emulateMedia({ forcedColors: 'active' });
    return page;
  }

  it.each([
    ['with the table focused', true],
    ['with focus elsewhere', false],
  ])('marks the selected row %s', async (_name, focused) => {
    const page = await forcedPanel();
    await page.locator('[data-testid="closure-row"]').nth(2).click();
    if (!focused) await page.getByRole('searchbox').focus();
    const looks = await page.locator('[data-testid="closure-row"]').evaluateAll((rows) =>
      rows.slice(0, 4).map((r) => {
        const s = getComputedStyle(r);
        return {
          selected: r.classList.contains('selected'),
          look: `${s.backgroundColor} ${s.color} ${s.outlineStyle}`,
        };
      }),
    );
    const selected = looks.filter((l) => l.selected);
    expect(selected).toHaveLength(1);
    for (const other of looks.filter((l) => !l.selected)) expect(other.look).not.toBe(selected[0]!.look);
    // Readable: no backplate of the page's background under the highlight's text (white on white).
    for (const cell of ['.cell-code', '.cell-initiator']) {
      const paint = await textPaint(page, page.locator(`[data-testid="closure-row"].selected ${cell}`));
      expect(paint.behind, `${cell}: text colour painted on the same colour`).not.toBe(paint.text);
    }
    await page.close();
  });

  it('keeps the legend swatches in the colours the canvas draws', async () => {
    const page = await forcedPanel();
    const swatches = await page
      .locator('.tl-legend .tl-swatch')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    const canvas = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(swatches.length).toBeGreaterThan(4);
    for (const bg of swatches) expect(bg, 'a swatch is not the page background').not.toBe(canvas);
    // The outcomes are told apart by colour, as on the canvas.
    expect(new Set(swatches.slice(0, 5)).size).toBe(5);
    await page.close();
  });

  it('shows "Follow live" pressed', async () => {
    const page = await forcedPanel();
    const follow = page.getByRole('button', { name: 'Follow live' });
    const look = () =>
      follow.evaluate((e) => {
        const s = getComputedStyle(e);
        return `${s.backgroundColor} ${s.color} ${s.outlineStyle} ${s.outlineWidth} ${s.borderWidth}`;
      });
    const before = await look();
    // Pressed or not, its text shows: no backplate of the page's background under the highlight's text.
    const readable = async () => {
      const paint = await textPaint(page, follow);
      expect(
        paint.behind,
        `text painted on its own colour (pressed: ${await follow.getAttribute('aria-pressed')})`,
      ).not.toBe(paint.text);
    };
    await readable();
    const wasPressed = await follow.getAttribute('aria-pressed');
    await follow.click();
    await expect.poll(() => follow.getAttribute('aria-pressed')).not.toBe(wasPressed);
    await page.getByRole('searchbox').focus(); // not the focus ring: the pressed state itself
    const after = await look();
    expect(after).not.toBe(before);
    await readable();
    await page.close();
  });
});
