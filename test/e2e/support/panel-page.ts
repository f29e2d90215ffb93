/**
 * A page served by the session's local server, opened in a new tab with the
 * real Closeline panel inspecting it. With `host`, the page and its sockets use
 * that name instead of 127.0.0.1 (the browser maps it with a host-resolver rule),
 * so the same local server stands for a site that is not local.
 */
import type { Frame, Page } from 'playwright-core';
import { openCloselinePanel } from './devtools';
import type { Session } from './session';

export async function openPageWithPanel(
  s: Session,
  path: string,
  html: (wsOrigin: string) => string,
  host?: string,
): Promise<{ page: Page; panel: Frame; url: string }> {
  const local = s.server.page(path, html(host ? s.server.wsOrigin.replace('127.0.0.1', host) : s.server.wsOrigin));
  const url = host ? local.replace('127.0.0.1', host) : local;
  const page = await s.b.context.newPage();
  await page.goto(url);
  // A DevTools front end can take long to connect on a loaded machine (see openCloselinePanel).
  const { panel } = await openCloselinePanel(s.b.context, url, s.b.extensionId, 60_000);
  return { page, panel, url };
}
