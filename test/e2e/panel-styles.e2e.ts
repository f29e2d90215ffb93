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
