// Part 1b: the hook's CPU cost per message, by the renderer's own accounting.
// Wall-clock throughput through an echo server mixes the server's, the
// network stack's and the page's time, and its noise (±30 % between pairs)
// hides a 2 % difference. Here the measure is the CPU time of the page's
// renderer main thread spent sending N messages to a sink, and receiving N
// messages from a flood, divided by N. Five pages take part in each round:
// the browser with Closeline shows the page twice, with message content capture
// on (the default for a local test origin: one ring slot written per message)
// and, at another host name, turned off in the settings (counters only); the
// browser without any extension shows it once as it is, once with an empty
// message listener added to each socket (the reference: any observer's floor),
// and once with the extension's built hook script run as the page's first script
// (the hook alone: its own work per message, without the rest of the extension).
// The round's messages are sent (then received) in blocks, the five pages taking
// turns block by block, so a drift of the machine's speed falls on all alike. The ratio is taken per
// round and summarised as the median with a bootstrap 95 % interval, which is
// what the target is judged on.
//
// Where the operating system tells (Linux), the thread's CPU time is read from
// outside the browser (/proc/<pid>/task/<pid>/schedstat of the renderer, whose
// main thread's id is its process id), so nothing in the page is instrumented.
// CDP's Performance.getMetrics (TaskDuration) is the fallback elsewhere: with
// the Performance domain enabled the renderer reads the thread clock around
// every call into JavaScript, and each event listener (the hook adds one per
// socket) pays for those reads, which inflates exactly the cost being measured.
import { readFileSync } from 'node:fs';
import { setCapture } from './lib/capture-setting.mjs';
import { bootstrapMedian } from './lib/stats.mjs';

/** Runs in the page: opens a socket kept as `window[name]` and waits until it is open. */
async function openSocket({ url, name }) {
  const ws = new WebSocket(url);
  window[name] = ws;
  await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
}

/** Runs in the page: `count` sends of `text`, then waits until the browser has taken them all. */
async function sendMany({ count, text }) {
  const ws = window.__benchSink;
  for (let i = 0; i < count; i++) ws.send(text);
  while (ws.bufferedAmount > 0) await new Promise((r) => setTimeout(r, 5));
}

/**
 * Runs in the page: asks the flood endpoint for `count` texts of `length` and waits for all. Each
 * message's data is read, as every client reads what it receives: the browser makes the data's
 * JavaScript string at the first read, whoever reads it (see the report's notes).
 */
async function receiveMany({ count, length }) {
  const ws = window.__benchFlood;
  await new Promise((resolve) => {
    let got = 0;
    let chars = 0;
    ws.onmessage = (e) => {
      chars += e.data.length;
      if (++got === count) resolve(chars);
    };
    ws.send(`${count}:${length}`);
  });
}

/** CPU nanoseconds of a process's main thread (its thread id is its process id); undefined where /proc does not say. */
function mainThreadNs(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}

/** The process ids of the browser's renderers (the page's is among them). */
async function rendererPids(browser) {
  const session = await browser.context.browser()?.newBrowserCDPSession();
  if (!session) return [];
  try {
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/**
 * A meter of the page's main-thread CPU seconds. From /proc when it can read every renderer's main
 * thread: the page's renderer is the one that worked (the others, such as the extension's, idle
 * while the page sends or receives). Otherwise CDP TaskDuration (see the top of this file).
 */
async function cpuMeter(browser, cdp) {
  const pids = await rendererPids(browser);
  if (pids.length > 0 && pids.every((pid) => mainThreadNs(pid) !== undefined)) {
    const read = () => pids.map((pid) => mainThreadNs(pid) ?? NaN);
    return {
      source: 'schedstat',
      start: read,
      seconds: (t0) => Math.max(...read().map((ns, i) => ns - t0[i])) / 1e9,
    };
  }
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }).catch(() => cdp.send('Performance.enable'));
  const task = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
  return { source: 'TaskDuration', start: task, seconds: async (t0) => (await task()) - t0 };
}

/**
 * A page ready to measure: its sockets to the sink and the flood open, the code paths warm, and a
 * meter of its renderer's main thread.
 */
async function preparePage(browser, server, pageUrl, p, initScript) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  if (initScript) await page.addInitScript(initScript);
  await page.goto(pageUrl);
  const meter = await cpuMeter(browser, cdp);
  await page.evaluate(openSocket, { url: server.sinkUrl, name: '__benchSink' });
  await page.evaluate(openSocket, { url: server.floodUrl, name: '__benchFlood' });
  await page.evaluate(sendMany, { count: 1_000, text: p.text });
  await page.evaluate(receiveMany, { count: 1_000, length: p.text.length });
  return {
    meter,
    /** CPU seconds of one block of `count` sends or receptions. */
    async block(kind, count) {
      // A tab in the background runs its tasks at a lower priority and costs more CPU per message
      // (measured: about +20 %); the pages of one browser take turns, so each comes to the front.
      await page.bringToFront();
      const t0 = await meter.start();
      if (kind === 'send') await page.evaluate(sendMany, { count, text: p.text });
      else await page.evaluate(receiveMany, { count, length: p.text.length });
      return meter.seconds(t0);
    },
    async close() {
      await page.evaluate(() => (window.__benchSink.close(1000), window.__benchFlood.close(1000))).catch(() => {});
      await cdp.detach().catch(() => undefined);
      await page.close();
    },
  };
}

/**
 * One round over the sides' prepared pages: each sends (and then receives) its messages in `blocks`
 * blocks, the sides taking turns block by block, so that all meet the machine in the same state: a shared machine's speed drifts within seconds,
 * and a round that ran one side after the other measured that drift as much as the hook.
 */
