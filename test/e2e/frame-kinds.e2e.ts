/**
 * Where a socket is made must not decide whether the panel lists it, under which frame, or how it ended.
 * Each page here makes its sockets in another kind of frame; the panel page (the one DevTools shows, for
 * the same tab's recording) must list each socket with what the page and the server did to it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';

const OTHER = 'other.test';
const s = useBrowserAndServer({ args: [`--host-resolver-rules=MAP ${OTHER} 127.0.0.1`] });

/** Opens `html` at `path` in a new tab; resolves with the tab's page and its URL. */
async function openPage(path: string, html: string): Promise<{ page: Page; url: string }> {
  const url = s.server.page(path, `<!doctype html><html><body>${html}</body></html>`);
  const page = await s.b.context.newPage();
  await page.goto(url);
  return { page, url };
}

/** The panel page for the tab that loaded `url`, once its recording holds a socket to each of `paths`. */
async function panelFor(url: string, paths: string[]): Promise<Page> {
  const { tabId } = await waitForRecording(s.b.worker, url, (r) =>
    paths.every((p) => r.connections.some((c) => c.url === s.server.wsOrigin + p)) ? r : undefined,
  );
  const panel = await s.b.context.newPage();
  await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${tabId}`);
  return panel;
}

/** The table row of the socket to `path`, by its URL cell. */
const rowOf = (panel: Page, path: string) =>
  panel.getByTestId('closure-row').filter({ has: panel.locator('.cell-url', { hasText: new RegExp(`${path}$`) }) });

describe('sockets made in frames of every kind', () => {
  it('are listed under their own frame, each with the close code the server sent', async () => {
    const ws = s.server.wsOrigin;
    const other = s.server.origin.replace('127.0.0.1', OTHER);
    const socketPage = (path: string) => `<!doctype html><script>window.sock = new WebSocket('${ws}${path}')</script>`;
    s.server.page('/kinds-sandboxed', socketPage('/in-sandboxed'));
    s.server.page('/kinds-object', socketPage('/in-object'));
    s.server.page('/kinds-inner', socketPage('/in-third'));
    // A cross-site frame (another process) between the page and a frame of the page's own site.
    s.server.page('/kinds-middle', `<!doctype html><iframe src="${s.server.origin}/kinds-inner"></iframe>`);
    const inline = (path: string) => `<script>window.sock = new WebSocket('${ws}${path}')</script>`;
    // A document's text as a script's string literal: its end tag must not end the script that holds it.
    const literal = (html: string) => JSON.stringify(html).replace(/<\//g, '<\\/');
    const { page, url } = await openPage(
      '/kinds',
      `<iframe srcdoc="${inline('/in-srcdoc').replace(/"/g, '&quot;')}"></iframe>
      <iframe sandbox="allow-scripts" srcdoc="${inline('/in-opaque-srcdoc').replace(/"/g, '&quot;')}"></iframe>
      <iframe sandbox="allow-scripts" src="/kinds-sandboxed"></iframe>
      <iframe src="${other}/kinds-middle"></iframe>
      <object type="text/html" data="/kinds-object"></object>
      <iframe src="javascript:'${inline('/in-javascript-url').replace(/'/g, "\\'").replace(/"/g, '&quot;')}'"></iframe>
      <script>
        const frame = (src) => document.body.append(Object.assign(document.createElement('iframe'), { src }));
        frame(URL.createObjectURL(new Blob([${literal(inline('/in-blob'))}], { type: 'text/html' })));
        frame('data:text/html,' + encodeURIComponent(${literal(inline('/in-data'))}));
      </script>`,
    );
    const paths = [
      '/in-srcdoc',
      '/in-opaque-srcdoc',
      '/in-sandboxed',
      '/in-third',
      '/in-blob',
      '/in-data',
      '/in-object',
      '/in-javascript-url',
    ];
    const panel = await panelFor(url, paths);
    const codes = new Map(paths.map((p, i) => [p, 4100 + i]));
    for (const [p, code] of codes) (await s.server.connectionTo(p)).ws.close(code, 'bye');
    for (const [p, code] of codes) {
      await rowOf(panel, p)
        .and(panel.locator(`[data-code="${code}"]`))
        .waitFor();
    }
    // Each socket was kept under the frame that made it, none under the top one.
    const frames = await panel.locator('option').allTextContents();
    expect(frames.some((f) => f.startsWith('Top frame'))).toBe(false);
    for (const shown of [
      'about:srcdoc',
      '/kinds-sandboxed',
      '/kinds-inner',
      'blob:',
      'data:text/html',
      '/kinds-object',
    ])
      expect(frames.some((f) => f.startsWith('Frame ') && f.includes(shown))).toBe(true);
    await Promise.all([page.close(), panel.close()]);
  });

  it('end with their document when their frame goes away after a document.open(), as they do without one', async () => {
    // An ad's way: an about:blank frame, written into by its parent; the written script opens a socket.
    const writeSocket = (path: string) =>
      `(f) => { const d = f.contentDocument; d.open(); d.write("<script>window.sock = new WebSocket('${s.server.wsOrigin}${path}')<\\/script>"); d.close(); }`;
    s.server.page('/written-plain', '<!doctype html><p>plain');
    // Two deep: the middle frame writes into its own child, then navigates, taking its child with it.
    s.server.page(
      '/written-middle',
      `<!doctype html><body><script>
        const f = document.body.appendChild(document.createElement('iframe'));
        (${writeSocket('/written-nested')})(f);
        window.leave = () => (location.href = '/written-plain');
      </script>`,
    );
    const { page, url } = await openPage(
      '/written',
      `<iframe id="middle" src="/written-middle"></iframe><script>
        const f = document.body.appendChild(document.createElement('iframe'));
        (${writeSocket('/written-removed')})(f);
        // Cleared and removed in one task: no listener the relay had in it hears its pagehide.
        window.removeFrame = () => (f.contentDocument.open(), f.remove());
      </script>`,
    );
    const panel = await panelFor(url, ['/written-removed', '/written-nested']);
    const removed = await s.server.connectionTo('/written-removed');
    const nested = await s.server.connectionTo('/written-nested');
    await rowOf(panel, '/written-removed').and(panel.locator('[data-open="true"]')).waitFor();
    await rowOf(panel, '/written-nested').and(panel.locator('[data-open="true"]')).waitFor();

    await page.evaluate(() => (window as unknown as { removeFrame(): void }).removeFrame());
    await page
      .frameLocator('#middle')
      .locator('body')
      .evaluate(() => (window as unknown as { leave(): void }).leave());
    // What the page did: both documents went away with their sockets open; the browser said 1001.
    expect(await removed.closed).toEqual({ code: 1001, reason: '' });
    expect(await nested.closed).toEqual({ code: 1001, reason: '' });
    for (const p of ['/written-removed', '/written-nested']) {
      const row = rowOf(panel, p);
      await row.and(panel.locator(':not([data-open])')).waitFor();
      expect(await row.locator('.cell-initiator').textContent()).toBe('document ended (inferred)');
    }
    // The removed frame's end was told by its connection's closing, and its detail says so.
    await rowOf(panel, '/written-removed').click();
    await panel.locator('.raw-events', { hasText: "Closeline's connection to it closed" }).waitFor();
    await Promise.all([page.close(), panel.close()]);
  });

  it("keep their page's offline time marked after the page rewrote itself with document.open()", async () => {
    const { page, url } = await openPage(
      '/rewritten',
      `<script>window.before = new WebSocket('${s.server.wsOrigin}/rewritten-before')</script>`,
    );
    await page.evaluate((ws) => {
      document.open();
      document.write(`<p>rewritten</p><script>window.after = new WebSocket('${ws}/rewritten-after')</script>`);
      document.close();
    }, s.server.wsOrigin);
    await panelFor(url, ['/rewritten-before', '/rewritten-after']).then((p) => p.close());
    // The browser tells the page it went offline and back; the recording marks both, so that a reconnect
    // waited in between is not judged as if the network had been there.
    await s.b.context.setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    await s.b.context.setOffline(false);
    await page.waitForFunction(() => navigator.onLine);
    const states = await waitForRecording(s.b.worker, url, (r) => {
      const marks = r.marks.flatMap((m) => (m.type === 'lifecycle' ? [m.state] : []));
      return marks.includes('online') && marks;
    });
    expect(states).toEqual(['offline', 'online']);
    await page.close();
  });
});
