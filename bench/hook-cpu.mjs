// Part 1b: the hook's CPU cost per message, by the renderer's own accounting.
// Wall-clock throughput through an echo server mixes the server's, the
// network stack's and the page's time, and its noise (±30 % between pairs)
// hides a 2 % difference. Here the measure is the page's main-thread task time
// (CDP Performance.getMetrics TaskDuration) spent sending N messages to a sink,
// and receiving N messages from a flood, divided by N. Rounds alternate
// between the browser with Closeline and the one without (A B, B A, …); the
// ratio is taken per pair and summarised as the median with a bootstrap 95 %
// interval, which is what the target is judged on. The browser with Closeline
// runs each round twice: with message content capture on (the default for the
// local test origin: one ring slot written per message) and with it turned off
// for the site in the settings (counters only), so both costs are reported.
import { bootstrapMedian } from './lib/stats.mjs';

/** Runs in the page: opens a socket and waits until it is open. */
async function openSocket(url) {
  const ws = new WebSocket(url);
  window.__benchSocket = ws;
  await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
}

/** Runs in the page: `count` sends of `text`, then waits until the browser has taken them all. */
async function sendMany({ count, text }) {
  const ws = window.__benchSocket;
  for (let i = 0; i < count; i++) ws.send(text);
  while (ws.bufferedAmount > 0) await new Promise((r) => setTimeout(r, 5));
}

/** Runs in the page: asks the flood endpoint for `count` texts of `length` and waits for all. */
async function receiveMany({ count, length }) {
  const ws = window.__benchSocket;
  await new Promise((resolve) => {
    let got = 0;
    ws.onmessage = () => ++got === count && resolve();
    ws.send(`${count}:${length}`);
  });
}

async function taskSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}

/** One round in one browser: µs of main-thread task time per sent and per received message. */
async function oneRound(browser, server, pageUrl, p) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  try {
    await page.goto(pageUrl);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }).catch(() => cdp.send('Performance.enable'));
    const measure = async (url, fn, arg) => {
      await page.evaluate(openSocket, url);
      await page.evaluate(fn, { ...arg, count: Math.min(1000, arg.count) }); // warm the code paths
      const t0 = await taskSeconds(cdp);
      await page.evaluate(fn, arg);
      const t1 = await taskSeconds(cdp);
      await page.evaluate(() => window.__benchSocket.close(1000));
      return ((t1 - t0) * 1e6) / arg.count;
    };
    return {
      send: await measure(server.sinkUrl, sendMany, { count: p.count, text: p.text }),
      receive: await measure(server.floodUrl, receiveMany, { count: p.count, length: p.text.length }),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/** Content capture for the benchmark's site (127.0.0.1), set in the settings the relay reads at document_start. */
async function setCapture(browser, on) {
  await browser.worker.evaluate(async (capture) => {
    const got = await chrome.storage.local.get('settings');
    const s = got.settings ?? {};
    await chrome.storage.local.set({
      settings: { ...s, contentCapture: { ...(s.contentCapture ?? {}), '127.0.0.1': capture } },
    });
  }, on);
}

export function cpuParams(scale = 1) {
  return { count: Math.max(2_000, Math.round(100_000 * scale)), text: 'x'.repeat(32), rounds: 9 };
}

export async function runHookCpu({ withExt, withoutExt, server, scale, log }) {
  const p = cpuParams(scale);
  const pageUrl = server.page(
    '/cpu.html',
    '<!doctype html><meta charset="utf-8"><title>Closeline CPU benchmark</title><p>cpu</p>',
  );
  for (const b of [withExt, withoutExt]) await oneRound(b, server, pageUrl, { ...p, count: 2_000 });
  const samples = { with: [], withOff: [], without: [] };
  const orders = [
    ['with', 'withOff', 'without'],
    ['without', 'withOff', 'with'],
    ['withOff', 'with', 'without'],
  ];
  try {
    for (let i = 0; i < p.rounds; i++) {
      for (const side of orders[i % orders.length]) {
        if (side !== 'without') await setCapture(withExt, side === 'with');
        const r = await oneRound(side === 'without' ? withoutExt : withExt, server, pageUrl, p);
        samples[side].push(r);
        log(
          `  round ${i + 1}/${p.rounds} ${side.padEnd(7)} send ${r.send.toFixed(2)} µs/msg, receive ${r.receive.toFixed(2)} µs/msg`,
        );
      }
    }
  } finally {
    await setCapture(withExt, true).catch(() => undefined);
  }
  const ratioCi = (side, key) => bootstrapMedian(samples[side].map((w, i) => w[key] / samples.without[i][key]));
  const pick = (side, key) => samples[side].map((r) => r[key]);
  const part = (key) => ({
    with: pick('with', key),
    without: pick('without', key),
    ci: ratioCi('with', key),
    // The same browser with content capture off for the site: counters only, no ring slot.
    captureOff: { with: pick('withOff', key), without: pick('without', key), ci: ratioCi('withOff', key) },
  });
  return { params: p, send: part('send'), receive: part('receive') };
}
