/**
 * A tab whose page has no hook gets a notice in the popup and the panel. Pages opened before the extension
 * was installed or updated have none (Chromium injects content scripts only into pages loaded afterwards),
 * nor do pages the browser keeps extensions out of: the notice covers both, since no relay answers the
 * background's ping in either, and telling them apart takes the tab's address, which needs a permission.
 * Here the hookless pages are a data: URL and one of the browser's own pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Launched } from './support/browser';
import { startServer } from './support/servers';
import { waitForRecording } from './support/recording';
import { t } from './support/english';

let b: Launched;
beforeAll(async () => {
  b = await launch();
});
afterAll(async () => b?.close());

describe('tabs without the hook', () => {
  it.each(['data:text/html,<p>no hook here</p>', 'chrome://version/'])(
    'say so in the popup and the panel: %s',
    async (address) => {
      const page = await b.context.newPage();
      await page.goto(address);
      await page.bringToFront();
      const tabId = await b.worker.evaluate(
        async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      );
      expect(typeof tabId).toBe('number');

      const popup = await b.context.newPage();
      await popup.goto(`chrome-extension://${b.extensionId}/src/popup/popup.html?tab=${tabId}`);
      await expect.poll(() => popup.getByText(t('popup_no_hook')).count(), { timeout: 10_000 }).toBe(1);
      const panel = await b.context.newPage();
      await panel.goto(`chrome-extension://${b.extensionId}/src/panel/panel.html?tab=${tabId}`);
      // Shown once, as a banner, and said by the panel's live region (which the banner is not).
      await expect
        .poll(() => panel.locator('.banner').getByText(t('panel_status_no_hook')).count(), { timeout: 10_000 })
        .toBe(1);
      expect(await panel.locator('.banner').getAttribute('role')).toBeNull();
      expect(await panel.getByTestId('panel-announcer').textContent()).toBe(t('panel_status_no_hook'));
    },
  );

  it('do not show the notice for a page that has the hook', async () => {
    const server = await startServer();
    try {
      const url = server.page('/hooked', '<!doctype html><p>hooked</p>');
      const page = await b.context.newPage();
      await page.goto(url);
      const tabId = (await waitForRecording(b.worker, url, (r) => r)).tabId;
      const popup = await b.context.newPage();
      await popup.goto(`chrome-extension://${b.extensionId}/src/popup/popup.html?tab=${tabId}`);
      // The empty state shows once the status is known, and it is not the no-hook notice.
      await popup.getByText(t('popup_empty')).waitFor();
      expect(await popup.getByText(t('popup_no_hook')).count()).toBe(0);
    } finally {
      await server.close();
    }
  });
});
