/**
 * Allowing the extension in private (incognito) windows, as a user does on chrome://extensions ("Allow in
 * Incognito"), through that page's own API. Chromium reloads the extension for it: an unpacked one is then
 * disabled unless developer mode is on, so that is turned on first. Resolves with the reloaded extension's
 * service worker (the one the launch gave is gone with the old instance).
 */
import type { Worker } from 'playwright-core';
import type { Launched } from './browser';

interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }, done: () => void): void;
  updateExtensionConfiguration(update: { extensionId: string; incognitoAccess: boolean }, done: () => void): void;
}

export async function allowInIncognito(b: Launched): Promise<Worker> {
  const page = await b.context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      () =>
        new Promise<void>((done) =>
          (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate.updateProfileConfiguration(
            { inDeveloperMode: true },
            done,
          ),
        ),
    );
    const reloaded = b.context.waitForEvent('serviceworker', (w) => w.url().includes(b.extensionId));
    await page.evaluate(
      (extensionId) =>
        new Promise<void>((done) =>
          (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate.updateExtensionConfiguration(
            { extensionId, incognitoAccess: true },
            done,
          ),
        ),
      b.extensionId,
    );
    const worker = await reloaded;
    if (!(await worker.evaluate(() => chrome.extension.isAllowedIncognitoAccess())))
      throw new Error('the extension is not allowed in incognito windows');
    return worker;
  } finally {
    await page.close();
  }
}
