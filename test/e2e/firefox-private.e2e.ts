/**
 * Firefox's private windows, with the add-on allowed there (the default `spanning` mode, as in Chromium):
 * a private tab is recorded in storage.session, its popup disables the choices per site and says why, the
 * background refuses such a choice for it (settings are on disk, and it would outlast the private
 * session), and its recording is deleted when the private window closes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { openExtensionPage, requestView, waitForStoredRecording } from './support/firefox';
import { FIREFOX_SETUP_TIMEOUT_MS, useFirefoxAndServer } from './support/firefox-session';
import { allowInPrivateWindows } from './support/firefox-private';
import { closeEventOf } from '../../src/protocol/recording';
import { t } from './support/english';

const s = useFirefoxAndServer();
let page: Page;
let url: string;
let privateTab: number;
let privateWindow: number;

const B = 'globalThis.browser';
const sessionKeysOf = (tab: number) =>
  page.evaluate(
    `${B}.storage.session.get(null).then((all) => Object.keys(all).filter((k) => k.startsWith('t${tab}:')))`,
  ) as Promise<string[]>;

beforeAll(async () => {
  page = await allowInPrivateWindows(s.ff);
  url = s.server.page(
    '/ff-private',
    `<!doctype html><script>const w = new WebSocket('${s.server.wsOrigin}/ff-private'); w.onopen = () => w.close(1000);</script>`,
  );
  const win = JSON.parse(
    (await page.evaluate(
      `${B}.windows.create({ incognito: true, url: ${JSON.stringify(url)} }).then((w) => JSON.stringify({ id: w.id, tab: w.tabs[0].id, incognito: w.incognito }))`,
    )) as string,
  ) as { id: number; tab: number; incognito: boolean };
  expect(win.incognito).toBe(true);
  privateWindow = win.id;
  privateTab = await waitForStoredRecording(page, url, (r) => (r.connections.some(closeEventOf) ? r.tabId : undefined));
  expect(privateTab).toBe(win.tab);
}, FIREFOX_SETUP_TIMEOUT_MS);

describe('a private window in Firefox', () => {
  it('has the per-site switches of its tab disabled with the reason, and refuses such a choice', async () => {
    const popup = await openExtensionPage(
      s.ff.browser,
      `src/popup/popup.html?tab=${privateTab}`,
      'document.querySelector("[data-testid=private-site-choice]") && document.querySelector("label.pause input")',
    );
    expect(
      await popup.evaluate(
        `[document.querySelector('[data-testid=private-site-choice]').textContent, document.querySelector('label.pause input').disabled, document.querySelector('[data-testid=capture-content]').disabled]`,
      ),
    ).toEqual([t('ui_private_site_choice'), true, true]);
    await popup.close();
    const host = new URL(url).hostname;
    expect(
      await requestView(page, { type: 'set-settings', settings: { pausedSites: [host] }, tabId: privateTab }),
    ).toEqual({ type: 'error', message: t('bg_private_site_choice') });
    expect(JSON.stringify(await page.evaluate(`${B}.storage.local.get(null)`))).not.toContain(host);
  });

  it("deletes the private tab's recording when the private window closes", async () => {
    expect((await sessionKeysOf(privateTab)).length).toBeGreaterThan(0);
    await page.evaluate(`${B}.windows.remove(${privateWindow})`);
    await expect.poll(() => sessionKeysOf(privateTab), { timeout: 15_000 }).toEqual([]);
  });
});
