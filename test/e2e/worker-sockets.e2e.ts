/**
 * A socket made inside a web worker never meets the page hook. Inside a real DevTools window the
 * panel still says it exists, from DevTools' own network data: the worker's URL is named while its
 * socket is open (the panel reads DevTools' log again after the page loads) and after it closes; the
 * page's own socket, recorded, is not named.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { openCloselinePanel } from './support/devtools';

const s = useBrowserAndServer({ devtools: true });
let panel: Frame;
let page: Page;

beforeAll(async () => {
  const workerCode = `const ws = new WebSocket('${s.server.wsOrigin}/from-worker');
    ws.onopen = () => postMessage('open');
    ws.onclose = () => postMessage('closed');
    onmessage = () => ws.close();`;
  const pageUrl = s.server.page(
    '/worker-sockets',
    `<!doctype html><script>
    const code = ${JSON.stringify(workerCode)};
    const w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    w.onmessage = (e) => (document.title = 'worker socket ' + e.data);
    const p = new WebSocket('${s.server.wsOrigin}/from-page');
    window.closeBoth = () => (w.postMessage('close'), p.close(4000, 'done'));
  </script>`,
  );
  page = await s.b.context.newPage();
  await page.goto(pageUrl);
  ({ panel } = await openCloselinePanel(s.b.context, pageUrl, s.b.extensionId));
  // DevTools keeps network data from when it opened: the page's sockets are made again under its eye.
  await page.reload();
  await page.waitForFunction(() => document.title === 'worker socket open');
}, 90_000);

const heading = () => panel.getByTestId('unrecorded').getByRole('heading').textContent();
const items = () => panel.getByTestId('unrecorded').getByRole('listitem').allTextContents();

describe('sockets made in a worker', () => {
  it("are named from DevTools' network data while open, and the page's own socket is not", async () => {
    // DevTools reports a WebSocket's request as finished only at its close; the panel reads its log
    // again a few seconds after the page loaded.
    await panel.getByTestId('unrecorded').waitFor({ timeout: 30_000 });
    expect(await heading()).toBe('DevTools saw 1 WebSocket connection that is not in this recording:');
    expect(await items()).toEqual([`${s.server.wsOrigin}/from-worker (1 handshake)`]);
    const open = panel.locator('.closures-row[data-open="true"]');
    await open.first().waitFor();
    expect(await open.locator('.cell-url').allTextContents()).toEqual([expect.stringContaining('/from-page')]);
  });

  it('stay named once closed, counted once', async () => {
    await page.evaluate(() => (window as unknown as { closeBoth(): void }).closeBoth());
    await page.waitForFunction(() => document.title === 'worker socket closed');
    const closed = panel.locator('.closures-row[data-code="4000"]');
    await closed.waitFor();
    expect(await closed.locator('.cell-url').textContent()).toContain('/from-page');
    expect(await panel.locator('.closures-row', { hasText: '/from-worker' }).count()).toBe(0);
    expect(await items()).toEqual([`${s.server.wsOrigin}/from-worker (1 handshake)`]);
  });
});
