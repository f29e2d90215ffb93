/**
 * A short panel keeps lanes in view. DevTools docked at the bottom and dragged low, or a legend that
 * wraps to four lines in Arabic, left the timeline's share to its toolbar and no lane showed: the
 * legend now folds behind its button when the lanes would get less than the axis and two lanes.
 * Docked right and narrow (its toolbar's controls on two lines), the timeline's share of the stacked
 * view was less than its toolbar and those lanes: the pane now gives it that much.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src/protocol/recording';
import { recordBlindRetryAndRestart } from './support/blind-retry-page';
import { layoutFacts } from './support/panel-layout';
import { useBrowserAndServer } from './support/session';

const s = useBrowserAndServer();
let rec: Recording;

beforeAll(async () => {
  rec = await recordBlindRetryAndRestart(s, '/short', 1000, 30_000);
}, 90_000);

async function panelAt(width: number, height: number, lang: 'en' | 'ar'): Promise<Page> {
  const page = await s.b.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${rec.tabId}`);
  if (lang !== 'en') {
    await page.locator('[data-testid="language"]').selectOption(lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
  // The detail open, as while reading a closure: the timeline is narrower, its legend wraps more.
  const row = page.locator('[data-testid="closure-row"][data-verdict="problem"]').first();
  await row.click();
  await page.locator('[data-testid="detail-verdict-text"]').waitFor();
  return page;
}

/** Lanes drawn in view: the axis (24 px) and two lanes (20 px each). */
const MIN_LANES = 64;

describe('the timeline in a short panel', () => {
  it.each([
    { width: 1280, height: 300, lang: 'en' },
    { width: 1280, height: 290, lang: 'ar' },
    { width: 320, height: 800, lang: 'en' },
    { width: 480, height: 600, lang: 'ar' },
  ] as const)('$width×$height ($lang): the axis and two lanes in view, the legend behind its button', async (p) => {
    const page = await panelAt(p.width, p.height, p.lang);
    const toggle = page.locator('.tl-legend-toggle');
    await expect.poll(() => toggle.isVisible()).toBe(true);
    const f = await layoutFacts(page);
    expect(f.lanes.bottom - f.lanes.top, `lanes in view: ${JSON.stringify(f.lanes)}`).toBeGreaterThanOrEqual(MIN_LANES);
    // Still there to read: the button unfolds it.
    await toggle.click();
    await expect.poll(() => page.locator('.tl-legend').isVisible()).toBe(true);
    await page.close();
  });

  it('1280×900: tall enough, the legend stays unfolded and no button shows', async () => {
    const page = await panelAt(1280, 900, 'ar');
    await page.locator('.tl-legend').waitFor();
    expect(await page.locator('.tl-legend-toggle').isVisible()).toBe(false);
    await page.close();
  });
});
