/**
 * A page the browser prerendered (Speculation Rules) runs its scripts, and makes its sockets, before the
 * user goes to it; the browser connects them only once the page is shown. Until then the page is no frame
 * of the page the user is on, and once shown it is the tab's top page, as if loaded then: its sockets
 * are the top frame's, the navigation is marked, and the waits after it are judged as any shown page's.
 *
 * Playwright cannot drive this (a tab it watches is never prerendered), so the browser is driven over a
 * bare DevTools connection (support/raw-browser.ts). Real Chromium, a real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/servers';
import { recordingsFromStorage } from './support/recording';
import { launchRaw, type RawBrowser } from './support/raw-browser';
import { closeEventOf, type Recording } from '../../src/protocol/recording';

let b: RawBrowser;
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  b = await launchRaw();
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

const recordings = async () => recordingsFromStorage(await b.evaluate('chrome.storage.session.get(null)'));

async function waitForRecording<T>(check: (r: Recording) => T | undefined | false, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const r of await recordings()) {
      const v = check(r);
      if (v) return v;
    }
    if (Date.now() > deadline) throw new Error(`no recording ${what}: ${JSON.stringify(await recordings())}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a prerendered page', () => {
  it('is recorded as the top page from when it is shown, and its waits are judged as a shown page’s', async () => {
    // After the server's 1012 the page waits 6 s: slower than the 1–5 s recommended, advice when judged.
    const next = server.page(
      '/next',
      `<!doctype html><title>next</title><script>
      const connect = () => { const w = new WebSocket('${server.wsOrigin}/in-next'); w.onclose = (e) => e.code === 1012 && setTimeout(connect, 6000); };
      connect();
      // Page timers run while prerendering. The hook told the relay of the socket before this timer was set,
      // and the relay's own batch timer (50 ms) fires before it: what the relay sends of a prerendering page
      // has been sent when the server hears this.
      setTimeout(() => fetch('/timers-ran'), 200);
      </script>`,
    );
    const first = server.page(
      '/first',
      `<!doctype html><title>first</title>
      <script type="speculationrules">{"prerender":[{"source":"list","urls":["/next"]}]}</script>
      <script>const w = new WebSocket('${server.wsOrigin}/in-first'); w.onmessage = () => (location.href = '/next');</script>`,
    );
    const { pageSession } = await b.newTab();
    await b.send('Preload.enable', {}, pageSession);
    const ready = b.event(
      (e) =>
        e.method === 'Preload.prerenderStatusUpdated' && e.params.status !== 'Pending' && e.params.status !== 'Running',
    );
    await b.send('Page.navigate', { url: first }, pageSession);
    // Prerendered, as the premise of this test: its script ran, its socket waits for the page to be shown.
    expect((await ready).params.status).toBe('Ready');
    await server.requested('/timers-ran');
    const firstSocket = await server.connectionTo('/in-first');
    expect(server.connections.map((c) => c.path)).toEqual(['/in-first']);

    // The user goes to the page (here the first page follows the link): the prerendered page is shown.
    firstSocket.ws.send('go');
    (await server.connectionTo('/in-next')).ws.close(1012, 'Service restart');
    await server.connectionTo('/in-next', 1);

    const rec = await waitForRecording(
      (r) =>
        r.connections.filter((c) => c.url.endsWith('/in-next')).length === 2 &&
        r.connections.some((c) => closeEventOf(c)?.code === 1012) &&
        r,
      'with both sockets of the shown page',
    );
    // Marked as a navigation of the top frame, and its sockets are the top frame's.
    const navigations = rec.marks.flatMap((m) => (m.type === 'navigation' ? [[m.frameId, m.url]] : []));
    expect(navigations).toEqual([
      [0, first],
      [0, next],
    ]);
    const inNext = rec.connections.filter((c) => c.url.endsWith('/in-next'));
    expect(inNext.map((c) => [c.frameId, c.frameUrl])).toEqual([
      [0, next],
      [0, next],
    ]);

    // The panel judges the 6 s wait (the page was shown all along), and lists no other frame.
    const panel = await b.openDirect(`chrome-extension://${b.extensionId}/src/panel/panel.html?tab=${rec.tabId}`);
    const row = `document.querySelector('[data-testid="closure-row"][data-code="1012"]')`;
    expect(await b.waitFor<string>(`${row}?.getAttribute('data-verdict')`, panel)).toBe('advice');
    const options = await b.evaluate<string[]>(
      `[...document.querySelectorAll('option')].map((o) => o.textContent)`,
      panel,
    );
    expect(options.filter((o) => o.startsWith('Frame '))).toEqual([]);
    expect(options.filter((o) => o.startsWith('Top frame')).length).toBe(1);
  });
});
