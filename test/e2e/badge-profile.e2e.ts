/**
 * The toolbar badge counts problems by the chosen recommendation profile, as the panel and popup do.
 * A 1012 answered after 0.1 s is "too soon" by the default profile and fits RFC 6455's: choosing
 * another profile re-judges every view at once, and the badge must follow with no new event from the
 * page (an idle page sends none, so a badge left behind stays wrong).
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { openExtensionPage, request } from './support/extension-page';
import { SETTINGS_STORAGE_KEY } from '../../src/protocol/messages';

const s = useBrowserAndServer();

describe('the toolbar badge and the chosen profile', () => {
  it('is drawn again when the profile changes, with no new event from the page', async () => {
    const url = s.server.page(
      '/restart-soon',
      `<!doctype html><script>
        function connect() {
          const ws = new WebSocket('${s.server.wsOrigin}/restart');
          ws.onclose = (e) => { if (e.code === 1012) setTimeout(connect, 100); };
        }
        connect();
      </script><p>reconnects 0.1 s after 1012</p>`,
    );
    const page = await s.b.context.newPage();
    await page.goto(url);
    (await s.server.connectionTo('/restart')).ws.close(1012, 'Service restart');
    await s.server.connectionTo('/restart', 1);
    const tabId = await waitForRecording(s.b.worker, url, (r) => r.connections.length === 2 && r.tabId);
    const badge = () => s.b.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge, { timeout: 10_000 }).toBe('1');

    const views = await openExtensionPage(s.b.context, s.b.extensionId);
    const chosen = await request(views, { type: 'set-settings', settings: { profileId: 'rfc6455' } });
    expect(chosen.type === 'settings' && chosen.settings.profileId).toBe('rfc6455');
    await expect.poll(badge, { timeout: 10_000 }).toBe('');

    // Written by another context straight to storage (as a settings sync would): the same.
    await views.evaluate(async (key) => {
      const stored = (await chrome.storage.local.get(key))[key] as Record<string, unknown>;
      await chrome.storage.local.set({ [key]: { ...stored, profileId: 'default' } });
    }, SETTINGS_STORAGE_KEY);
    await expect.poll(badge, { timeout: 10_000 }).toBe('1');
    // The page sent nothing in between: its two sockets, the second still open.
    expect(s.server.connections.filter((c) => c.path === '/restart')).toHaveLength(2);
  }, 60_000);
});
