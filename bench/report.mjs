// Turns the measurements into one table (printed) and docs/performance.md
// (written each run). Nothing here passes or fails: each target is judged in
// words, against the spread of the runs.
import { fmtPct, judgeRatio, pairedRatio, quantile, round, summary } from './lib/stats.mjs';
import { HOOK_FILE, HOOK_LIMIT_BYTES } from './size.mjs';

/** The overhead goal: the hook costs a page at most 2 % (judged against the paired spread). */
export const OVERHEAD_LIMIT = 1.02;
export const FILTER_LIMIT_MS = 50;

const fmt = (x, unit) => {
  if (!Number.isFinite(x)) return 'n/a';
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  const n = x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return unit ? `${n} ${unit}` : n;
};
const kb = (b) => `${(b / 1024).toFixed(2)} KiB`;

function overheadRows(metrics) {
  return metrics.map((m) => {
    const w = summary(m.with);
    const wo = summary(m.without);
    const r = pairedRatio(m.with, m.without, m.higherIsWorse);
    const overhead = `${fmtPct(r.median)} (${fmtPct(r.min)} … ${fmtPct(r.max)})`;
    // Memory is mostly a fixed cost (the hook's code and state), so a ratio against a near-empty
    // page says little: the absolute difference is shown and no 2 % goal applies.
    const target = m.fixedCost ? `none set; difference ${fmt(w.median - wo.median, m.unit)}` : `≤ +2 %: ${judgeRatio(r, OVERHEAD_LIMIT).text}`;
    return [m.label, `${fmt(w.median, m.unit)} (${fmt(w.min, '')}–${fmt(w.max, '')})`, `${fmt(wo.median, m.unit)} (${fmt(wo.min, '')}–${fmt(wo.max, '')})`, overhead, target];
  });
}

function panelRows(panel) {
  if (!panel) return [['Panel (part 3)', 'not run', '', '', '']];
  const render = summary(panel.results.map((r) => r.renderMs));
  const heap = summary(panel.results.map((r) => r.heapMiB));
  const keys = panel.results.flatMap((r) => r.keyPaintMs);
  const p95 = quantile(keys, 0.95);
  const med = quantile(keys, 0.5);
  const verdict = p95 <= FILTER_LIMIT_MS ? `met (p95 ${round(p95)} ms)` : med <= FILTER_LIMIT_MS ? `met at the median, not at p95 (${round(p95)} ms)` : `not met (median ${round(med)} ms)`;
  return [
    [`Panel: import and render ${panel.connections.toLocaleString('en')} connections (${(panel.fileBytes / 1048576).toFixed(1)} MiB file), change → painted`, `${fmt(render.median, 'ms')} (${fmt(render.min, '')}–${fmt(render.max, '')})`, '', '', 'none set'],
    [`Panel: filter keystroke → view painted (${keys.length} keystrokes)`, `median ${fmt(med, 'ms')}, p95 ${fmt(p95, 'ms')}, max ${fmt(Math.max(...keys), 'ms')}`, '', '', `< ${FILTER_LIMIT_MS} ms: ${verdict}`],
    [`Panel page JS heap with ${panel.connections.toLocaleString('en')} connections (after GC)`, `${fmt(heap.median, 'MiB')} (${fmt(heap.min, '')}–${fmt(heap.max, '')})`, '', '', 'none set'],
  ];
}

