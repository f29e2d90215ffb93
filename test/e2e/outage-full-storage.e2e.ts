/**
 * A simulated outage is a blocking rule the worker must lift when its time is up, also after a restart,
 * so the rule is known in storage.session. That area is shared with the recordings, which fill it up to
 * its quota on a busy page: a rule added but not stored was never lifted, and the tab could not reach
 * that endpoint again until the browser closed.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { openExtensionPage, request } from './support/extension-page';

const s = useBrowserAndServer();

describe('a simulated outage while storage.session is full', () => {
  it('leaves no blocking rule behind', async () => {
    const url = s.server.page(
      '/full',
      `<!doctype html><script>window.ws = new WebSocket('${s.server.wsOrigin}/full-ws');</script><p>one socket</p>`,
    );
    const page = await s.b.context.newPage();
    await page.goto(url);
    const { id, tabId } = await waitForRecording(s.b.worker, url, (r) => {
      const c = r.connections.find((x) => x.events.some((e) => e.type === 'open'));
      return c && { id: c.id, tabId: r.tabId };
    });
    // Fill the area to within 32 bytes of its quota, with keys no recording uses. (Chromium counts the
    // memory a value allocates: a string short enough to need none costs nothing, so the fill stops there.)
    const filled = await s.b.worker.evaluate(async () => {
      let n = 0;
      for (let size = 1 << 20; size >= 32;) {
        try {
          await chrome.storage.session.set({ [`fill${n}`]: 'x'.repeat(size) });
          n++;
        } catch {
          size >>= 1;
        }
      }
      return n;
    });
    expect(filled).toBeGreaterThan(0);
    try {
      const views = await openExtensionPage(s.b.context, s.b.extensionId);
      // No room to note the rule: refused, with the browser's reason, and nothing blocks.
      const answer = await request(views, {
        type: 'simulate',
        tabId,
        connectionId: id,
        scope: 'endpoint',
        command: { kind: 'outage', seconds: 1 },
      });
      expect(answer).toMatchObject({ type: 'error', message: expect.stringContaining('quota') });
      const rules = () => s.b.worker.evaluate(() => chrome.declarativeNetRequest.getSessionRules());
      await expect.poll(rules, { timeout: 10_000 }).toEqual([]);
      await views.close();
    } finally {
      await s.b.worker.evaluate(async (n) => {
        await chrome.storage.session.remove(Array.from({ length: n }, (_, i) => `fill${i}`));
      }, filled);
    }
    // And the endpoint can be reached again.
    await page.evaluate((ws) => new WebSocket(ws), `${s.server.wsOrigin}/full-ws`);
    await s.server.connectionTo('/full-ws', 1);
    await page.close();
  }, 60_000);
});
