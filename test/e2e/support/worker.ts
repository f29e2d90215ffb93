/** Stopping and proving restarts of the extension's service worker (a stopped worker is proven restarted by its instance id). */
import type { BrowserContext, Page, Worker } from 'playwright-core';

export async function instanceId(worker: Worker): Promise<string> {
  return worker.evaluate(() => (globalThis as { __closelineInstance?: string }).__closelineInstance ?? '');
}

/** Stops every service worker through the page's CDP ServiceWorker domain and waits until ours is gone. */
export async function stopServiceWorker(context: BrowserContext, page: Page, extensionId: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
      if (!targetInfos.some((t) => t.type === 'service_worker' && t.url.includes(extensionId))) return;
      if (Date.now() > deadline) throw new Error('service worker did not stop');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
