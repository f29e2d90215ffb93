/**
 * An update (or a reload of the extension) during a simulated outage. It empties storage.session, where the
 * outage was noted, and clears its alarm, but Chromium keeps the session rules that block the endpoint: no
 * worker knew of them any more, and the page could not connect again until the browser restarted. The new
 * worker lifts every rule of ours that no outage it knows names.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, type Launched } from './support/browser';
import { startServer, type TestServer } from './support/servers';
import { waitForRecording } from './support/recording';
import { openExtensionPage, simulate } from './support/extension-page';
import { reloadExtension } from './support/extension-reload';

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

it('an outage under way at an update stops blocking once the new worker starts', async () => {
  const ext = await openExtensionPage(b.context, b.extensionId);
  const url = s.page(
    '/outage-across-update',
    `<!doctype html><script>
      const ws = new WebSocket('${s.wsOrigin}/outage-across-update');
      ws.onopen = () => (document.title = 'open');
    </script>`,
  );
  const page = await b.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'open');
  const { id, tabId } = await waitForRecording(b.worker, url, (r) => {
    const c = r.connections.find((x) => x.events.some((e) => e.type === 'open'));
    return c ? { id: c.id, tabId: r.tabId } : undefined;
  });
  expect(await simulate(ext, { tabId, id }, { kind: 'outage', seconds: 600 })).toEqual({ type: 'ok' });
  expect(await b.worker.evaluate(async () => (await chrome.declarativeNetRequest.getSessionRules()).length)).toBe(2);

  const worker = await reloadExtension(b);
  expect(await worker.evaluate(() => chrome.storage.session.get(null))).toEqual({});
  await expect
    .poll(() => worker.evaluate(async () => (await chrome.declarativeNetRequest.getSessionRules()).length), {
      timeout: 10_000,
    })
    .toBe(0);
  // The page, reloaded, connects.
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'open', undefined, { timeout: 10_000 });
  expect(s.connections.filter((c) => c.path === '/outage-across-update')).toHaveLength(2);
}, 60_000);