function pipelineRows(latency, burst) {
  const rows = [];
  if (latency) {
    rows.push([`Close event → live view port (stored, acked, pushed), ${latency.closes} closes`, `median ${fmt(latency.view.median, 'ms')}, p99 ${fmt(latency.view.p99, 'ms')}, max ${fmt(latency.view.max, 'ms')}`, '', '', 'none set (batching: relay ≤ 50 ms, worker tick 150 ms)']);
    rows.push([`Close event → panel's closure count shows it, ${latency.closes} closes`, `median ${fmt(latency.dom.median, 'ms')}, p99 ${fmt(latency.dom.p99, 'ms')}, max ${fmt(latency.dom.max, 'ms')}`, '', '', 'none set']);
  }
  if (burst) {
    const d = burst.dropped;
    const lost = burst.sockets - burst.accountedFor;
    rows.push([
      `Burst: ${burst.sockets.toLocaleString('en')} sockets × (socket, open, close) in ${fmt(burst.sendMs, 'ms')} at the relay`,
      `recorded ${burst.complete.toLocaleString('en')} complete; rate-limited ${d.connectionsRateLimited.toLocaleString('en')}; evicted ${d.connectionsEvicted}; overflowed ${d.eventsOverflowed} events; rejected ${d.eventsRejected}`,
      '',
      '',
      lost === 0 ? `every socket recorded or counted (${burst.complete} + ${d.connectionsRateLimited + d.connectionsEvicted} = ${burst.sockets})` : `${lost} sockets neither recorded nor counted`,
    ]);
    rows.push([`Burst: until stored (from the start of the burst)`, Number.isFinite(burst.storedMs) ? fmt(burst.storedMs, 'ms') : 'not reached', '', '', '']);
    rows.push([`Service worker JS heap before → after the burst (after GC)`, `${fmt(burst.workerHeapBeforeMiB, 'MiB')} → ${fmt(burst.workerHeapAfterMiB, 'MiB')}`, '', '', 'none set']);
  }
  return rows;
}

function sizeRows(size) {
  return [
    [`Hook (${HOOK_FILE}), minified`, `${kb(size.hookBytes)} (gzip ${kb(size.hookGzip)})`, '', '', `≤ ${HOOK_LIMIT_BYTES / 1024} KiB minified: ${size.hookBytes <= HOOK_LIMIT_BYTES ? 'met' : 'not met'}`],
    [`Whole extension (${size.files} files)`, `${kb(size.totalBytes)} (each file gzipped: ${kb(size.totalGzip)})`, '', '', 'none set'],
  ];
}

export function buildTable({ overhead, latency, burst, panel, size }) {
  return [...(overhead ? overheadRows(overhead) : [['Hook overhead (part 1)', 'not run', '', '', '']]), ...pipelineRows(latency, burst), ...panelRows(panel), ...sizeRows(size)];
}

const HEAD = ['Measure', 'With Closeline', 'Without', 'Overhead (median, pair range)', 'Target'];

export function printTable(rows) {
  const widths = HEAD.map((h, i) => Math.min(70, Math.max(h.length, ...rows.map((r) => String(r[i]).length))));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)].join('\n');
}

const esc = (s) => String(s).replace(/\|/g, '\\|');

