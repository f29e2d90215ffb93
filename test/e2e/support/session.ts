/**
 * The usual e2e fixture: one Chromium with the extension and one local server
 * per test file, started before its tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Launched } from './browser';
import { startServer, type TestServer } from './servers';
import { waitForRecording } from './recording';
import { closeEventOf } from '../../../src/protocol/recording';

export interface Session {
  b: Launched;
  server: TestServer;
}

export function useBrowserAndServer(opts: Parameters<typeof launch>[0] = {}): Session {
  const s = {} as Session;
  beforeAll(async () => {
    s.server = await startServer();
    s.b = await launch(opts);
  });
  afterAll(async () => {
    await s.b?.close();
    await s.server?.close();
  });
  return s;
}

/**
 * Opens in a new tab the session server's page at `path`, on `host` instead of 127.0.0.1 when given (Chromium
 * resolves every *.localhost name to the loopback address), whose one socket opens and closes with 1000;
 * resolves once the tab's recording holds that close.
 */
export async function openPageWithClosedSocket(
  s: Session,
  path: string,
  host?: string,
): Promise<{ page: Page; url: string; tabId: number }> {
  const local = s.server.page(
    path,
    `<!doctype html><script>const w = new WebSocket('${s.server.wsOrigin}${path}'); w.onopen = () => w.close(1000);</script>`,
  );
  const url = host ? local.replace('127.0.0.1', host) : local;
  const page = await s.b.context.newPage();
  await page.goto(url);
  const { tabId } = await waitForRecording(s.b.worker, url, (r) => (r.connections.some(closeEventOf) ? r : undefined));
  return { page, url, tabId };
}
