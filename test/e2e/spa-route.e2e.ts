/**
 * A single-page app moves with history.pushState, without a new document: each socket is recorded with
 * the address its page had when it made it, in the top document and in a frame, and the detail names
 * that page where it is not the document's own address (query values redacted as everywhere else).
 * Real Chromium, the real server's close.
 */
import { describe, expect, it } from 'vitest';
import { closeEventOf, type Recording } from '../../src/protocol/recording';
import { waitForRecording } from './support/recording';
import { useBrowserAndServer } from './support/session';

const s = useBrowserAndServer();

describe('a single-page app that changes its route', () => {
  it('records and shows the route each socket was made on', async () => {
    const ws = s.server.wsOrigin;
    const frameUrl = s.server.page(
      '/spa-frame/home',
      `<!doctype html><script>history.pushState(null, '', '/spa-frame/room#7'); new WebSocket('${ws}/spa-c');</script>`,
    );
    // The first socket on the address the document was loaded at, the second after a route change (its
    // query a token), the frame's after its own.
    const url = s.server.page(
      '/spa/login',
      `<!doctype html><script>
        new WebSocket('${ws}/spa-a');
        addEventListener('load', () => {
          history.pushState(null, '', '/spa/chat/42?token=secret');
          new WebSocket('${ws}/spa-b');
          const f = document.createElement('iframe');
          f.src = ${JSON.stringify(frameUrl)};
          document.body.append(f);
        });
      </script><body></body>`,
    );
    for (const p of ['/spa-a', '/spa-b', '/spa-c'])
      void s.server.connectionTo(p).then((c) => c.ws.close(1012, 'restart'));
    const page = await s.b.context.newPage();
    await page.goto(url);
    const rec: Recording = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.filter((c) => closeEventOf(c)).length === 3 ? r : undefined,
    );
    const byEnd = (end: string) => rec.connections.find((c) => c.url.endsWith(end))!;
    expect(byEnd('/spa-a').frameUrl).toBe(url);
    expect(byEnd('/spa-b').frameUrl).toBe(`${s.server.origin}/spa/chat/42?token=secret`);
    expect(byEnd('/spa-c').frameUrl).toBe(`${s.server.origin}/spa-frame/room#7`);

    const panel = await s.b.context.newPage();
    await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${rec.tabId}`);
    const pane = panel.locator('[data-testid="detail-pane"]');
    const detailOf = async (end: string) => {
      await panel.locator(`[data-testid="closure-row"][data-id="${byEnd(end).id}"]`).click();
      await pane.locator('.detail-url', { hasText: end }).waitFor();
      return pane;
    };
    // The route, with its token redacted; the first socket's page is the document's, so it is not named.
    expect(await (await detailOf('/spa-b')).getByTestId('detail-page').textContent()).toBe(
      `${s.server.origin}/spa/chat/42?token=REDACTED`,
    );
    expect(await (await detailOf('/spa-a')).getByTestId('detail-page').count()).toBe(0);
    // A frame's socket names its frame's page, as it did.
    const frame = await detailOf('/spa-c');
    expect(await frame.getByTestId('detail-page').count()).toBe(0);
    expect(await frame.locator('dd', { hasText: '/spa-frame/room#7' }).count()).toBe(1);
    await panel.close();
    await page.close();
  });
});
