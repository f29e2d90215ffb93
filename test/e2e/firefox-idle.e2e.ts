/**
 * Firefox suspends an idle event page on its own (no about:debugging button
 * pressed), even while a page's relay holds a port to it. A closure that comes
 * while it is suspended must wake it, be recorded, and be drawn on the toolbar
 * badge. The idle timeout is shortened from Firefox's 30 s to keep the test quick.
 */
import { describe, expect, it } from 'vitest';
import { backgroundInstance, GECKO_ID, openExtensionPage, waitForStoredRecording } from './support/firefox';
import { useFirefoxAndServer } from './support/firefox-session';
import { closeEventOf } from '../../src/protocol/recording';

const IDLE_MS = 2000;

const s = useFirefoxAndServer({ prefs: { 'extensions.background.idle.timeout': IDLE_MS } });

/** Resolves once Firefox reports the event page stopped (polled: the debugger protocol sends no event for it). */
async function backgroundStopped(timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await s.ff.rdp.addon(GECKO_ID)).backgroundScriptStatus !== 'STOPPED') {
    if (Date.now() > deadline) throw new Error(`the background was not suspended within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Closeline in Firefox, background suspended when idle', () => {
  it('records a closure that comes while the event page is suspended, and draws its badge', async () => {
    // The page retries a 1008 at once with the same request: a problem, counted on the badge.
    const url = s.server.page(
      '/firefox-idle',
      `<!doctype html><script>
      let n = 0;
      const connect = () => {
        const s = new WebSocket('${s.server.wsOrigin}/idle?token=expired');
        if (n++ === 0) s.onclose = connect;
      };
      connect();
    </script>`,
    );
    // Opened as a tab only to reach the extension's APIs: unlike the popup and the panel, it holds no port
    // that would keep the background awake (in a tab it registers no panel: there is no devtools API there).
    const ext = await openExtensionPage(s.ff.browser, 'src/devtools/devtools.html');
    const page = await s.ff.browser.newPage();
    await page.goto(url);
    const first = await s.server.connectionTo('/idle');
    const { tabId } = await waitForStoredRecording(ext, url, (r) => r.connections.length === 1 && r);
    const before = await backgroundInstance(ext);
    expect(before).not.toBe('');

    // The relay's port is open; Firefox suspends the background all the same.
    await backgroundStopped();
    first.ws.close(1008, 'Token expired');
    await s.server.connectionTo('/idle', 1);

    const [closed] = await waitForStoredRecording(ext, url, (r) => {
      const c = r.connections.filter((x) => closeEventOf(x));
      return r.connections.length === 2 && c.length === 1 && c;
    });
    expect(closeEventOf(closed!)).toMatchObject({ code: 1008, reason: 'Token expired', wasClean: true });
    const badge = () =>
      ext.evaluate((id) => {
        const action = (globalThis as unknown as { browser: typeof chrome }).browser.action;
        return Promise.all([action.getBadgeText({ tabId: id }), action.getTitle({ tabId: id })]);
      }, tabId);
    await expect.poll(async () => (await badge())[0], { timeout: 10_000 }).toBe('1');
    expect((await badge())[1]).toContain('1008');
    // A new background instance recorded it: the suspension was real.
    expect(await backgroundInstance(ext)).not.toBe(before);
  });
});
