// Part 1c: what the hook keeps in the page, and what constructing a socket costs.
// - Retained bytes per closed socket: one fresh page per side opens and closes
//   1,000 sockets to warm up, then more in rounds, reading the page's JS heap
//   after a forced GC at 1,000, 5,000 and 10,000 sockets; the slope of heap over
//   sockets is the bytes kept per closed socket, the intercept the constant part (the hook's code and
//   state, and on the side with the extension, the relay's, which shares the
//   renderer's heap). Each reading also says how much of the heap is compiled
//   code, so the slope can be split into objects kept and code compiled.
// - Construction: in-page time of `new WebSocket()` to CONNECTING, alone,
//   alternating with/without. Opening sockets is not timed for the hook's cost:
//   Chromium's network service delays each new handshake by
//   random(1–5 s) · 2^min(pending, 16) / 65,536 (WebSocketPerProcessThrottler),
//   so opening 150 at once measures that throttle, with or without the hook.
import { pageHeapParts } from './lib/cdp.mjs';
import { bootstrapMedian, linearFit } from './lib/stats.mjs';

/** Runs in the page: opens and closes `count` sockets, at most `inFlight` handshakes pending at once. */
async function openAndClose({ urls, count, inFlight }) {
  let next = 0;
  const one = async (url) => {
    const ws = new WebSocket(url);
    await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
    await new Promise((resolve) => ((ws.onclose = resolve), ws.close(1000)));
  };
  const lane = async (i) => {
    while (next < count) {
      next++;
      await one(urls[i % urls.length]);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, (_, i) => lane(i)));
}

/** Runs in the page: ms spent in `new WebSocket()` alone for `count` sockets, in batches closed at once. */
function constructMany({ url, count, batch }) {
  let ms = 0;
  for (let done = 0; done < count; done += batch) {
    const sockets = [];
    const t0 = performance.now();
    for (let i = 0; i < Math.min(batch, count - done); i++) sockets.push(new WebSocket(url));
    ms += performance.now() - t0;
    for (const ws of sockets) ws.close();
  }
  return ms;
}

export function memoryParams(scale = 1) {
  const steps = [1_000, 5_000, 10_000].map((n) => Math.max(50, Math.round(n * scale)));
  // The warm-up does not shrink with the scale: the optimising compilers keep adding code for the
  // hook's and the relay's functions until about 1,000 sockets (measured), and on a quick run that
  // one-time cost would read as bytes per socket.
  return { steps, warmup: 1_000, inFlight: 4, construct: 1_000, constructBatch: 200, constructRounds: 7 };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Storage writes by the extension's worker so far; it acknowledges the relays' batches after each. */
const workerWrites = (browser) =>
  Promise.race([
    browser.worker.evaluate(() => globalThis.__closelineStorageStats?.writes ?? 0),
    sleep(2_000).then(() => -1), // a stopped worker does not answer: it has nothing left to write
  ]);

/**
 * The heap after GC once the relay's batches are acknowledged: until then it holds them for
 * re-sending, which is not retention. They are held for the closure timer plus the worker's
 * store tick, far longer on a loaded machine (a fixed 500 ms wait once caught 100 KiB of them), so
 * this reads until two readings 300 ms apart agree within 1 KiB and the worker wrote nothing in
 * between (every write is followed by its acks), for at most 15 s.
 */
async function settledHeap(browser, page) {
  const withWorker = Boolean(browser.worker);
  let last = { usedSize: Infinity, codeBytes: 0 };
  let writes = withWorker ? await workerWrites(browser) : 0;
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    await sleep(300);
    const reading = await pageHeapParts(browser.context, page);
    const w = withWorker ? await workerWrites(browser) : 0;
    const quiet = w === writes && Math.abs(reading.usedSize - last.usedSize) <= 1024;
    last = reading;
    writes = w;
    if (quiet) break;
  }
  return last;
}

async function heapSlope(browser, server, pageUrl, p, log, side) {
  const page = await browser.context.newPage();
  try {
    await page.goto(pageUrl);
    // Warm up first: the first sockets compile and optimise the hook's code and size its tables,
    // a one-time cost that belongs to the constant, not to the slope.
    await page.evaluate(openAndClose, { urls: server.wsUrls, count: p.warmup, inFlight: p.inFlight });
    const baseline = await settledHeap(browser, page);
    const points = [];
    let done = 0;
    for (const total of p.steps) {
      await page.evaluate(openAndClose, { urls: server.wsUrls, count: total - done, inFlight: p.inFlight });
      done = total;
      points.push([total, await settledHeap(browser, page)]);
    }
    const fit = linearFit(points.map(([n, r]) => [n, r.usedSize]));
    const code = linearFit(points.map(([n, r]) => [n, r.codeBytes]));
    const kib = (b) => `${(b / 1024).toFixed(0)} KiB`;
    log(
      `  ${side.padEnd(7)} heap after warm-up ${kib(baseline.usedSize)} (code ${kib(baseline.codeBytes)}), then ${points.map(([n, r]) => `${n}: ${kib(r.usedSize)} (code ${kib(r.codeBytes)})`).join(', ')}; slope ${fit.slope.toFixed(1)} B/socket, of which code ${code.slope.toFixed(1)}`,
    );
    return {
      baseline: baseline.usedSize,
      baselineCode: baseline.codeBytes,
      points: points.map(([n, r]) => [n, r.usedSize]),
      codePoints: points.map(([n, r]) => [n, r.codeBytes]),
      slope: fit.slope,
      intercept: fit.intercept,
      codeSlope: code.slope,
      codeIntercept: code.intercept,
    };
  } finally {
    await page.close();
  }
}

export async function runPageMemory({ withExt, withoutExt, server, scale, log }) {
  const p = memoryParams(scale);
  const pageUrl = server.page(
    '/memory.html',
    '<!doctype html><meta charset="utf-8"><title>Closeline memory</title><p>memory</p>',
  );
  const heap = {
    with: await heapSlope(withExt, server, pageUrl, p, log, 'with'),
    without: await heapSlope(withoutExt, server, pageUrl, p, log, 'without'),
  };
  const construct = { with: [], without: [] };
  for (let i = 0; i < p.constructRounds; i++) {
    const order = i % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
    for (const side of order) {
      const page = await (side === 'with' ? withExt : withoutExt).context.newPage();
      try {
        await page.goto(pageUrl);
        construct[side].push(
          await page.evaluate(constructMany, { url: server.wsUrl, count: p.construct, batch: p.constructBatch }),
        );
      } finally {
        await page.close();
      }
    }
    log(
      `  construct ${p.construct} sockets: with ${construct.with.at(-1).toFixed(1)} ms, without ${construct.without.at(-1).toFixed(1)} ms`,
    );
  }
  const ci = bootstrapMedian(construct.with.map((w, i) => w / construct.without[i]));
  return { params: p, heap, construct: { ...construct, ci } };
}
