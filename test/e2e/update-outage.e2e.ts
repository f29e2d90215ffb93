/**
 * An update (or a reload of the extension) during a simulated outage. It empties storage.session, where the
 * outage was noted, and clears its alarm, but Chromium keeps the session rules that block the endpoint: no
 * worker knew of them any more, and the page could not connect again until the browser restarted. The new
 * worker lifts every rule of ours that no outage it knows names.
 */
import { expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { openExtensionPage, simulate } from './support/extension-page';
import { reloadExtension } from './support/extension-reload';

const session = useBrowserAndServer();

it('an outage under way at an update stops blocking once the new worker starts', async () => {
  const ext = await openExtensionPage(session.b.context, session.b.extensionId);
  const url = session.server.page(
    '/outage-across-update',
    `<!doctype html><script>
      const ws = new WebSocket('${session.server.wsOrigin}/outage-across-update');
      ws.onopen = () => (document.title = 'open');
    </script>`,
  );
  const page = await session.b.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'open');
  const { id, tabId } = await waitForRecording(session.b.worker, url, (r) => {
    const c = r.connections.find((x) => x.events.some((e) => e.type === 'open'));
    return c ? { id: c.id, tabId: r.tabId } : undefined;
  });
  expect(await simulate(ext, { tabId, id }, { kind: 'outage', seconds: 600 })).toEqual({ type: 'ok' });
  expect(
    await session.b.worker.evaluate(async () => (await chrome.declarativeNetRequest.getSessionRules()).length),
  ).toBe(2);

  const worker = await reloadExtension(session.b);
  expect(await worker.evaluate(() => chrome.storage.session.get(null))).toEqual({});
  await expect
    .poll(() => worker.evaluate(async () => (await chrome.declarativeNetRequest.getSessionRules()).length), {
      timeout: 10_000,
    })
    .toBe(0);
  // The page, reloaded, connects.
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'open', undefined, { timeout: 10_000 });
  expect(session.server.connections.filter((c) => c.path === '/outage-across-update')).toHaveLength(2);
}, 60_000);
