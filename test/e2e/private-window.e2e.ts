/**
 * Private (incognito) windows, with the extension allowed there (Chromium's default "spanning" mode: one
 * worker for both kinds of window). A private tab is recorded like any other, in storage.session (memory);
 * its popup, opened in the private window, shows it; a choice per site made from it is refused, since the
 * settings are stored on disk and it would outlast the private session; and its recording is deleted when
 * the private session ends, also when the worker was stopped at that moment.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { allowInIncognito } from './support/incognito';
import { instanceId, stopServiceWorker } from './support/worker';
import { t } from './support/english';
import { closeEventOf } from '../../src/protocol/recording';
import { wrap } from '../../src/protocol/messages';

const s = useBrowserAndServer();
let worker: Worker;
let url: string;
let privateTab: number;
let privateWindow: number;
const HOST = 'private-site.localhost';

beforeAll(async () => {
  worker = await allowInIncognito(s.b);
  url = s.server
    .page(
      '/private',
      `<!doctype html><script>const w = new WebSocket('${s.server.wsOrigin}/private'); w.onopen = () => w.close(1000);</script>`,
    )
    .replace('127.0.0.1', HOST);
  const win = await worker.evaluate(
    (u) => chrome.windows.create({ incognito: true, url: u }).then((w) => ({ id: w!.id!, tab: w!.tabs![0]! })),
    url,
  );
  expect(win.tab.incognito).toBe(true);
  privateWindow = win.id;
  privateTab = await waitForRecording(worker, url, (r) => (r.connections.some(closeEventOf) ? r.tabId : undefined));
  expect(privateTab).toBe(win.tab.id);
});

/** An extension page with no port to the worker (the DevTools page, opened as a tab, registers nothing). */
async function extensionPage(): Promise<Page> {
  const page = await s.b.context.newPage();
  await page.goto(`chrome-extension://${s.b.extensionId}/src/devtools/devtools.html`);
  return page;
}

/** The action popup's note and switches, read from an extension page of the same process. */
const popupState = (page: Page) =>
  page.evaluate(() => {
    const doc = chrome.extension.getViews({ type: 'popup' })[0]?.document;
    const box = (sel: string) => doc?.querySelector<HTMLInputElement>(sel)?.disabled;
    return {
      note: doc?.querySelector('[data-testid="private-site-choice"]')?.textContent ?? null,
      pauseDisabled: box('label.pause input'),
      contentDisabled: box('[data-testid="capture-content"]'),
      closure: doc?.body.textContent?.includes('Normal Closure') ?? false,
    };
  });

describe('a private window', () => {
  it('has its popup show the private tab, with the choices per site refused there and nothing stored', async () => {
    await worker.evaluate((id) => chrome.action.openPopup({ windowId: id }), privateWindow);
    const page = await extensionPage();
    await expect
      .poll(() => popupState(page))
      .toEqual({ note: t('ui_private_site_choice'), pauseDisabled: true, contentDisabled: true, closure: true });

    // What a view sends for a click on either switch, were it offered: refused, with the reason.
    for (const settings of [{ pausedSites: [HOST] }, { contentCapture: { [HOST]: true } }]) {
      const answer = await page.evaluate(
        (msg) => chrome.runtime.sendMessage(msg),
        wrap({ type: 'set-settings', settings, tabId: privateTab }),
      );
      expect(answer).toMatchObject({ msg: { type: 'error', message: t('bg_private_site_choice') } });
    }
    // Settings other than a site's are stored from there as from anywhere.
    const other = await page.evaluate(
      (msg) => chrome.runtime.sendMessage(msg),
      wrap({ type: 'set-settings', settings: { recentMinutes: 30 }, tabId: privateTab }),
    );
    expect(other).toMatchObject({ msg: { type: 'settings', settings: { recentMinutes: 30 } } });
    // storage.local is on disk: the private site is nowhere in it.
    expect(JSON.stringify(await page.evaluate(() => chrome.storage.local.get(null)))).not.toContain(HOST);
    await page.evaluate(() => chrome.extension.getViews({ type: 'popup' })[0]?.close());
    await page.close();
  });

  it("deletes the private tab's recording when the private session ends, with the worker stopped then", async () => {
    const page = await extensionPage();
    const keysOfTab = () =>
      page.evaluate(
        (tab) =>
          chrome.storage.session.get(null).then((all) => Object.keys(all).filter((k) => k.startsWith(`t${tab}:`))),
        privateTab,
      );
    expect((await keysOfTab()).length).toBeGreaterThan(0);
    const before = await instanceId(worker);
    await stopServiceWorker(s.b.context, page, s.b.extensionId);
    // Its last tab closed, the private window closes and the private session ends.
    await s.b.context
      .pages()
      .find((p) => p.url() === url)!
      .close();
    await expect.poll(keysOfTab).toEqual([]);
    // The worker that deleted it was started for the tab's removal.
    expect(await instanceId(worker)).not.toBe(before);
    await page.close();
  });
});
