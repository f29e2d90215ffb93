// Part 4: a long session. A page closes and reopens a socket every 50 ms for
// ten minutes (12,000 closures at scale 1) while the panel is open on its tab.
// At 1, 5 and 10 minutes (scaled) the report reads: the panel's frame time
// (requestAnimationFrame intervals over 3 s, p95), the service worker's JS heap
// after GC, the bytes in storage.session, the connections evicted so far, and
// the bytes the worker wrote to storage per closure since the last reading
// (it must stay flat: a closure rewrites one chunk and the meta key, not the
// whole recording).
/* global setInterval, clearInterval, requestAnimationFrame -- functions below run in the browser (page.evaluate) */
import { workerHeap } from './lib/cdp.mjs';
import { openPageWithPanel, storedRecordings } from './lib/recording.mjs';
import { quantile } from './lib/stats.mjs';

/** Runs in the page: every `everyMs`, closes the current socket and opens a new one. */
function churn({ url, everyMs }) {
  let ws = new WebSocket(url);
  window.__soakClosures = 0;
  window.__soakTimer = setInterval(() => {
    ws.onclose = () => window.__soakClosures++;
    ws.close(1000);
    ws = new WebSocket(url);
  }, everyMs);
}

/** Runs in the panel page: intervals between animation frames over `ms`. */
function frameTimes(ms) {
  return new Promise((resolve) => {
    const times = [];
    let last = performance.now();
    const end = last + ms;
    const tick = (t) => {
      times.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(tick);
      else resolve(times);
    };
    requestAnimationFrame(tick);
  });
}

const storageStats = (worker) =>
  worker.evaluate(() => globalThis.__closelineStorageStats ?? { writes: 0, bytesWritten: 0 });
const storageBytes = (worker) => worker.evaluate(() => chrome.storage.session.getBytesInUse(null));

export function soakParams(scale = 1) {
  return { everyMs: 50, checkpointsS: [60, 300, 600].map((s) => Math.max(5, Math.round(s * scale))) };
}

export async function runSoak({ withExt, server, scale, log }) {
  const p = soakParams(scale);
  const url = server.page(
    '/soak.html',
    '<!doctype html><meta charset="utf-8"><title>Closeline soak</title><p>soak</p>',
  );
  const { page, panel, tabId } = await openPageWithPanel(withExt, url);
  const readings = [];
  try {
    let last = { at: Date.now(), closures: 0, bytes: (await storageStats(withExt.worker)).bytesWritten };
    const started = Date.now();
    await page.evaluate(churn, { url: server.wsUrl, everyMs: p.everyMs });
    for (const at of p.checkpointsS) {
      await new Promise((r) => setTimeout(r, Math.max(0, started + at * 1000 - Date.now())));
      const frames = await panel.evaluate(frameTimes, 3000);
      const closures = await page.evaluate(() => window.__soakClosures);
      const stats = await storageStats(withExt.worker);
      const rec = (await storedRecordings(withExt.worker)).find((r) => r.tabId === tabId);
      const reading = {
        atS: at,
        closures,
        frameP95: quantile(frames, 0.95),
        workerHeapMiB: (await workerHeap(withExt.context, withExt.extensionId)) / 1048576,
        storageBytes: await storageBytes(withExt.worker),
        connections: rec?.connections.length ?? 0,
        evicted: rec?.dropped.connectionsEvicted ?? 0,
        bytesPerClosure: (stats.bytesWritten - last.bytes) / Math.max(1, closures - last.closures),
      };
      last = { at: Date.now(), closures, bytes: stats.bytesWritten };
      readings.push(reading);
      log(
        `  ${at} s: ${closures} closures, panel frame p95 ${reading.frameP95.toFixed(1)} ms, worker heap ${reading.workerHeapMiB.toFixed(1)} MiB, storage ${(reading.storageBytes / 1048576).toFixed(2)} MiB, ${reading.connections} kept, ${reading.evicted} evicted, ${reading.bytesPerClosure.toFixed(0)} B written per closure`,
      );
    }
    await page.evaluate(() => clearInterval(window.__soakTimer));
    return { params: p, readings };
  } finally {
    await panel.close();
    await page.close();
  }
}
