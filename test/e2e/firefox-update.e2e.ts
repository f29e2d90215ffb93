/**
 * Firefox updates Closeline while a page is open (here: the temporary add-on installed again over itself).
 * The update empties storage.session, so the recording made before it is gone, and Firefox runs the new
 * build's content scripts in the open page: its hook wraps the old hook's wrapper, and each socket opened
 * from then on is recorded once. The views say the page's earlier connections are not recorded (`late`).
 */
import { describe, expect, it } from 'vitest';
import { openExtensionPage, requestView, waitForStoredRecording } from './support/firefox';
import { useFirefoxAndServer } from './support/firefox-session';
import { EXTENSION_UUID, geckoIdOf } from '../../scripts/lib/launch-firefox.mjs';
import { FIREFOX_DIST } from '../../scripts/lib/dist.mjs';
import { closeEventOf } from '../../src/protocol/recording';

const s = useFirefoxAndServer(() => ({
  extension: false,
  prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoIdOf()]: EXTENSION_UUID }) },
}));

type Ext = { browser: typeof chrome };

describe('Closeline updated in Firefox while a page is open', () => {
  it('records what the page opens after the update once, and says the earlier connections are missing', async () => {
    await s.ff.browser.installExtension(FIREFOX_DIST);
    const url = s.server.page(
      '/firefox-update',
      `<!doctype html><script>
      window.connect = (p) => new WebSocket('${s.server.wsOrigin}' + p);
      connect('/before');
      </script>`,
    );
    const page = await s.ff.browser.newPage();
    await page.goto(url);
    (await s.server.connectionTo('/before')).ws.close(1012, 'restart');
    let ext = await openExtensionPage(s.ff.browser, 'src/devtools/devtools.html');
    await waitForStoredRecording(ext, url, (r) => r.connections.some((c) => closeEventOf(c)));
    const tabId = await ext.evaluate(
      async (u) => (await (globalThis as unknown as Ext).browser.tabs.query({})).find((t) => t.url === u)?.id,
      url,
    );
    expect(tabId).toBeTypeOf('number');

    await s.ff.browser.installExtension(FIREFOX_DIST);
    ext = await openExtensionPage(s.ff.browser, 'src/devtools/devtools.html');
    expect(await requestView(ext, { type: 'get-status', tabId: tabId! })).toEqual({ type: 'status', status: 'late' });

    await page.evaluate(() => (window as unknown as { connect(p: string): void }).connect('/after'));
    (await s.server.connectionTo('/after')).ws.close(1013, 'later');
    const rec = await waitForStoredRecording(
      ext,
      url,
      (r) => r.connections.some((c) => c.url.endsWith('/after') && closeEventOf(c)) && r,
    );
    // The recording from before the update is gone with storage.session; the new socket is there once.
    expect(rec.connections.map((c) => new URL(c.url).pathname)).toEqual(['/after']);
    expect(rec.connections[0]!.events.map((e) => e.type)).toEqual(['open', 'close']);
    expect(rec.dropped.eventsRejected).toBe(0);
  });
});
