/**
 * Allowing the add-on in Firefox's private windows ("Run in Private Windows", off by default, and off for
 * the temporary add-on the Firefox tests install), as about:addons does: the private-browsing permission is
 * added in the parent process (over the debugger protocol), and the add-on reloaded so that it applies.
 */
import type { Page } from 'puppeteer-core';
import { EXTENSION_ORIGIN, GECKO_ID, type LaunchedFirefox } from './firefox';

export async function allowInPrivateWindows(ff: LaunchedFirefox): Promise<Page> {
  const { processDescriptor } = (await ff.rdp.request('root', 'getProcess', { id: 0 })) as unknown as {
    processDescriptor: { actor: string };
  };
  const { process } = (await ff.rdp.request(processDescriptor.actor, 'getTarget')) as unknown as {
    process: { consoleActor: string };
  };
  const id = JSON.stringify(GECKO_ID);
  // Answered at once with a result id (the result comes later, as an event): what it did is checked below.
  await ff.rdp.request(process.consoleActor, 'evaluateJSAsync', {
    text: `(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      await ExtensionPermissions.add(${id}, { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
      await (await AddonManager.getAddonByID(${id})).reload();
    })()`,
  });
  // The reloaded add-on's page says so. A page opened while the add-on reloads may never load: each try
  // gets a few seconds, then a fresh tab.
  const deadline = Date.now() + 60_000;
  const allowed = `location.href.startsWith(${JSON.stringify(EXTENSION_ORIGIN)}) && globalThis.browser.extension.isAllowedIncognitoAccess()`;
  for (;;) {
    const page = await ff.browser.newPage();
    await page.goto(`${EXTENSION_ORIGIN}/src/devtools/devtools.html`, { timeout: 1500 }).catch(() => undefined);
    for (const tryUntil = Date.now() + 5000; Date.now() < tryUntil; await new Promise((r) => setTimeout(r, 100)))
      if (await page.evaluate(allowed).catch(() => false)) return page;
    await page.close().catch(() => undefined);
    if (Date.now() > deadline) throw new Error('the add-on was not allowed in private windows within 60 s');
  }
}
