/**
 * Firefox e2e support: firefox-esr with the Firefox build (dist/firefox/) as a
 * temporary add-on (scripts/lib/launch-firefox.mjs), plus a debugger-protocol
 * client for what WebDriver BiDi cannot do. A test cannot open Firefox's
 * DevTools, so panel.html is opened as an extension page with ?tab=.
 */
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox as launch } from '../../../scripts/lib/launch-firefox.mjs';
import { GECKO_ID } from '../../../scripts/build/manifest';
import { wrap, type ViewRequest, type ViewResponse } from '../../../src/protocol/messages';
import type { Recording } from '../../../src/protocol/recording';
import { FirefoxRdp } from './firefox-rdp';
import { isRecordingOf, recordingsFromStorage } from './recording';

export { EXTENSION_ORIGIN, openExtensionPage } from '../../../scripts/lib/launch-firefox.mjs';
export { GECKO_ID };

export interface LaunchedFirefox {
  browser: Browser;
  rdp: FirefoxRdp;
  close(): Promise<void>;
}

export async function launchFirefox(
  opts: { extension?: boolean; prefs?: Record<string, unknown> } = {},
): Promise<LaunchedFirefox> {
  const l = await launch(opts);
  let rdp: FirefoxRdp;
  try {
    rdp = await FirefoxRdp.connect(l.debuggerPort);
  } catch (e) {
    await l.close();
    throw e;
  }
  return {
    browser: l.browser,
    rdp,
    async close() {
      rdp.close();
      await l.close();
    },
  };
}

/** A view request through runtime messaging, as the panel and popup send it (wakes a stopped background). */
export async function requestView(page: Page, req: ViewRequest): Promise<ViewResponse> {
  const raw = await page.evaluate(
    (msg) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(msg),
    wrap(req),
  );
  return (raw as { msg: ViewResponse }).msg;
}

/** The background page's per-instance id; getBackgroundPage starts a stopped event page. */
export async function backgroundInstance(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const bg = await (
      globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window | null> } } }
    ).browser.runtime.getBackgroundPage();
    return (bg as unknown as { __closelineInstance?: string } | null)?.__closelineInstance ?? '';
  });
}

/** Polls storage.session (from an extension page) until `check` accepts the recording of `pageUrl`. */
export async function waitForStoredRecording<T>(
  page: Page,
  pageUrl: string,
  check: (r: Recording) => T | undefined | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: Recording | undefined;
  for (;;) {
    const all = await page.evaluate(() =>
      (globalThis as unknown as { browser: typeof chrome }).browser.storage.session.get(null),
    );
    last = recordingsFromStorage(all).find((r) => isRecordingOf(r, pageUrl));
    const v = last && check(last);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline)
      throw new Error(
        `recording for ${pageUrl} did not reach the expected state in ${timeoutMs} ms; last: ${JSON.stringify(last)?.slice(0, 4000)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}
