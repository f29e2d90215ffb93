/**
 * A 1013 the page never answers is pending for the link window (60 s), then a problem:
 * "no reconnect". The popup judges again on its clock; the toolbar badge, drawn on recorded
 * events, must come along with no further event from the page, so both say the same.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { closeEventOf } from '../../src/protocol/recording';

const s = useBrowserAndServer();

/** The link window and its tolerance (docs/verdicts.md): "no reconnect" is said only after 60.05 s. */
const WINDOW_MS = 60_050;

describe('the toolbar badge of an unanswered close', () => {
  it('counts the 1013 as a problem once the wait is judged, as the popup does, with no new event', async () => {
    const url = s.server.page(
      '/unanswered',
      `<!doctype html><script>new WebSocket('${s.server.wsOrigin}/busy');</script><p>gives up after 1013</p>`,
    );
    const page = await s.b.context.newPage();
    await page.goto(url);
    (await s.server.connectionTo('/busy')).ws.close(1013, 'Try again later');
    const { tabId, closedAt } = await waitForRecording(s.b.worker, url, (r) => {
      const close = r.connections[0] && closeEventOf(r.connections[0]);
      return close && { tabId: r.tabId, closedAt: close.at };
    });
    const badge = () =>
      s.b.worker.evaluate(
        (id) => Promise.all([chrome.action.getBadgeText({ tabId: id }), chrome.action.getTitle({ tabId: id })]),
        tabId,
      );
    // While the page may still reconnect the verdict is pending: nothing to count yet.
    expect((await badge())[0]).toBe('');

    const left = closedAt + WINDOW_MS - Date.now();
    await expect.poll(async () => (await badge())[0], { timeout: left + 15_000, interval: 500 }).toBe('1');
    expect((await badge())[1]).toContain('1013');
    const popup = await s.b.context.newPage();
    await popup.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${tabId}`);
    const group = popup.locator('.groups .group[data-code="1013"]');
    await group.waitFor();
    expect(await group.getAttribute('class')).toContain('has-problems');
    expect(await popup.locator('.closures .closure').first().getAttribute('class')).toContain('level-problem');
  }, 120_000);
});
