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
    // What was recorded of the calls made under index getters, in a close()'s valueOf, and with a
    // fractional code is what Firefox did: it rounds 3001.5 half to even, to 3002 (Chromium sends 3001).
    const rec = await waitForStoredRecording(
      ext,
      withExt.url,
      (r) =>
        ['/probe-index', '/probe-valueof', '/probe-fraction'].every((end) =>
          r.connections.some((c) => c.url.endsWith(end) && c.events.some((e) => e.type === 'close')),
        ) && r,
    );
    const calls = (end: string) =>
      rec.connections
        .find((c) => c.url.endsWith(end))!
        .events.flatMap((e) => (e.type === 'close-call' ? [{ code: e.code, readyState: e.readyState }] : []));
    expect(rec.connections.find((c) => c.url.endsWith('/probe-index'))!.protocols).toEqual([]);
    expect(calls('/probe-index')).toEqual([{ code: undefined, readyState: 0 }]);
    expect(calls('/probe-valueof')).toEqual([
      { code: 4001, readyState: 1 },
      { code: 4002, readyState: 2 },
    ]);
    expect(calls('/probe-fraction')).toEqual([{ code: 3002, readyState: 1 }]);
    await ext.close();
    await withExt.page.close();

    await ff.browser.uninstallExtension(GECKO_ID);
    const without = await runProbe('/probe-without');

    expect(without.result).toMatchObject({ instanceof: true, ctor: true, name: 'WebSocket' });
    expect(withExt.result).toEqual(without.result);
  });
});
