// Part 1a: wall-clock throughput through an echo server, with and without the
// hook. The same page runs in two browsers, one with the extension and one
// without, in alternating order (A B, B A, ...), so drift of the machine falls
// on both sides. Timed in the page on its own clock. This mixes the server's
// and the network stack's time into the page's, so its pairs are noisy; the
// hook's own cost is judged on CPU time per message (hook-cpu.mjs).
import { setCapture } from './lib/capture-setting.mjs';

/** The work of one run; `scale` below 1 shrinks it for a quick look (the report says so). */
export function overheadParams(scale = 1) {
  const n = (x, min) => Math.max(min, Math.round(x * scale));
  return {
    // Reported, not judged (the CPU part judges the hook): sized to show the order of throughput in a
    // few seconds a run, so the whole benchmark fits in 20 minutes.
    smallCount: n(20_000, 1_000),
    smallText: 'x'.repeat(32),
    largeCount: n(40, 5),
    largeBytes: 1024 * 1024,
    largeInFlight: 8,
  };
}
/** The untimed warm-up: the same work, smaller. */
const WARMUP_PARAMS = { ...overheadParams(), smallCount: 2_000, largeCount: 10 };

/** Runs in the page: echo `count` copies of a short text through one socket. */
async function throughputSmall({ url, count, text }) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
  const t0 = performance.now();
  const done = new Promise((resolve) => {
    let got = 0;
    ws.onmessage = () => ++got === count && resolve(performance.now());
  });
  for (let i = 0; i < count; i++) ws.send(text);
  const t1 = await done;
  ws.close(1000);
  return t1 - t0;
}

/** Runs in the page: echo `count` binary messages of `bytes`, at most `inFlight` outstanding. */
async function throughputLarge({ url, count, bytes, inFlight }) {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
  const payload = new Uint8Array(bytes).fill(7).buffer;
  const t0 = performance.now();
  let sent = 0;
  const done = new Promise((resolve) => {
    let got = 0;
    ws.onmessage = () => {
      if (++got === count) resolve(performance.now());
      else if (sent < count) {
        ws.send(payload);
        sent++;
      }
    };
  });
  for (; sent < Math.min(inFlight, count); sent++) ws.send(payload);
  const t1 = await done;
  ws.close(1000);
  return t1 - t0;
}

/** Message content capture for the benchmark's host (127.0.0.1: on by default). */
const setHostCapture = (browser, on) => setCapture(browser, { '127.0.0.1': on });

/** Small-message throughput in a fresh page, with content capture on or off (no effect without the extension). */
async function smallRun(browser, server, pageUrl, p, capture) {
  await setHostCapture(browser, capture);
  const page = await browser.context.newPage();
  try {
    await page.goto(pageUrl);
    const ms = await page.evaluate(throughputSmall, { url: server.wsUrl, count: p.smallCount, text: p.smallText });
    return (p.smallCount / ms) * 1000;
  } finally {
    await page.close();
  }
}

async function oneRun(browser, server, pageUrl, p) {
  const smallOff = await smallRun(browser, server, pageUrl, p, false);
  await setHostCapture(browser, true);
  const page = await browser.context.newPage();
  page.on('crash', () => console.error(`  (the benchmark page crashed: ${pageUrl})`));
  try {
    await page.goto(pageUrl);
    const small = await page.evaluate(throughputSmall, { url: server.wsUrl, count: p.smallCount, text: p.smallText });
    const large = await page.evaluate(throughputLarge, {
      url: server.wsUrl,
      count: p.largeCount,
      bytes: p.largeBytes,
      inFlight: p.largeInFlight,
    });
    return {
      // Throughput in messages per second, each way.
      small: (p.smallCount / small) * 1000,
      smallOff,
      large: (p.largeCount * p.largeBytes) / 1024 / 1024 / (large / 1000),
    };
  } finally {
    await page.close();
  }
}

/**
 * Returns one metric per measurement, each with its `with` and `without`
 * samples in pair order.
 */
export async function runHookOverhead({ withExt, withoutExt, server, runs, scale, log }) {
  const params = overheadParams(scale);
  const pageUrl = server.page(
    '/overhead.html',
    '<!doctype html><meta charset="utf-8"><title>Closeline benchmark</title><p>overhead</p>',
  );
  const samples = { with: [], without: [] };
  // One untimed warm-up per browser: first-run costs (code caches, TCP) are not the hook's.
  for (const b of [withExt, withoutExt]) await oneRun(b, server, pageUrl, WARMUP_PARAMS);
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
    for (const side of order) {
      const r = await oneRun(side === 'with' ? withExt : withoutExt, server, pageUrl, params);
      samples[side].push(r);
      log(
        `  run ${i + 1}/${runs} ${side.padEnd(7)} small ${Math.round(r.small)} msg/s (capture off ${Math.round(r.smallOff)}), large ${r.large.toFixed(0)} MiB/s`,
      );
    }
  }
  const pick = (side, key) => samples[side].map((r) => r[key]);
  // Per message, in microseconds: each message is one send and one echo.
  const perMessageUs = (side, key) => samples[side].map((r) => 1e6 / r[key]);
  const p = params;
  const small = `${p.smallCount.toLocaleString('en')} × ${p.smallText.length}-char text each way`;
  return [
    {
      id: 'small',
      label: `Wall-clock throughput, ${small}, message content capture on`,
      unit: 'msg/s',
      higherIsWorse: false,
      with: pick('with', 'small'),
      without: pick('without', 'small'),
    },
    {
      id: 'small-capture-off',
      label: `Wall-clock throughput, ${small}, message content capture off`,
      unit: 'msg/s',
      higherIsWorse: false,
      with: pick('with', 'smallOff'),
      without: pick('without', 'smallOff'),
    },
    {
      id: 'per-message',
      label: 'Time per echoed message, capture on',
      unit: 'µs',
      higherIsWorse: true,
      with: perMessageUs('with', 'small'),
      without: perMessageUs('without', 'small'),
    },
    {
      id: 'per-message-capture-off',
      label: 'Time per echoed message, capture off',
      unit: 'µs',
      higherIsWorse: true,
      with: perMessageUs('with', 'smallOff'),
      without: perMessageUs('without', 'smallOff'),
    },
    {
      id: 'large',
      label: `Wall-clock throughput, ${p.largeCount} × ${p.largeBytes / 1024 / 1024} MiB binary each way`,
      unit: 'MiB/s',
      higherIsWorse: false,
      with: pick('with', 'large'),
      without: pick('without', 'large'),
    },
  ];
}
