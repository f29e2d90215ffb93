/**
 * The hook is invisible to pages in Firefox too: the transparency probe
 * (instanceof, prototype chain, statics, toString, errors, subclassing, event
 * order) gives the same results with the extension as after it is uninstalled,
 * in one firefox-esr.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { startServer, type TestServer } from './support/servers';
import {
  GECKO_ID,
  launchFirefox,
  openExtensionPage,
  waitForStoredRecording,
  type LaunchedFirefox,
} from './support/firefox';

const probe = readFileSync(new URL('./transparency-probe.js', import.meta.url), 'utf8');
let ff: LaunchedFirefox;
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  ff = await launchFirefox();
}, 180_000);

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

async function runProbe(path: string): Promise<{ url: string; result: unknown; page: Page }> {
  const url = server.page(path, `<!doctype html><html><head><script>${probe}</script></head><body></body></html>`);
  const page = await ff.browser.newPage();
  await page.goto(url);
  const result = await page.evaluate(
    (ws) => (window as unknown as { runProbe(u: string): Promise<unknown> }).runProbe(ws),
    `${server.wsOrigin}/probe`,
  );
  return { url, result, page };
}

describe('transparency in Firefox', () => {
  it('gives identical results with the extension and without it', async () => {
    const withExt = await runProbe('/probe-with');
    // The hook was there: the probe's sockets were recorded (read while the probe's tab is open:
    // closing a tab drops its recording). Not the one the probe opens from a fresh iframe in the same
    // task: Firefox ESR 140.12 runs content scripts in a script-made about:blank frame only after that
    // task (a known gap, docs/firefox.md), where Chromium runs them before the page can reach the frame.
    const ext = await openExtensionPage(ff.browser, 'src/popup/popup.html?tab=0');
    await waitForStoredRecording(
      ext,
      withExt.url,
      (r) => r.connections.filter((c) => c.url.endsWith('/probe')).length >= 3,
    );
    await ext.close();
    await withExt.page.close();

    await ff.browser.uninstallExtension(GECKO_ID);
    const without = await runProbe('/probe-without');

    expect(without.result).toMatchObject({ instanceof: true, ctor: true, name: 'WebSocket' });
    expect(withExt.result).toEqual(without.result);
  });
});
