// Part 1b: the hook's CPU cost per message, by the renderer's own accounting.
// Wall-clock throughput through an echo server mixes the server's, the
// network stack's and the page's time, and its noise (±30 % between pairs)
// hides a 2 % difference. Here the measure is the page's main-thread task time
// (CDP Performance.getMetrics TaskDuration) spent sending N messages to a sink,
// and receiving N messages from a flood, divided by N. Rounds alternate
// between the browser with Closeline and the one without (A B, B A, …); the
// ratio is taken per pair and summarised as the median with a bootstrap 95 %
// interval, which is what the target is judged on.
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

export function cpuParams(scale = 1) {
  return { count: Math.max(2_000, Math.round(100_000 * scale)), text: 'x'.repeat(32), rounds: 9 };
}

export async function runHookCpu({ withExt, withoutExt, server, scale, log }) {
  const p = cpuParams(scale);
  const pageUrl = server.page('/cpu.html', '<!doctype html><meta charset="utf-8"><title>Closeline CPU benchmark</title><p>cpu</p>');
  for (const b of [withExt, withoutExt]) await oneRound(b, server, pageUrl, { ...p, count: 2_000 });
  const samples = { with: [], without: [] };
  for (let i = 0; i < p.rounds; i++) {
    const order = i % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
    for (const side of order) {
      const r = await oneRound(side === 'with' ? withExt : withoutExt, server, pageUrl, p);
      samples[side].push(r);
      log(`  round ${i + 1}/${p.rounds} ${side.padEnd(7)} send ${r.send.toFixed(2)} µs/msg, receive ${r.receive.toFixed(2)} µs/msg`);
    }
  }
  const ratioCi = (key) =>
    bootstrapMedian(samples.with.map((w, i) => w[key] / samples.without[i][key]));
  const pick = (side, key) => samples[side].map((r) => r[key]);
  return {
    params: p,
    send: { with: pick('with', 'send'), without: pick('without', 'send'), ci: ratioCi('send') },
    receive: { with: pick('with', 'receive'), without: pick('without', 'receive'), ci: ratioCi('receive') },
  };
}
