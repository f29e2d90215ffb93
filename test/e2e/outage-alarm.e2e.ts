/**
 * A simulated outage ends on time even when the browser has stopped the idle service worker meanwhile
 * (its timers die with it): an alarm wakes the worker to lift the blocking rules. Here the page gave up
 * after the outage began, so nothing else would wake the worker, and a reload after the end must connect.
 */
import { expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { openExtensionPage, simulate } from './support/extension-page';
import { stopServiceWorker } from './support/worker';

const s = useBrowserAndServer();

it('lifts the outage at its end though the worker was stopped, so a reload connects', async () => {
  const ext = await openExtensionPage(s.b.context, s.b.extensionId);
  const url = s.server.page(
    '/alarm-outage',
    `<!doctype html><script>
      const ws = new WebSocket('${s.server.wsOrigin}/alarm-outage');
      ws.onopen = () => (document.title = 'open');
    </script>`,
  );
  const page = await s.b.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'open');
  const { id, tabId } = await waitForRecording(s.b.worker, url, (r) => {
    const c = r.connections.find((x) => x.events.some((e) => e.type === 'open'));
    return c ? { id: c.id, tabId: r.tabId } : undefined;
  });
  const seconds = 4;
  const ends = Date.now() + seconds * 1000;
  expect(await simulate(ext, { tabId, id }, { kind: 'outage', seconds })).toEqual({ type: 'ok' });
  const rules = () => ext.evaluate(async () => (await chrome.declarativeNetRequest.getSessionRules()).map((r) => r.id));
  expect((await rules()).length).toBe(2);
  // The page leaves (nothing of it retries), and the browser stops the idle worker.
  await page.goto('about:blank');
  await stopServiceWorker(s.b.context, page, s.b.extensionId);
  // Reading the rules is the browser's, not the worker's: it wakes nothing.
  await expect.poll(rules, { timeout: 20_000, interval: 250 }).toEqual([]);
  expect(Date.now()).toBeGreaterThanOrEqual(ends);
  // A reload after the end connects at once.
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'open');
  expect(s.server.connections.filter((c) => c.path === '/alarm-outage')).toHaveLength(2);
});
