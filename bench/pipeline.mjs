// Part 2: the capture pipeline.
// - Latency: real sockets in a real page, closed one every few milliseconds;
//   each close is timed from the close event's own timestamp (the hook's, page
//   clock) to (a) its arrival on a live view port in the panel page (stored,
//   acknowledged and pushed by the worker) and (b) the panel's count of
//   closures showing it (rendered; the filter box holds the close reason). Both ends use performance.timeOrigin +
//   performance.now() of their own document: one machine clock.
// - Burst: 10,000 sockets' events (socket, open, close) in one second into the
//   real relay, in a bench page of a temporary copy of the extension (see
//   relay-harness/harness.ts): what is recorded and what is counted as dropped.
/* global MutationObserver -- functions below run in the browser (page.evaluate) */
import { workerHeap } from './lib/cdp.mjs';
import { openPageWithPanel, storedRecordings, waitForRecordingOf } from './lib/recording.mjs';
import { quantile } from './lib/stats.mjs';

/** Runs in the page: `total` sockets in batches; each batch opens, then closes one socket every `spacingMs`. */
async function openThenClose({ urls, total, batch, spacingMs, reason }) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  for (let done = 0; done < total; done += batch) {
    const n = Math.min(batch, total - done);
    const sockets = Array.from({ length: n }, (_, i) => new WebSocket(urls[i % urls.length]));
    await Promise.all(
      sockets.map((ws) => new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)))),
    );
    const closed = sockets.map((ws) => new Promise((resolve) => (ws.onclose = resolve)));
    for (const ws of sockets) {
      ws.close(4000, reason);
      await sleep(spacingMs);
    }
    await Promise.all(closed);
  }
}

/** Runs in the panel page: a second live subscription, and a watch on the rendered closure count. */
function armPipelineProbe(tabId) {
  const now = () => performance.timeOrigin + performance.now();
  const probe = { arrivals: {}, counts: [] };
  window.__closelinePipeline = probe;
  const port = chrome.runtime.connect({ name: 'closeline-view' });
  port.onMessage.addListener((m) => {
    const msg = m?.msg;
    const conns =
      msg?.type === 'snapshot' ? msg.recording.connections : msg?.type === 'delta' ? msg.delta.connections : [];
    const t = now();
    for (const c of conns) {
      const close = c.events.find((e) => e.type === 'close');
      if (close && !probe.arrivals[c.id]) probe.arrivals[c.id] = { at: close.at, arrived: t };
    }
  });
  port.postMessage({ source: 'closeline', v: 1, msg: { type: 'subscribe', tabId } });
  let last = 0;
  // The filter box holds the bench's close reason, so "shown" counts closures only (open sockets are rows too).
  const shown = () =>
    Number((document.querySelector('.filter-count')?.textContent ?? '').match(/\d[\d,]*/)?.[0]?.replace(/,/g, '') ?? 0);
  new MutationObserver(() => {
    const n = shown();
    if (n > last) probe.counts.push({ t: now(), total: (last = n) });
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}

const REASON = 'closeline-bench-close';
const stats = (xs) => ({ n: xs.length, median: quantile(xs, 0.5), p99: quantile(xs, 0.99), max: Math.max(...xs) });

export async function runLatency({ withExt, server, closes, log }) {
  const url = server.page(
    '/latency.html',
    '<!doctype html><meta charset="utf-8"><title>Closeline latency</title><p>latency</p>',
  );
  const { page, panel, tabId } = await openPageWithPanel(withExt, url);
  try {
    await panel.fill('.filter-text', REASON);
    await panel.evaluate(armPipelineProbe, tabId);
    await page.evaluate(openThenClose, {
      urls: server.wsUrls,
      total: closes,
      batch: 150,
      spacingMs: 10,
      reason: REASON,
    });
    await panel.waitForFunction(
      (n) =>
        Object.keys(window.__closelinePipeline.arrivals).length >= n &&
        (window.__closelinePipeline.counts.at(-1)?.total ?? 0) >= n,
      closes,
      { timeout: 120_000, polling: 200 },
    );
    const probe = await panel.evaluate(() => window.__closelinePipeline);
    const arrivals = Object.values(probe.arrivals).sort((a, b) => a.at - b.at);
    const view = arrivals.map((a) => a.arrived - a.at);
    // The k-th close (in time order) is on screen once the count reaches k.
    let j = 0;
    const dom = arrivals.map((a, k) => {
      while (probe.counts[j].total < k + 1) j++;
      return probe.counts[j].t - a.at;
    });
    const r = { closes: arrivals.length, view: stats(view), dom: stats(dom) };
    log(
      `  ${r.closes} closes: to the view port median ${r.view.median.toFixed(0)} ms, p99 ${r.view.p99.toFixed(0)} ms; to the panel's count median ${r.dom.median.toFixed(0)} ms, p99 ${r.dom.p99.toFixed(0)} ms`,
    );
    return r;
  } finally {
    await panel.close();
    await page.close();
  }
}

export async function runBurst({ withExt, sockets, durationMs, log }) {
  const heapBefore = await workerHeap(withExt.context, withExt.extensionId);
  const url = `chrome-extension://${withExt.extensionId}/bench/relay.html`;
  const page = await withExt.context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => typeof window.closelineBench?.burst === 'function');
    const { tabId } = await waitForRecordingOf(withExt.worker, url);
    const t0 = Date.now();
    const sent = await page.evaluate(({ sockets, durationMs }) => window.closelineBench.burst(sockets, durationMs), {
      sockets,
      durationMs,
    });
    // Done when every socket is either recorded with its close or counted as dropped, or nothing moved for 5 s.
    let rec;
    let lastKey = '';
    let stableSince = Date.now();
    let storedAt = NaN;
    for (;;) {
      rec = (await storedRecordings(withExt.worker)).find((r) => r.tabId === tabId);
      const closed = rec?.connections.filter((c) => c.events.some((e) => e.type === 'close')).length ?? 0;
      const accounted = closed + (rec?.dropped.connectionsRateLimited ?? 0) + (rec?.dropped.connectionsEvicted ?? 0);
      if (accounted >= sockets) {
        storedAt = Date.now();
        break;
      }
      const key = `${closed}/${JSON.stringify(rec?.dropped)}`;
      if (key !== lastKey) {
        lastKey = key;
        stableSince = Date.now();
      } else if (Date.now() - stableSince > 5_000) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const heapAfter = await workerHeap(withExt.context, withExt.extensionId);
    const complete = rec.connections.filter(
      (c) => c.events.some((e) => e.type === 'open') && c.events.some((e) => e.type === 'close'),
    ).length;
    const r = {
      sockets,
      sentEvents: sent.events,
      sendMs: sent.endedAt - sent.startedAt,
      recorded: rec.connections.length,
      complete,
      dropped: rec.dropped,
      accountedFor: complete + rec.dropped.connectionsRateLimited + rec.dropped.connectionsEvicted,
      storedMs: storedAt - t0,
      workerHeapBeforeMiB: heapBefore / 1048576,
      workerHeapAfterMiB: heapAfter / 1048576,
    };
    log(
      `  sent ${r.sentEvents} events in ${r.sendMs.toFixed(0)} ms; recorded ${r.recorded} (${r.complete} complete), dropped ${JSON.stringify(r.dropped)}; stored after ${Number.isNaN(r.storedMs) ? 'never' : `${r.storedMs} ms`}; worker heap ${r.workerHeapBeforeMiB.toFixed(1)} → ${r.workerHeapAfterMiB.toFixed(1)} MiB`,
    );
    return r;
  } finally {
    await page.close();
  }
}
