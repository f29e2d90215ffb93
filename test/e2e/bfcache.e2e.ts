/**
 * A page that comes back from the back/forward cache (Back after following a
 * link) is recorded again. Entering the cache closes the relay's port and the
 * background takes the document as gone at its pagehide; on the way back the
 * relay says hello again, restored, and the sockets the page opens then are
 * stored and shown; a socket it kept open into the cache gets the close the page
 * sees after its return. Real Chromium with its cache on, a real server.
 */
import { describe, expect, it } from 'vitest';
import { closeEventOf } from '../../src/protocol/recording';
import { waitForRecording } from './support/recording';
import { useBrowserAndServer } from './support/session';

const s = useBrowserAndServer({ backForwardCache: true });

describe('the back/forward cache', () => {
  it('records the sockets a page opens after it comes back, and marks its return', async () => {
    const socketThenClose = (path: string, code: number) =>
      `new Promise((done) => { const w = new WebSocket('${s.server.wsOrigin}${path}'); w.onopen = () => w.close(${code}); w.onclose = done; })`;
    const a = s.server.page(
      '/cached-a',
      `<!doctype html><title>a</title><a id="next" href="/cached-b">b</a><script>
      window.restored = new Promise((r) => addEventListener('pageshow', (e) => e.persisted && r(true)));
      window.before = ${socketThenClose('/before', 4001)};
      window.kept = new WebSocket('${s.server.wsOrigin}/kept');
      window.keptClosed = new Promise((r) => (window.kept.onclose = (e) => r(e.code)));
      window.after = () => ${socketThenClose('/after', 4002)};
      </script>`,
      { cacheable: true },
    );
    const b = s.server.page('/cached-b', '<!doctype html><title>b</title><p>b</p>', { cacheable: true });
    const page = await s.b.context.newPage();
    await page.goto(a);
    await page.evaluate(() => (window as unknown as { before: Promise<unknown> }).before);
    await waitForRecording(s.b.worker, a, (r) => r.connections.some((c) => closeEventOf(c)?.code === 4001));

    await page.click('#next');
    await page.waitForURL(b);
    // A page restored from the cache fires no load event: wait for the navigation to commit, then for pageshow.
    await page.goBack({ waitUntil: 'commit' });
    // Restored from the cache, not loaded again: the test is about the cached document.
    expect(await page.evaluate(() => (window as unknown as { restored: Promise<boolean> }).restored)).toBe(true);
    await page.evaluate(() => (window as unknown as { after: () => Promise<unknown> }).after());
    // The socket left open when the page went into the cache: the browser closes it, and the page sees it.
    const keptCode = await page.evaluate(() => (window as unknown as { keptClosed: Promise<number> }).keptClosed);

    const rec = await waitForRecording(s.b.worker, a, (r) =>
      r.connections.some((c) => closeEventOf(c)?.code === 4002) &&
      r.connections.some((c) => c.url.endsWith('/kept') && closeEventOf(c)?.code === keptCode)
        ? r
        : undefined,
    );
    // The return is a navigation back to A, after the one to B.
    const navigations = rec.marks.filter((m) => m.type === 'navigation').map((m) => m.url);
    expect(navigations.slice(-2)).toEqual([b, a]);

    const panel = await s.b.context.newPage();
    await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${rec.tabId}`);
    await expect
      .poll(async () => (await panel.locator('[data-testid="closure-row"]').allTextContents()).join(' '))
      .toContain('4002');
  });
});
