/**
 * A socket made inside a web worker never meets the page hook. Inside a real DevTools window the
 * panel still says it existed, from DevTools' own network data: once it has closed (DevTools reports a
 * WebSocket's request as finished at its close), the worker's URL is named; the page's own socket,
 * recorded, is not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { openCloselinePanel } from './support/devtools';

const s = useBrowserAndServer({ devtools: true });
let panel: Frame;

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
  const page = await s.b.context.newPage();
  await page.goto(pageUrl);
  ({ panel } = await openCloselinePanel(s.b.context, pageUrl, s.b.extensionId));
  // DevTools keeps network data from when it opened: the page's sockets are made again under its eye.
  await page.reload();
  await page.waitForFunction(() => document.title === 'worker socket open');
  await page.evaluate(() => (window as unknown as { closeBoth(): void }).closeBoth());
  await page.waitForFunction(() => document.title === 'worker socket closed');
}, 90_000);

describe('sockets made in a worker', () => {
  it("are named in the panel from DevTools' network data, and the page's own socket is not", async () => {
    const notice = panel.getByTestId('unrecorded');
    // Judged once a recorded socket would have arrived (a few seconds after the handshake).
    await notice.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => notice.getByRole('heading').textContent(), { timeout: 10_000 })
      .toBe('DevTools saw 1 WebSocket connection that is not in this recording:');
    const items = await notice.getByRole('listitem').allTextContents();
    expect(items).toEqual([`${s.server.wsOrigin}/from-worker (1 handshake)`]);
    // The page's socket is in the table: recorded, so not named here.
    const closed = panel.locator('.closures-row[data-code="4000"]');
    await closed.waitFor();
    expect(await closed.locator('.cell-url').textContent()).toContain('/from-page');
    expect(await panel.locator('.closures-row', { hasText: '/from-worker' }).count()).toBe(0);
  });
});
