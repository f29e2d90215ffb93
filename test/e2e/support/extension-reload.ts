/**
 * Reloads the extension as an update from the store does: the worker starts again with the build in its
 * folder, storage.session is emptied, the extension's pages close, and the pages already open keep the
 * content scripts of the build before (cut off from the extension) until they are reloaded.
 */
import type { Page, Worker } from 'playwright-core';
import type { Launched } from './browser';

export async function reloadExtension(b: Launched): Promise<Worker> {
  const old = b.worker;
  const manager: Page = await b.context.newPage();
  try {
    await manager.goto('chrome://extensions/');
    // Without developer mode, Chromium disables a reloaded extension loaded from the command line.
    await manager.evaluate(async (id) => {
      const dev = (chrome as unknown as { developerPrivate: Record<string, (...a: unknown[]) => Promise<unknown>> })
        .developerPrivate;
      await dev.updateProfileConfiguration!({ inDeveloperMode: true });
      await dev.reload!(id, { failQuietly: true });
    }, b.extensionId);
  } finally {
    await manager.close();
  }
  // The new worker starts at its first event: an extension page of its own wakes it.
  const waker = await b.context.newPage();
  try {
    for (let i = 0; ; i++) {
      const fresh = b.context.serviceWorkers().find((w) => w !== old && w.url().includes(b.extensionId));
      if (fresh) return fresh;
      if (i > 200) throw new Error('the reloaded extension started no service worker');
      if (i % 20 === 0) await waker.goto(`chrome-extension://${b.extensionId}/manifest.json`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await waker.close();
  }
}
