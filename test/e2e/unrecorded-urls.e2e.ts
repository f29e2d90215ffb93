/**
 * The page's own sockets are never named as unrecorded, whatever their URL: one with a user name and
 * password (DevTools' request URL has the password, the recording never keeps it) and one whose URL is
 * longer than the recording keeps (it is stored cut). A worker's socket, which the hook cannot see, is
 * what tells the test that the panel has judged DevTools' network data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { openCloselinePanel } from './support/devtools';

const s = useBrowserAndServer({ devtools: true });
let panel: Frame;
let page: Page;

beforeAll(async () => {
  const withUser = `${s.server.wsOrigin.replace('://', '://alice:s3cret@')}/with-user`;
  const long = `${s.server.wsOrigin}/long?q=${'x'.repeat(3000)}`;
  const workerCode = `new WebSocket('${s.server.wsOrigin}/from-worker').onopen = () => postMessage('open');`;
  const pageUrl = s.server.page(
    '/unrecorded-urls',
    `<!doctype html><script>
    let opened = 0;
    const count = () => ++opened === 3 && (document.title = 'all open');
    const w = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(workerCode)}], { type: 'text/javascript' })));
    w.onmessage = count;
    new WebSocket('${withUser}').onopen = count;
    new WebSocket('${long}').onopen = count;
  </script>`,
  );
  page = await s.b.context.newPage();
  await page.goto(pageUrl);
  ({ panel } = await openCloselinePanel(s.b.context, pageUrl, s.b.extensionId));
  // DevTools keeps network data from when it opened: the page's sockets are made again under its eye.
  await page.reload();
  await page.waitForFunction(() => document.title === 'all open');
}, 90_000);

describe('the unrecorded sockets notice', () => {
  it("names the worker's socket only, not the page's with a password or a long URL", async () => {
    await panel.getByTestId('unrecorded').waitFor({ timeout: 30_000 });
    const items = await panel.getByTestId('unrecorded').getByRole('listitem').allTextContents();
    expect(items).toEqual([`${s.server.wsOrigin}/from-worker (1 handshake)`]);
    expect(await panel.getByTestId('unrecorded').getByRole('heading').textContent()).toBe(
      'DevTools saw 1 WebSocket connection that is not in this recording:',
    );
  });
});
