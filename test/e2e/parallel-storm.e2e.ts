/**
 * A page whose reconnect runs twice per failure (two timers per close) against a
 * server that turns every socket away with 1013: each failure opens two sockets,
 * and linking pairs each closure with one of them. The panel still calls it a
 * storm, counting the sockets opened beside the chain, in real Chromium with the
 * real server's closes.
 */
import { describe, expect, it } from 'vitest';
import { closeEventOf } from '../../src/protocol/recording';
import { waitForRecording } from './support/recording';
import { useBrowserAndServer } from './support/session';

const s = useBrowserAndServer();
/** The first socket, then two for each of the first three closes. */
const SOCKETS = 7;

describe('a reconnect that runs twice per failure', () => {
  it('is a storm in the panel, with the sockets opened beside the reconnects counted', async () => {
    const url = s.server.page(
      '/parallel-storm',
      `<!doctype html><title>parallel storm</title><script>
      let closes = 0;
      const connect = () => {
        const w = new WebSocket('${s.server.wsOrigin}/twice');
        w.onclose = () => {
          if (closes++ < 3) {
            setTimeout(connect, 50);
            setTimeout(connect, 50);
          }
        };
      };
      connect();
    </script>`,
    );
    for (let i = 0; i < SOCKETS; i++)
      void s.server.connectionTo('/twice', i).then((c) => c.ws.close(1013, 'Try again later'));
    const page = await s.b.context.newPage();
    await page.goto(url);
    const rec = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.filter((c) => closeEventOf(c)).length === SOCKETS ? r : undefined,
    );

    const panel = await s.b.context.newPage();
    await panel.setViewportSize({ width: 1440, height: 900 });
    await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${rec.tabId}`);
    // Sorted by time: the first row is the closure the others answer.
    await panel.locator('[data-testid="closure-row"]').first().click();
    const sentence = panel.locator('[data-testid="detail-verdict-text"]');
    await expect
      .poll(() => sentence.textContent())
      .toMatch(
        new RegExp(
          `^Problem Reconnect storm: ${SOCKETS - 1} attempts within \\d+\\.\\d\\d s, counting [1-9] opened beside the reconnects \\(more than one socket per failure\\)\\.`,
        ),
      );
    // Linking alone gives the first closure fewer attempts than that: the others were opened beside it.
    const steps = await panel.locator('[data-testid="detail-episode"] li').allTextContents();
    expect(steps.filter((x) => /^Attempt \d+ after /.test(x.trim())).length).toBeLessThan(SOCKETS - 1);
  });
});
