/**
 * A page that retries at once, many times, after its server turns it away with
 * 1013: the panel names the first waits and counts the rest, and lists the
 * episode by its first and last attempts with a line for those between, in real
 * Chromium with the real server's closes. (The bound is what keeps an episode of
 * thousands of attempts, a page retrying every second for hours, from taking
 * seconds to show; 60 attempts are enough to see it here.)
 */
import { describe, expect, it } from 'vitest';
import { closeEventOf } from '../../src/protocol/recording';
import { waitForRecording } from './support/recording';
import { useBrowserAndServer } from './support/session';

const s = useBrowserAndServer();
const ATTEMPTS = 60;

describe('a long episode in the panel', () => {
  it('shows the first ten waits and a count, and the first and last three attempts with a line for the rest', async () => {
    const url = s.server.page(
      '/long-episode',
      `<!doctype html><title>long episode</title><script>
      let tries = 0;
      const connect = () => {
        const w = new WebSocket('${s.server.wsOrigin}/busy');
        w.onclose = () => { if (tries++ < ${ATTEMPTS}) setTimeout(connect, 10); };
      };
      connect();
    </script>`,
    );
    for (let i = 0; i <= ATTEMPTS; i++)
      void s.server.connectionTo('/busy', i).then((c) => c.ws.close(1013, 'Try again later'));
    const page = await s.b.context.newPage();
    await page.goto(url);
    const rec = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.filter((c) => closeEventOf(c)).length === ATTEMPTS + 1 ? r : undefined,
    );

    const panel = await s.b.context.newPage();
    await panel.setViewportSize({ width: 1440, height: 900 });
    await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${rec.tabId}`);
    // Sorted by time: the first row is the closure that started the episode.
    await panel.locator('[data-testid="closure-row"]').first().click();
    const episode = panel.locator('[data-testid="detail-episode"]');
    await episode.waitFor();
    const steps = (await episode.locator('li').allTextContents()).map((x) => x.trim());
    expect(steps[0]).toBe('Closed with 1013');
    expect(steps.slice(1, 4)).toEqual([
      expect.stringMatching(/^Attempt 1 after /),
      expect.stringMatching(/^Attempt 2 after /),
      expect.stringMatching(/^Attempt 3 after /),
    ]);
    expect(steps[4]).toBe(`${ATTEMPTS - 6} more attempts not listed here`);
    expect(steps.slice(5)).toEqual([
      expect.stringMatching(new RegExp(`^Attempt ${ATTEMPTS - 2} after `)),
      expect.stringMatching(new RegExp(`^Attempt ${ATTEMPTS - 1} after `)),
      expect.stringMatching(new RegExp(`^Attempt ${ATTEMPTS} after `)),
    ]);
    const verdict = panel.locator('[data-testid="detail-verdict"]');
    await expect.poll(() => verdict.textContent()).toContain(`and ${ATTEMPTS - 10} more`);
    // Every delay the sentence names is one of the first ten: nothing else of the 60 is spelled out.
    const sentence = (await panel.locator('[data-testid="detail-verdict-text"]').textContent()) ?? '';
    expect(sentence.match(/\d+\.\d\d/g)?.length ?? 0).toBeLessThanOrEqual(12);

    // The last attempt's detail lists its neighbours.
    await episode.getByRole('button', { name: new RegExp(`^Attempt ${ATTEMPTS} after `) }).click();
    await expect
      .poll(async () => (await episode.locator('li').allTextContents()).map((x) => x.trim()).slice(4))
      .toEqual([
        `${ATTEMPTS - 9} more attempts not listed here`,
        ...Array.from({ length: 6 }, (_, i) => expect.stringMatching(new RegExp(`^Attempt ${ATTEMPTS - 5 + i}`))),
      ]);
  });
});
