/**
 * An update reaches Chromium while a page is open. The page keeps the hook and relay of the build before,
 * cut off from the extension: its top document's sockets are recorded no more, until it is reloaded. A frame
 * the page adds afterwards gets the new build's scripts, and its sockets are recorded. The popup and panel
 * must still say the page needs a reload: with the frame's connections in the tab, they said nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { reloadExtension } from './support/extension-reload';
import { t } from './support/english';
import { closeEventOf } from '../../src/protocol/recording';

const session = useBrowserAndServer();

describe('a page open across an update', () => {
  it('is said to need a reload, even once a frame it adds since is recorded', async () => {
    const frame = session.server.page(
      '/frame',
      `<!doctype html><script>new WebSocket('${session.server.wsOrigin}/in-frame');</script>`,
    );
    const url = session.server.page(
      '/open-across-update',
      `<!doctype html><script>
      window.connect = (p) => new WebSocket('${session.server.wsOrigin}' + p);
      window.addFrame = () => document.body.append(Object.assign(document.createElement('iframe'), { src: '${frame}' }));
      connect('/before');
      </script><body></body>`,
    );
    const page = await session.b.context.newPage();
    await page.goto(url);
    (await session.server.connectionTo('/before')).ws.close(1012, 'restart');
    const tabId = await waitForRecording(
      session.b.worker,
      url,
      (r) => r.connections.some((c) => closeEventOf(c)) && r.tabId,
    );

    const worker: Worker = await reloadExtension(session.b);
    // The update emptied storage.session: the recording made before it is gone.
    expect(await worker.evaluate(() => chrome.storage.session.get(null))).toEqual({});

    // The top document's hook is the old build's: a socket it opens now is not recorded.
    await page.evaluate(() => (window as unknown as { connect(p: string): void }).connect('/after'));
    (await session.server.connectionTo('/after')).ws.close(1013, 'later');
    // A frame added now has the new build's scripts: its socket is recorded.
    await page.evaluate(() => (window as unknown as { addFrame(): void }).addFrame());
    (await session.server.connectionTo('/in-frame')).ws.close(1012, 'restart');
    const recorded = await waitForRecording(
      worker,
      frame,
      (r) => r.tabId === tabId && r.connections.some((c) => closeEventOf(c)) && r,
    );
    expect(recorded.connections.map((c) => new URL(c.url).pathname)).toEqual(['/in-frame']);

    const popup = await session.b.context.newPage();
    await popup.goto(`chrome-extension://${session.b.extensionId}/src/popup/popup.html?tab=${tabId}`);
    await popup.locator('.closures .closure').first().waitFor();
    await expect.poll(() => popup.getByText(t('popup_no_hook')).count(), { timeout: 10_000 }).toBe(1);
    const panel = await session.b.context.newPage();
    await panel.goto(`chrome-extension://${session.b.extensionId}/src/panel/panel.html?tab=${tabId}`);
    await expect
      .poll(() => panel.locator('.banner').getByText(t('panel_status_no_hook')).count(), { timeout: 10_000 })
      .toBe(1);

    // Reloaded, the page is the new build's from its start: recorded again, and neither view says otherwise.
    await page.reload();
    (await session.server.connectionTo('/before', 1)).ws.close(1012, 'restart');
    await waitForRecording(worker, url, (r) => r.connections.some((c) => c.url.endsWith('/before') && closeEventOf(c)));
    await expect
      .poll(() => panel.locator('.banner').getByText(t('panel_status_no_hook')).count(), { timeout: 10_000 })
      .toBe(0);
  }, 60_000);
});
