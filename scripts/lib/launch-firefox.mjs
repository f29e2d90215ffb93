// Launches Debian's firefox-esr through puppeteer-core over WebDriver BiDi
// (nothing downloaded) with the Firefox build installed as a temporary add-on
// and a debugger server on a free port (the Remote Debugging Protocol that
// about:debugging uses). Shared by the Firefox e2e tests and the Firefox demo.
// Facts this relies on (checked on firefox-esr 153):
// - the uuids pref fixes the add-on's moz-extension:// origin in advance;
// - opening an extension page needs --remote-allow-system-access, and even then
//   puppeteer never sees its load event: wait on the page's DOM instead.
import puppeteer from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFirefox, FIREFOX_INSTALL_HINT } from '../firefox-path.mjs';
import { FIREFOX_DIST } from './dist.mjs';
import { freePort } from './free-port.mjs';

/** Chosen here, so extension pages' URLs are known before install. */
export const EXTENSION_UUID = '5b0c2a41-7d3e-4f8a-9c61-0e2f4d8b7a13';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** The add-on id of a Firefox build, from its manifest. */
export function geckoIdOf(dist = FIREFOX_DIST) {
  const file = join(dist, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${dist} has no manifest.json: run \`npm run build\` first`);
  const id = JSON.parse(readFileSync(file, 'utf8')).browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${file} has no browser_specific_settings.gecko.id: is it the Firefox build?`);
  return id;
}

/**
 * @param {{ extension?: boolean, dist?: string, prefs?: Record<string, unknown> }} opts
 */
export async function launchFirefox(opts = {}) {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(`No Firefox found. Install it: ${FIREFOX_INSTALL_HINT}`);
  const dist = opts.dist ?? FIREFOX_DIST;
  const withExtension = opts.extension !== false;
  const geckoId = withExtension ? geckoIdOf(dist) : '';
  const debuggerPort = await freePort();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access', '--start-debugger-server', String(debuggerPort)],
    extraPrefsFirefox: {
      ...(withExtension ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }) } : {}),
      // The debugger server about:debugging uses, without its confirmation prompt.
      'devtools.debugger.remote-enabled': true,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
      ...opts.prefs,
    },
  });
  const close = () => browser.close().catch(() => undefined);
  if (withExtension) {
    try {
      await browser.installExtension(dist);
    } catch (e) {
      await close();
      throw e;
    }
  }
  return { browser, geckoId, debuggerPort, close };
}

/**
 * Opens an extension page (path under the extension root) in a new tab and
 * waits until the `ready` expression holds in it. puppeteer never sees such a
 * page's load event, so the navigation's timeout is expected and ignored.
 */
export async function openExtensionPage(browser, path, ready = 'document.readyState === "complete"') {
  const page = await browser.newPage();
  await page.goto(`${EXTENSION_ORIGIN}/${path}`, { timeout: 1500 }).catch(() => undefined);
  // Polled from here: page.evaluate goes through WebDriver BiDi's script.evaluate, which the page's
  // Content-Security-Policy does not govern, whereas waitForFunction builds a Function inside the page,
  // which an extension page's policy (no eval) refuses in Firefox ESR 140.12.
  // `!!`: the expression may give an element, which would come back as a reference, not a boolean.
  // The origin check comes first: until the navigation commits, the tab is still the about:blank it
  // opened with, whose readyState is already "complete" and which has no extension API.
  const check = `location.href.startsWith(${JSON.stringify(`${EXTENSION_ORIGIN}/`)}) && !!(${ready})`;
  const deadline = Date.now() + 30_000;
  while (!(await page.evaluate(check).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${path} was not ready within 30 s (${String(ready)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return page;
}
