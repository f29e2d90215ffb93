/**
 * Launches Debian's firefox-esr through puppeteer-core over WebDriver BiDi
 * (nothing downloaded) with the Firefox build (dist/firefox/) installed as a
 * temporary add-on, and a debugger server the tests reach with FirefoxRdp.
 * Facts this relies on (checked on firefox-esr 153):
 * - the uuids pref fixes the add-on's moz-extension:// origin in advance;
 * - opening an extension page needs --remote-allow-system-access, and even then
 *   puppeteer never sees its load event: wait on the page's DOM instead;
 * - a test cannot open Firefox's DevTools, so panel.html is opened as a page.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createServer } from 'node:net';
import { findFirefox, FIREFOX_INSTALL_HINT } from '../../../scripts/firefox-path.mjs';
import { FIREFOX_DIST } from '../../../scripts/lib/dist.mjs';
import { GECKO_ID } from '../../../scripts/build/manifest';
import { wrap, type ViewRequest, type ViewResponse } from '../../../src/protocol/messages';
import type { Recording } from '../../../src/protocol/recording';
import { FirefoxRdp } from './firefox-rdp';
import { isRecordingOf, recordingsFromStorage } from './recording';

export { GECKO_ID };
/** Chosen here, so extension pages' URLs are known before install. */
export const EXTENSION_UUID = '5b0c2a41-7d3e-4f8a-9c61-0e2f4d8b7a13';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface LaunchedFirefox {
  browser: Browser;
  rdp: FirefoxRdp;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function launchFirefox(opts: { extension?: boolean } = {}): Promise<LaunchedFirefox> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(`No Firefox found. Install it: ${FIREFOX_INSTALL_HINT}`);
  const port = await freePort();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access', '--start-debugger-server', String(port)],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // The debugger server about:debugging uses, without its confirmation prompt.
      'devtools.debugger.remote-enabled': true,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
    },
  });
  let rdp: FirefoxRdp | undefined;
  try {
    rdp = await FirefoxRdp.connect(port);
    if (opts.extension !== false) await browser.installExtension(FIREFOX_DIST);
  } catch (e) {
    rdp?.close();
    await browser.close().catch(() => undefined);
    throw e;
  }
  const connected = rdp;
  return {
    browser,
    rdp: connected,
    async close() {
      connected.close();
      await browser.close().catch(() => undefined);
    },
  };
}

/**
 * Opens an extension page (path under the extension root) in a new tab and
 * waits until `ready` holds in it. puppeteer never sees such a page's load
 * event, so the navigation's timeout is expected and ignored.
 */
export async function openExtensionPage(browser: Browser, path: string, ready = 'document.readyState === "complete"'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${EXTENSION_ORIGIN}/${path}`, { timeout: 1500 }).catch(() => undefined);
  await page.waitForFunction(ready, { timeout: 30_000, polling: 100 });
  return page;
}

/** A view request through runtime messaging, as the panel and popup send it (wakes a stopped background). */
export async function requestView(page: Page, req: ViewRequest): Promise<ViewResponse> {
  const raw = await page.evaluate((msg) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(msg), wrap(req));
  return (raw as { msg: ViewResponse }).msg;
}

/** The background page's per-instance id; getBackgroundPage starts a stopped event page. */
export async function backgroundInstance(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const bg = await (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window | null> } } }).browser.runtime.getBackgroundPage();
    return (bg as unknown as { __closelineInstance?: string } | null)?.__closelineInstance ?? '';
  });
}

/** Polls storage.session (from an extension page) until `check` accepts the recording of `pageUrl`. */
export async function waitForStoredRecording<T>(page: Page, pageUrl: string, check: (r: Recording) => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: Recording | undefined;
  for (;;) {
    const all = await page.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.storage.session.get(null));
    last = recordingsFromStorage(all).find((r) => isRecordingOf(r, pageUrl));
    const v = last && check(last);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`recording for ${pageUrl} did not reach the expected state in ${timeoutMs} ms; last: ${JSON.stringify(last)?.slice(0, 4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
