/**
 * An update reaches Chromium while a page is open. The page keeps the hook and relay of the build before,
 * cut off from the extension: its top document's sockets are recorded no more, until it is reloaded. A frame
 * the page adds afterwards gets the new build's scripts, and its sockets are recorded. The popup and panel
 * must still say the page needs a reload: with the frame's connections in the tab, they said nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { launch, type Launched } from './support/browser';
import { startServer, type TestServer } from './support/servers';
import { waitForRecording } from './support/recording';
import { reloadExtension } from './support/extension-reload';
import { t } from './support/english';
import { closeEventOf } from '../../src/protocol/recording';

let b: Launched;
let s: TestServer;
beforeAll(async () => {
  b = await launch();
  s = await startServer();
});
afterAll(async () => {
  await b?.close();
  await s?.close();
});

describe('a page open across an update', () => {
  it('is said to need a reload, even once a frame it adds since is recorded', async () => {
    const frame = s.page('/frame', `<!doctype html><script>new WebSocket('${s.wsOrigin}/in-frame');</script>`);
    const url = s.page(
      '/open-across-update',
      `<!doctype html><script>
      window.connect = (p) => new WebSocket('${s.wsOrigin}' + p);
      window.addFrame = () => document.body.append(Object.assign(document.createElement('iframe'), { src: '${frame}' }));
      connect('/before');
      </script><body></body>`,
    );
    const page = await b.context.newPage();
    await page.goto(url);
    (await s.connectionTo('/before')).ws.close(1012, 'restart');
    const tabId = await waitForRecording(b.worker, url, (r) => r.connections.some((c) => closeEventOf(c)) && r.tabId);

    const worker: Worker = await reloadExtension(b);
    // The update emptied storage.session: the recording made before it is gone.
    expect(await worker.evaluate(() => chrome.storage.session.get(null))).toEqual({});

    // The top document's hook is the old build's: a socket it opens now is not recorded.
    await page.evaluate(() => (window as unknown as { connect(p: string): void }).connect('/after'));
    (await s.connectionTo('/after')).ws.close(1013, 'later');
    // A frame added now has the new build's scripts: its socket is recorded.
    await page.evaluate(() => (window as unknown as { addFrame(): void }).addFrame());
    (await s.connectionTo('/in-frame')).ws.close(1012, 'restart');
    const recorded = await waitForRecording(
      worker,
      frame,
      (r) => r.tabId === tabId && r.connections.some((c) => closeEventOf(c)) && r,
    );
    expect(recorded.connections.map((c) => new URL(c.url).pathname)).toEqual(['/in-frame']);

    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/src/popup/popup.html?tab=${tabId}`);
    await popup.locator('.closures .closure').first().waitFor();
    await expect.poll(() => popup.getByText(t('popup_no_hook')).count(), { timeout: 10_000 }).toBe(1);
    const panel = await b.context.newPage();
    await panel.goto(`chrome-extension://${b.extensionId}/src/panel/panel.html?tab=${tabId}`);
    await expect
      .poll(() => panel.locator('.banner').getByText(t('panel_status_no_hook')).count(), { timeout: 10_000 })
      .toBe(1);

    // Reloaded, the page is the new build's from its start: recorded again, and neither view says otherwise.
    await page.reload();
    (await s.connectionTo('/before', 1)).ws.close(1012, 'restart');
    await waitForRecording(worker, url, (r) => r.connections.some((c) => c.url.endsWith('/before') && closeEventOf(c)));
    await expect
      .poll(() => panel.locator('.banner').getByText(t('panel_status_no_hook')).count(), { timeout: 10_000 })
      .toBe(0);
  }, 60_000);
});
