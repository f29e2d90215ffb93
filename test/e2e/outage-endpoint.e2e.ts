/**
 * A simulated outage refuses handshakes to the one endpoint it was started on (scheme, host and path, any
 * query), as the panel says, and not to the endpoints under its path: a server that is down is one
 * endpoint, and an app's other sockets (`/ws/notifications` beside `/ws`) keep connecting.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { openExtensionPage, simulate } from './support/extension-page';

const s = useBrowserAndServer();

type Tried = { tried(path: string): Promise<string> };

describe('a simulated outage', () => {
  it('blocks its endpoint with any query, and no other path', async () => {
    const ext = await openExtensionPage(s.b.context, s.b.extensionId);
    const url = s.server.page(
      '/outage-endpoint',
      `<!doctype html><script>
      window.first = new WebSocket('${s.server.wsOrigin}/ws');
      // How a new socket to the path ends: 'open', or the refused handshake's error.
      window.tried = (path) => new Promise((resolve) => {
        const t = new WebSocket('${s.server.wsOrigin}' + path);
        t.onopen = () => { resolve('open'); t.close(); };
        t.onerror = () => resolve('error');
      });
    </script>`,
    );
    const page = await s.b.context.newPage();
    await page.goto(url);
    const { id, tabId } = await waitForRecording(s.b.worker, url, (r) => {
      const c = r.connections.find((x) => x.url.endsWith('/ws') && x.events.some((e) => e.type === 'open'));
      return c ? { id: c.id, tabId: r.tabId } : undefined;
    });
    expect(await simulate(ext, { tabId, id }, { kind: 'outage', seconds: 60 })).toEqual({ type: 'ok' });
    const tried = (path: string) => page.evaluate((p) => (window as unknown as Tried).tried(p), path);
    expect(await tried('/ws')).toBe('error');
    expect(await tried('/ws?token=1')).toBe('error');
    expect(await tried('/ws/notifications')).toBe('open');
    expect(await tried('/ws/')).toBe('open');
    await page.close();
  });
});
