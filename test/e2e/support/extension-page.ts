/**
 * Talks to the background the way the panel and popup do: runtime messages from
 * an extension page (the real messaging path, with its sender checks).
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { SimulateCommand, SimulateScope, ViewRequest, ViewResponse } from '../../../src/protocol/messages';

export async function openExtensionPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  // Any document of the extension's origin has the extension APIs and passes the sender check.
  await page.goto(`chrome-extension://${extensionId}/manifest.json`);
  return page;
}

export async function request(page: Page, req: ViewRequest): Promise<ViewResponse> {
  const raw = await page.evaluate((msg) => chrome.runtime.sendMessage({ source: 'closeline', v: 1, msg }), req);
  return (raw as { msg: ViewResponse }).msg;
}

/** Asks the background to simulate `command` on a recorded connection, as the panel's Simulate section does. */
export function simulate(
  page: Page,
  target: { tabId: number; id: string },
  command: SimulateCommand,
  scope: SimulateScope = 'connection',
): Promise<ViewResponse> {
  return request(page, { type: 'simulate', tabId: target.tabId, connectionId: target.id, scope, command });
}
