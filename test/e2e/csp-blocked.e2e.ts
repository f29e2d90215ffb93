/**
 * A socket the page's Content Security Policy forbids (`connect-src` without its host): Chromium fires its
 * error event and leaves it CLOSED, but fires no close event, so the page never hears that it ended. It is
 * no open connection, and a page that tries again on every error is judged as a page retrying failures.
 * Real Chromium, a real server (which never sees the refused handshakes).
 */
import { describe, expect, it } from 'vitest';
import { closeEventOf } from '../../src/protocol/recording';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { t } from './support/english';

const s = useBrowserAndServer();

describe('a socket the page’s CSP blocks', () => {
  it('ends at its error, as a failed connection, and is not counted open', async () => {
    // Three attempts, each made when the one before it failed.
    const url = s.server.page(
      '/csp-blocked',
      `<!doctype html><script nonce="n">
      window.states = [];
      const connect = () => {
        const w = new WebSocket('${s.server.wsOrigin}/blocked');
        w.onerror = () => { states.push(w.readyState); if (states.length < 3) setTimeout(connect, 300); };
        w.onclose = () => states.push('close event');
      };
      connect();
      </script>`,
      { headers: { 'content-security-policy': "script-src 'nonce-n'; connect-src 'none'" } },
    );
    const page = await s.b.context.newPage();
    await page.goto(url);
    // What the browser did: three errors, each leaving the socket CLOSED (3).
    await page.waitForFunction(() => (window as unknown as { states: unknown[] }).states.length === 3);
    expect(s.server.connections.filter((c) => c.path === '/blocked')).toEqual([]);

    const rec = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.length === 3 && r.connections.every((c) => closeEventOf(c)) ? r : undefined,
    );
    for (const c of rec.connections) {
      expect(c.events.map((e) => e.type)).toEqual(['error', 'close']);
      expect(closeEventOf(c)).toMatchObject({ code: 1006, wasClean: false, reason: '', inferred: true });
      expect(closeEventOf(c)?.at).toBe(c.events[0]?.at);
    }
    // The page never received a close event (the premise: the inference is Closeline's, not the page's).
    expect(await page.evaluate(() => (window as unknown as { states: unknown[] }).states)).toEqual([3, 3, 3]);

    const popup = await s.b.context.newPage();
    await popup.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${rec.tabId}`);
    await popup.locator('.closures .closure .code', { hasText: '1006' }).first().waitFor();
    expect(await popup.locator('#popup-open').textContent()).toBe(t('popup_open_heading', ['0']));
    // The panel's events of such a socket say that the page saw no close event, and why.
    const panel = await s.b.context.newPage();
    await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${rec.tabId}`);
    await panel.locator('[data-testid="closure-row"][data-code="1006"]').first().click();
    await panel.locator('.raw-events', { hasText: t('panel_event_close_inferred', ['1006']) }).waitFor();
    await Promise.all([popup.close(), panel.close(), page.close()]);
  });
});
