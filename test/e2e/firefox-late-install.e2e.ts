/**
 * Firefox adds an add-on's content scripts to the tabs already open when it is
 * installed or updated (Chromium does not: those tabs have no hook). The hook
 * then arrives after the page's start: it records the sockets opened from then
 * on, but not the ones already open. The popup and the panel must say so, and
 * stop saying it once the page is reloaded.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { openExtensionPage, requestView, waitForStoredRecording } from './support/firefox';
import { useFirefoxAndServer } from './support/firefox-session';
import { EXTENSION_UUID, geckoIdOf } from '../../scripts/lib/launch-firefox.mjs';
import { FIREFOX_DIST } from '../../scripts/lib/dist.mjs';
import { closeEventOf } from '../../src/protocol/recording';
import { t } from './support/english';

// Installed by the test, after the page is open; the uuid pref still fixes the extension pages' origin.
const s = useFirefoxAndServer(() => ({
  extension: false,
  prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoIdOf()]: EXTENSION_UUID }) },
}));

const popupNotice = (popup: Page) =>
  popup.$$eval('.popup > .notice', (els) => els.map((e) => [e.getAttribute('class'), e.textContent]));

describe('Closeline installed in Firefox while a page is open', () => {
  it('says connections opened before the install are not recorded, until the page is reloaded', async () => {
    const url = s.server.page(
      '/firefox-late',
      `<!doctype html><script>
      window.connect = (path) => new WebSocket('${s.server.wsOrigin}' + path);
      connect('/before');
    </script>`,
    );
    const page = await s.ff.browser.newPage();
    await page.goto(url);
    const before = await s.server.connectionTo('/before');

    await s.ff.browser.installExtension(FIREFOX_DIST);
    const ext = await openExtensionPage(s.ff.browser, 'src/devtools/devtools.html');
    // Match patterns take no port: the tab is found by its URL among all of them.
    const tabId = await ext.evaluate(async (u) => {
      const tabs = await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({});
      return tabs.find((tab) => tab.url === u)?.id;
    }, url);
    expect(tabId).toBeTypeOf('number');

    // The hook Firefox added records a socket opened now; the one opened before is missed.
    await page.evaluate(() => (window as unknown as { connect(p: string): WebSocket }).connect('/after'));
    (await s.server.connectionTo('/after')).ws.close(1012, 'Service Restart');
    before.ws.close(1012, 'Service Restart');
    const rec = await waitForStoredRecording(
      ext,
      url,
      (r) => r.connections.some((c) => c.url.endsWith('/after') && closeEventOf(c)) && r,
    );
    expect(rec.connections.map((c) => new URL(c.url).pathname)).toEqual(['/after']);

    const popup = await openExtensionPage(
      s.ff.browser,
      `src/popup/popup.html?tab=${tabId}`,
      'document.querySelector(".popup > .notice") && document.querySelector(".closures .closure")',
    );
    expect(await popupNotice(popup)).toEqual([['notice', t('popup_late')]]);
    await popup.close();
    const panel = await openExtensionPage(
      s.ff.browser,
      `src/panel/panel.html?tab=${tabId}`,
      'document.querySelector(".banner")',
    );
    const banners = () => panel.$$eval('.banner', (els) => els.map((e) => e.textContent));
    expect(await banners()).toContainEqual(expect.stringContaining(t('panel_status_late')));

    // A reload runs the hook from the page's start: nothing is missed any more, and neither view says so.
    await page.reload();
    await s.server.connectionTo('/before', 1);
    await expect
      .poll(async () => (await banners()).some((b) => b?.includes(t('panel_status_late'))), { timeout: 10_000 })
      .toBe(false);
    // What the popup asks when it opens: the hook is there from the start now.
    expect(await requestView(ext, { type: 'get-status', tabId: tabId! })).toEqual({
      type: 'status',
      status: 'capturing',
    });
  });
});
