// Reads what the extension stored, from its service worker (the storage.session
// layout of src/background/persist.ts: t<tab>:meta plus t<tab>:c<n> chunks).
// The same logic as test/e2e/support/recording.ts, in plain JS for Node.

export async function storedRecordings(worker) {
  const all = await worker.evaluate(() => chrome.storage.session.get(null));
  const metas = new Map();
  const conns = new Map();
  for (const [key, value] of Object.entries(all)) {
    const m = /^t(\d+):(meta|c\d+)$/.exec(key);
    if (!m) continue;
    const tab = Number(m[1]);
    if (m[2] === 'meta') metas.set(tab, value);
    else conns.set(tab, [...(conns.get(tab) ?? []), ...value.c]);
  }
  return [...metas].map(([tab, meta]) => ({ ...meta.recording, connections: conns.get(tab) ?? [] }));
}

/** The recording of the tab whose top document was `pageUrl`, once it exists. */
export async function waitForRecordingOf(worker, pageUrl, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rec = (await storedRecordings(worker)).find((r) =>
      r.marks.some((m) => m.type === 'navigation' && m.url === pageUrl),
    );
    if (rec) return rec;
    if (Date.now() > deadline) throw new Error(`no recording for ${pageUrl} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Opens `url` in a tab and the panel page on that tab beside it, once the tab's recording
 * exists and the panel has rendered: the setup the latency and soak parts share.
 */
export async function openPageWithPanel(withExt, url) {
  const page = await withExt.context.newPage();
  const panel = await withExt.context.newPage();
  await page.goto(url);
  const { tabId } = await waitForRecordingOf(withExt.worker, url);
  await panel.setViewportSize({ width: 1280, height: 800 });
  await panel.goto(`chrome-extension://${withExt.extensionId}/src/panel/panel.html?tab=${tabId}`);
  await panel.waitForSelector('.filter-count');
  return { page, panel, tabId };
}