async function oneRound(sides, round, p) {
  const per = p.count / p.blocks;
  const out = {};
  for (const name of Object.keys(sides)) out[name] = { send: 0, receive: 0, source: sides[name].meter.source };
  const names = Object.keys(sides);
  for (const kind of ['send', 'receive']) {
    for (let b = 0; b < p.blocks; b++) {
      // Each side takes each place in the turn: the start rotates every block, and the direction
      // flips after every full rotation.
      const step = round + b;
      const k = step % names.length;
      const order = [...names.slice(k), ...names.slice(0, k)];
      if (Math.floor(step / names.length) % 2 === 1) order.reverse();
      for (const name of order) out[name][kind] += await sides[name].block(kind, per);
    }
  }
  for (const name of names) {
    out[name].send = (out[name].send * 1e6) / (per * p.blocks);
    out[name].receive = (out[name].receive * 1e6) / (per * p.blocks);
  }
  return out;
}

/**
 * The reference side: the browser without Closeline, its page given one empty capturing message listener
 * per socket before any of its scripts run. Any in-page observer of received messages needs a listener,
 * so this is the floor the hook's received-message cost is to be read against.
 */
const EMPTY_LISTENER = `(() => {
  const listen = EventTarget.prototype.addEventListener;
  const Native = window.WebSocket;
  window.WebSocket = new Proxy(Native, {
    construct(target, args, newTarget) {
      const ws = Reflect.construct(target, args, newTarget);
      listen.call(ws, 'message', () => {}, true);
      return ws;
    },
  });
})();`;

/**
 * Content capture per site, set in the settings the relay reads at document_start and watches: the
 * benchmark's page at 127.0.0.1 captures, the same page at localhost does not, so both run in one
 * browser at once.
 */
const CAPTURE_ON_HOST = '127.0.0.1';
const CAPTURE_OFF_HOST = 'localhost';

// Seven rounds (the fewest the target allows) of 30,000 messages each way, in blocks of 3,000 taken
// in turns by the pages. The whole benchmark must fit in 20 minutes on 2 cores: with blocks of
// 5,000 this part took 270–323 s and the whole 1,132–1,187 s, too close to the limit for a slower
// machine. Many short blocks serve the comparison more than long ones (the turns cancel drift).
export function cpuParams(scale = 1) {
  const blocks = 10;
  // A whole number of blocks, so the count reported is the count sent.
  const count = blocks * Math.max(200, Math.round(3_000 * scale));
  return { count, text: 'x'.repeat(32), rounds: 7, blocks };
}

/**
 * `hookScript` is the built hook (src/content/hook.iife.js of the extension measured): run as an init
 * script in the browser without the extension, it installs before the page's scripts as it does at
 * document_start, and records with no relay to take its records: they wait in its message channel,
 * a handful per socket (none per message).
 */
export async function runHookCpu({ withExt, withoutExt, server, scale, log, hookScript }) {
  const p = cpuParams(scale);
  const pageUrl = server.page(
    '/cpu.html',
    '<!doctype html><meta charset="utf-8"><title>Closeline CPU benchmark</title><p>cpu</p>',
  );
  const offUrl = pageUrl.replace(`//${CAPTURE_ON_HOST}:`, `//${CAPTURE_OFF_HOST}:`);
  const samples = { with: [], withOff: [], without: [], listener: [], hookAlone: [] };
  await setCapture(withExt, { [CAPTURE_ON_HOST]: true, [CAPTURE_OFF_HOST]: false });
  try {
    for (let i = 0; i < p.rounds; i++) {
      const sides = {
        with: await preparePage(withExt, server, pageUrl, p),
        withOff: await preparePage(withExt, server, offUrl, p),
        without: await preparePage(withoutExt, server, pageUrl, p),
        listener: await preparePage(withoutExt, server, pageUrl, p, EMPTY_LISTENER),
        hookAlone: await preparePage(withoutExt, server, pageUrl, p, hookScript),
      };
      try {
        const r = await oneRound(sides, i, p);
        for (const side of Object.keys(samples)) {
          samples[side].push(r[side]);
          log(
            `  round ${i + 1}/${p.rounds} ${side.padEnd(7)} send ${r[side].send.toFixed(2)} µs/msg, receive ${r[side].receive.toFixed(2)} µs/msg`,
          );
        }
      } finally {
        for (const side of Object.values(sides)) await side.close();
      }
    }
  } finally {
    await setCapture(withExt, { [CAPTURE_ON_HOST]: null, [CAPTURE_OFF_HOST]: null }).catch(() => undefined);
  }
  const ratioCi = (side, key) => bootstrapMedian(samples[side].map((w, i) => w[key] / samples.without[i][key]));
  const pick = (side, key) => samples[side].map((r) => r[key]);
  const part = (key) => ({
    with: pick('with', key),
    without: pick('without', key),
    ci: ratioCi('with', key),
    // The same browser with content capture off for the site: counters only, no ring slot.
    captureOff: { with: pick('withOff', key), without: pick('without', key), ci: ratioCi('withOff', key) },
    // No extension, one empty message listener per socket: the floor of any in-page observer.
    emptyListener: { with: pick('listener', key), without: pick('without', key), ci: ratioCi('listener', key) },
    // No extension, Closeline's hook script run first in the page: the hook's own work, nothing else.
    hookAlone: { with: pick('hookAlone', key), without: pick('without', key), ci: ratioCi('hookAlone', key) },
  });
  // What measured the CPU time: schedstat in every round, or the CDP fallback in any.
  const source = Object.values(samples)
    .flat()
    .some((r) => r.source !== 'schedstat')
    ? 'TaskDuration'
    : 'schedstat';
  return { params: p, source, send: part('send'), receive: part('receive') };
}