export function markdown({ rows, machine, params, elapsedS, loadAtEnd }) {
  return `# Performance

Generated by \`npm run bench\` (scripts/bench.mjs, bench/); this file is rewritten on every run, so the
numbers below are the last run's, on the machine described under it. The benchmark reports; it never
passes or fails. Each target is judged in words against the spread of the runs.

## Results

| ${HEAD.join(' | ')} |
| ${HEAD.map(() => '---').join(' | ')} |
${rows.map((r) => `| ${r.map(esc).join(' | ')} |`).join('\n')}

## Machine

| | |
| --- | --- |
| CPU | ${machine.cpu} |
| Cores | ${machine.cores} |
| Memory | ${machine.memoryGiB.toFixed(1)} GiB |
| OS | ${machine.os} |
| Chromium | ${machine.chromium} (headless) |
| Node | ${machine.node} |
| Date | ${machine.date} |
| Load average (1 min) at start / end | ${machine.loadAtStart.toFixed(2)} / ${loadAtEnd.toFixed(2)} |
| Run time | ${Math.round(elapsedS)} s |

A load average above the number of cores means other work shared the machine: the spread widens and
absolute numbers drop; the with/without ratios are what to compare.

## How it was measured

- **Two browsers**, launched once each: Debian Chromium with Closeline and without any extension. The
  hook-overhead runs alternate between them (with, without; then without, with; …), ${params.runs} runs each
  after one smaller untimed warm-up per browser. Each run opens a fresh tab. Ratios are computed per
  pair (run *i* with / run *i* without) and reported as the median with the range over pairs; for
  throughput the ratio is inverted so that every "overhead" reads as cost with the hook over cost without.
  A goal of +2 % is "met" only when every pair is within it; when the median is within it but the range
  crosses it, the table says so.
- **Throughput**: one socket to a local \`ws\` echo server on 127.0.0.1 (no compression).
  ${params.overhead.smallCount.toLocaleString('en')} texts of ${params.overhead.smallText.length} characters sent at once and all echoes awaited;
  ${params.overhead.largeCount} binary messages of ${params.overhead.largeBytes / 1048576} MiB with ${params.overhead.largeInFlight} in flight. Timed in the page from the first send to the last echo.
- **Opening sockets**: ${params.overhead.openTotal.toLocaleString('en')} sockets constructed and opened in batches of ${params.overhead.openBatch}
  (Chromium allows about 255 per renderer and serialises handshakes per endpoint, so the sockets are spread
  over ${params.endpoints} local endpoints); each batch is closed before the next and only construct → all open is timed.
  The page's JS heap is then read over CDP (\`HeapProfiler.collectGarbage\`, then \`Runtime.getHeapUsage\`).
- **Latency**: ${params.closes.toLocaleString('en')} real sockets in a real page, closed one every 10 ms (page-initiated, code 4000).
  From the close event's own timestamp (the hook's, page clock) to (a) its arrival on a live view port
  opened in the panel page (the worker pushes only after storing and acknowledging) and (b) the panel's
  "shown" count including it (the panel's filter holds the close reason, so only those closures count).
  Both ends read \`performance.timeOrigin + performance.now()\` of their own document.
- **Burst**: ${params.burstSockets.toLocaleString('en')} sockets' events (socket, open, close; ${(params.burstSockets * 3).toLocaleString('en')} events) over ${params.burstMs} ms, played into the
  real relay code (\`startRelay\`: validation, admission, uplink) through a private MessagePort handed over
  exactly as the hook hands its own. A page cannot reach the real relay's port, so this runs in a bench
  page (bench/relay-harness/) added to a temporary copy of the built extension (dist/ itself is never
  changed): an extension page opened as a tab, whose runtime port \`closeline-relay\` the background accepts
  like a content script's. Every socket must end up recorded or counted in \`recording.dropped\`. The
  relay's rate limit (a burst of 1,000 new sockets, then 200 per second) is what drops most of them,
  by design. Worker heap over CDP on the service-worker target, after GC.
- **Panel**: a synthetic recording of ${params.panelConnections.toLocaleString('en')} connections (2,000 reconnect episodes over 10 hosts, 400 paths,
  4 documents, 12 close codes) is imported through the panel's own Import button (file input) in the panel
  page opened as a tab. Render: the input's change event → the animation frame after the table shows every
  connection, then one task (painted). Filter: each of ${params.panelKeys} keystrokes typing and erasing
  "${params.panelQuery}" → the animation frame after React committed the view, then one task. ${params.panelRuns} runs.
- **Size**: bytes on disk of the built files; gzip at level 9 per file.
${params.scale !== 1 ? `\n**This run was scaled down** (CLOSELINE_BENCH_SCALE=${params.scale}): message and socket counts are ${params.scale} × the defaults above.\n` : ''}
Environment: \`CLOSELINE_DIST\` (default \`dist/\`), \`CLOSELINE_BENCH_RUNS\` (default 5 runs each side),
\`CLOSELINE_BENCH_SCALE\` (default 1; smaller for a quick look), \`CHROMIUM_PATH\`.
`;
}
