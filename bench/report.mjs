// Turns the measurements into one table (printed) and docs/performance.md
// (written each run). Nothing here passes or fails: each target is judged in
// words, against the spread of the runs.
import { fmtPct, judgeInterval, judgeRatio, pairedRatio, quantile, summary } from './lib/stats.mjs';
import { HOOK_FILE, HOOK_LIMIT_BYTES } from './size.mjs';

/** The overhead goal for wall-clock rows: at most 2 % (judged against the paired spread). */
export const OVERHEAD_LIMIT = 1.02;
/** The targets; each is judged in words, never asserted in a test. */
export const TARGETS = {
  cpuRatio: 1.03,
  liveViewP99Ms: 100,
  panelShownP99Ms: 150,
  filterP95Ms: 30,
  importMs: 400,
  selectP95Ms: 30,
  frameP95Ms: 20,
  retainedBytesPerSocket: 16,
};

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
    const target = m.fixedCost
      ? `none set; difference ${fmt(w.median - wo.median, m.unit)}`
      : `≤ +2 %: ${judgeRatio(r, OVERHEAD_LIMIT).text}`;
    return [
      m.label,
      `${fmt(w.median, m.unit)} (${fmt(w.min, '')}–${fmt(w.max, '')})`,
      `${fmt(wo.median, m.unit)} (${fmt(wo.min, '')}–${fmt(wo.max, '')})`,
      overhead,
      target,
    ];
  });
}

/** p95 against a limit, in words. */
function judgeP(values, q, limit, unit = 'ms') {
  const v = quantile(values, q);
  const name = q === 0.99 ? 'p99' : 'p95';
  return `≤ ${limit} ${unit} at ${name}: ${v <= limit ? 'met' : 'not met'} (${name} ${fmt(v, unit)})`;
}

function panelRows(panel) {
  if (!panel) return [['Panel (part 3)', 'not run', '', '', '']];
  const render = summary(panel.results.map((r) => r.renderMs));
  const heap = summary(panel.results.map((r) => r.heapMiB));
  const keys = panel.results.flatMap((r) => r.keyPaintMs);
  const selects = panel.results.flatMap((r) => r.selectPaintMs ?? []);
  const frames = panel.results.flatMap((r) => r.timelineFrameMs ?? []);
  const dist = (xs) =>
    `median ${fmt(quantile(xs, 0.5), 'ms')}, p95 ${fmt(quantile(xs, 0.95), 'ms')}, max ${fmt(Math.max(...xs), 'ms')}`;
  const n = panel.connections.toLocaleString('en');
  return [
    [
      `Panel: import and render ${n} connections (${(panel.fileBytes / 1048576).toFixed(1)} MiB file), change → painted`,
      `${fmt(render.median, 'ms')} (${fmt(render.min, '')}–${fmt(render.max, '')})`,
      '',
      '',
      `≤ ${TARGETS.importMs} ms: ${render.median <= TARGETS.importMs ? 'met at the median' : 'not met'}${render.max > TARGETS.importMs && render.median <= TARGETS.importMs ? `, max ${fmt(render.max, 'ms')}` : ''}`,
    ],
    [
      `Panel: filter keystroke → view painted (${keys.length} keystrokes, ${n} connections)`,
      dist(keys),
      '',
      '',
      judgeP(keys, 0.95, TARGETS.filterP95Ms),
    ],
    [
      `Panel: select the next closure (↓) → detail painted (${selects.length} selections)`,
      selects.length ? dist(selects) : 'not run',
      '',
      '',
      selects.length ? judgeP(selects, 0.95, TARGETS.selectP95Ms) : '',
    ],
    [
      `Panel: timeline pan and zoom, frame time (${frames.length} frames over ${n} connections)`,
      frames.length ? dist(frames) : 'not run',
      '',
      '',
      frames.length ? `${judgeP(frames, 0.95, TARGETS.frameP95Ms)} (50 fps)` : '',
    ],
    [
      `Panel page JS heap with ${n} connections (after GC)`,
      `${fmt(heap.median, 'MiB')} (${fmt(heap.min, '')}–${fmt(heap.max, '')})`,
      '',
      '',
      'none set',
    ],
    ...(panel.shapes ?? []).flatMap((shape) => {
      const r = summary(shape.results.map((x) => x.renderMs));
      const sel = shape.results.flatMap((x) => x.selectPaintMs);
      return [
        [
          `Panel, page shape: ${shape.label}: import → painted`,
          `${fmt(r.median, 'ms')} (${fmt(r.min, '')}–${fmt(r.max, '')})`,
          '',
          '',
          `none set (≤ ${TARGETS.importMs} ms for the mixed recording above; here: ${r.median <= TARGETS.importMs ? 'within it' : 'above it'})`,
        ],
        [
          `Panel, page shape: ${shape.label}: select the next closure (↓) → detail painted (${sel.length} selections)`,
          dist(sel),
          '',
          '',
          `none set (≤ ${TARGETS.selectP95Ms} ms at p95 above; here: ${quantile(sel, 0.95) <= TARGETS.selectP95Ms ? 'within it' : 'above it'})`,
        ],
      ];
    }),
  ];
}

function cpuRows(cpu) {
  if (!cpu) return [['Hook CPU per message (part 1b)', 'not run', '', '', '']];
  const row = (label, m) => {
    const w = summary(m.with);
    const wo = summary(m.without);
    return [
      label,
      `${fmt(w.median, 'µs')} (${fmt(w.min, '')}–${fmt(w.max, '')})`,
      `${fmt(wo.median, 'µs')} (${fmt(wo.min, '')}–${fmt(wo.max, '')})`,
      `${fmtPct(m.ci.median)} (95 % CI ${fmtPct(m.ci.low)} … ${fmtPct(m.ci.high)})`,
      `CI upper end ≤ ${fmtPct(TARGETS.cpuRatio)}: ${judgeInterval(m.ci, TARGETS.cpuRatio).verdict}`,
    ];
  };
  const n = cpu.params.count.toLocaleString('en');
  const by = cpu.source === 'TaskDuration' ? 'CDP TaskDuration' : 'schedstat';
  const size = `${n} × ${cpu.params.text.length} chars, ${cpu.send.with.length} rounds of ${cpu.params.blocks} blocks, ${by}`;
  return [
    row(`Renderer main-thread CPU per sent message, content capture on (${size})`, cpu.send),
    ...(cpu.send.captureOff
      ? [row(`Renderer main-thread CPU per sent message, content capture off (${size})`, cpu.send.captureOff)]
      : []),
    row(`Renderer main-thread CPU per received message, content capture on (${size})`, cpu.receive),
    ...(cpu.receive.captureOff
      ? [row(`Renderer main-thread CPU per received message, content capture off (${size})`, cpu.receive.captureOff)]
      : []),
    ...(cpu.receive.emptyListener
      ? [
          [
            ...row(
              `Reference, no extension: CPU per received message with one empty message listener per socket (${size})`,
              cpu.receive.emptyListener,
            ).slice(0, 4),
            'none (the floor of any in-page listener; see below)',
          ],
        ]
      : []),
    ...['send', 'receive'].flatMap((kind) =>
      cpu[kind].hookAlone
        ? [
            [
              ...row(
                `Reference, no extension: CPU per ${kind === 'send' ? 'sent' : 'received'} message with Closeline's hook alone, its script run first in the page (${size})`,
                cpu[kind].hookAlone,
              ).slice(0, 4),
              "none (the hook's own work, without the rest of the extension; see below)",
            ],
          ]
        : [],
    ),
  ];
}

function memoryRows(mem) {
  if (!mem) return [['Page memory and construction (part 1c)', 'not run', '', '', '']];
  const { heap, construct } = mem;
  const steps = mem.params.steps.map((n) => n.toLocaleString('en')).join(' / ');
  const extra = heap.with.slope - heap.without.slope;
  const w = summary(construct.with);
  const wo = summary(construct.without);
  return [
    [
      `Page heap retained per closed socket: slope over ${steps} sockets opened and closed (after GC; of it, compiled code)`,
      `${fmt(heap.with.slope, 'B')} per socket (code ${fmt(heap.with.codeSlope, 'B')})`,
      `${fmt(heap.without.slope, 'B')} per socket (code ${fmt(heap.without.codeSlope, 'B')})`,
      `${fmt(extra, 'B')} per socket`,
      `≤ ${TARGETS.retainedBytesPerSocket} B per socket more than without: ${extra <= TARGETS.retainedBytesPerSocket ? 'met' : 'not met'}`,
    ],
    [
      `Page heap, constant part (the line's intercept; of it, compiled code)`,
      `${fmt(heap.with.intercept / 1048576, 'MiB')} (code ${fmt(heap.with.codeIntercept / 1048576, 'MiB')})`,
      `${fmt(heap.without.intercept / 1048576, 'MiB')} (code ${fmt(heap.without.codeIntercept / 1048576, 'MiB')})`,
      `${fmt((heap.with.intercept - heap.without.intercept) / 1024, 'KiB')} (code ${fmt((heap.with.codeIntercept - heap.without.codeIntercept) / 1024, 'KiB')})`,
      'none set (what it is: see below)',
    ],
    [
      `\`new WebSocket()\` to CONNECTING, ${mem.params.construct.toLocaleString('en')} sockets, in-page time (${construct.with.length} rounds)`,
      `${fmt(w.median, 'ms')} (${fmt(w.min, '')}–${fmt(w.max, '')})`,
      `${fmt(wo.median, 'ms')} (${fmt(wo.min, '')}–${fmt(wo.max, '')})`,
      `${fmtPct(construct.ci.median)} (95 % CI ${fmtPct(construct.ci.low)} … ${fmtPct(construct.ci.high)})`,
      'none set (reported)',
    ],
  ];
}

function soakRows(soak) {
  if (!soak) return [['Soak (part 4)', 'not run', '', '', '']];
  return soak.readings.map((r) => [
    `Soak at ${r.atS} s: ${r.closures.toLocaleString('en')} closures (one per ${soak.params.everyMs} ms), panel open`,
    `panel frame p95 ${fmt(r.frameP95, 'ms')}; worker heap ${fmt(r.workerHeapMiB, 'MiB')}; storage ${fmt(r.storageBytes / 1048576, 'MiB')}; ${r.connections.toLocaleString('en')} kept, ${r.evicted.toLocaleString('en')} evicted`,
    '',
    '',
    `${fmt(r.bytesPerClosure, 'B')} written per closure since the last reading (flat = O(1))`,
  ]);
}

function pipelineRows(latency, burst) {
  const rows = [];
  if (latency) {
    const verdict = (v, limit) => `≤ ${limit} ms at p99: ${v <= limit ? 'met' : 'not met'}`;
    rows.push([
      `Close event → live view port (pushed before storing), ${latency.closes} closes`,
      `median ${fmt(latency.view.median, 'ms')}, p99 ${fmt(latency.view.p99, 'ms')}, max ${fmt(latency.view.max, 'ms')}`,
      '',
      '',
      verdict(latency.view.p99, TARGETS.liveViewP99Ms),
    ]);
    rows.push([
      `Close event → panel's closure count shows it, ${latency.closes} closes`,
      `median ${fmt(latency.dom.median, 'ms')}, p99 ${fmt(latency.dom.p99, 'ms')}, max ${fmt(latency.dom.max, 'ms')}`,
      '',
      '',
      verdict(latency.dom.p99, TARGETS.panelShownP99Ms),
    ]);
  }
  if (burst) {
    const d = burst.dropped;
    const lost = burst.sockets - burst.accountedFor;
    rows.push([
      `Burst: ${burst.sockets.toLocaleString('en')} sockets × (socket, open, close) in ${fmt(burst.sendMs, 'ms')} at the relay`,
      `recorded ${burst.complete.toLocaleString('en')} complete; rate-limited ${d.connectionsRateLimited.toLocaleString('en')}; evicted ${d.connectionsEvicted}; overflowed ${d.eventsOverflowed} events; rejected ${d.eventsRejected}`,
      '',
      '',
      lost === 0
        ? `every socket recorded or counted (${burst.complete} + ${d.connectionsRateLimited + d.connectionsEvicted} = ${burst.sockets})`
        : `${lost} sockets neither recorded nor counted`,
    ]);
    rows.push([
      `Burst: until stored (from the start of the burst)`,
      Number.isFinite(burst.storedMs) ? fmt(burst.storedMs, 'ms') : 'not reached',
      '',
      '',
      '',
    ]);
    rows.push([
      `Service worker JS heap before → after the burst (after GC)`,
      `${fmt(burst.workerHeapBeforeMiB, 'MiB')} → ${fmt(burst.workerHeapAfterMiB, 'MiB')}`,
      '',
      '',
      'none set',
    ]);
  }
  return rows;
}

function sizeRows(size) {
  return [
    [
      `Hook (${HOOK_FILE}), minified`,
      `${kb(size.hookBytes)} (gzip ${kb(size.hookGzip)})`,
      '',
      '',
      `≤ ${HOOK_LIMIT_BYTES / 1024} KiB minified: ${size.hookBytes <= HOOK_LIMIT_BYTES ? 'met' : 'not met'}`,
    ],
    [
      `Whole extension (${size.files} files)`,
      `${kb(size.totalBytes)} (each file gzipped: ${kb(size.totalGzip)})`,
      '',
      '',
      'none set',
    ],
  ];
}

export function buildTable({ cpu, overhead, memory, latency, burst, panel, soak, size }) {
  return [
    ...cpuRows(cpu),
    ...(overhead ? overheadRows(overhead) : [['Wall-clock throughput (part 1a)', 'not run', '', '', '']]),
    ...memoryRows(memory),
    ...pipelineRows(latency, burst),
    ...panelRows(panel),
    ...soakRows(soak),
    ...sizeRows(size),
  ];
}

const HEAD = ['Measure', 'With Closeline', 'Without', 'Overhead (median, pair range or 95 % CI)', 'Target'];

export function printTable(rows) {
  const widths = HEAD.map((h, i) => Math.min(70, Math.max(h.length, ...rows.map((r) => String(r[i]).length))));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)].join('\n');
}

const esc = (s) => String(s).replace(/\|/g, '\\|');

/** "; of it: cpu 300 s, …" in the order the parts ran. */
function partTimes(partSeconds) {
  const parts = Object.entries(partSeconds);
  return parts.length ? `; of it: ${parts.map(([id, s]) => `${id} ${Math.round(s)} s`).join(', ')}` : '';
}

export function markdown({ rows, machine, params, elapsedS, partSeconds = {}, loadAtEnd }) {
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
| Run time | ${Math.round(elapsedS)} s (target ≤ 1,200 s${partTimes(partSeconds)}) |

A load average above the number of cores means other work shared the machine: the spread widens and
absolute numbers drop; the with/without ratios are what to compare.

## How it was measured

- **Two browsers**, launched once each: Debian Chromium with Closeline and without any extension. Every
  with/without measure alternates between them (with, without; then without, with; …) in fresh tabs, so
  slow drift of the machine falls on both sides, and is compared per pair (run *i* with / run *i* without).
- **Hook CPU per message** (the hook's cost, judged): the CPU time of the page's renderer main thread, read
  from outside the browser in \`/proc/<pid>/task/<pid>/schedstat\` (the renderers' process ids from CDP
  \`SystemInfo.getProcessInfo\`; the page's is the one whose main thread worked), around ${params.cpu.count.toLocaleString('en')} \`send()\`s of ${params.cpu.text.length}
  characters to a sink endpoint (until \`bufferedAmount\` is 0), and around receiving ${params.cpu.count.toLocaleString('en')} such messages from a
  flood endpoint (the page reads each message's \`data\`, as every client does), divided by the count. Each of the
  ${params.cpu.rounds} rounds has five fresh pages: the browser with Closeline shows the page at 127.0.0.1 with message
  content capture on and at localhost with it off (a setting per site, so both run at once), the browser
  without shows it at 127.0.0.1 three times: as it is; with one empty capturing \`message\` listener added to
  each socket before the page's scripts run (the first reference row: what any listener costs, since nothing in a
  page can see a received message without one); and with the extension's built hook script (\`src/content/hook.iife.js\`)
  run as the page's first script, as the browser runs it at \`document_start\`, but with no relay and no
  extension around it (the hook-alone rows: the hook's own work per message, which a row with Closeline
  adds to whatever having an extension's content scripts in the page costs). The round's messages go in ${params.cpu.blocks} blocks, the five pages taking turns
  block by block, each taking every place in the turn over the round, each brought to the front for its block (a background tab
  cost about 20 % more CPU per message). Taking turns every fraction of a second, rather than one side
  after the other, is what lets a machine whose speed drifts within seconds compare them; the per-round
  ratios are summarised as their median
  with a percentile-bootstrap 95 % interval (4,000 resamples, fixed seed). The target is the interval's
  upper end ≤ ${fmtPct(TARGETS.cpuRatio)}; when the interval crosses it, the row says "cannot tell" instead of "met".
  Where \`/proc\` cannot be read, CDP \`Performance.getMetrics\` (\`TaskDuration\`, thread time) is used instead and the
  rows say so. It is the weaker instrument: with the Performance domain enabled the renderer reads the thread
  clock around every call into JavaScript, so every event listener pays for the measurement. One empty extra
  message listener measured +31 % per received message that way and +0–4 % by schedstat, and the hook adds one
  listener per socket, so TaskDuration overstated the hook's cost.
- **Wall-clock throughput** (reported, labelled as such): one socket to a local \`ws\` echo server on 127.0.0.1
  (no compression); ${params.overhead.smallCount.toLocaleString('en')} texts of ${params.overhead.smallText.length} characters sent at once and all echoes awaited;
  ${params.overhead.largeCount} binary messages of ${params.overhead.largeBytes / 1048576} MiB with ${params.overhead.largeInFlight} in flight; ${params.runs} runs each side. The server's and the network
  stack's time are in these numbers, which is why their pairs spread widely.
- **Page memory**: one fresh tab per side opens and closes sockets (4 handshakes in flight over ${params.endpoints}
  endpoints) and reads its JS heap after a forced GC (\`HeapProfiler.collectGarbage\`, \`Runtime.getHeapUsage\`)
  at ${params.memory.steps.map((n) => n.toLocaleString('en')).join(', ')} sockets, after ${params.memory.warmup.toLocaleString('en')} untimed warm-up sockets. Each reading waits until the
  relay's batches are acknowledged (the heap steady and the worker idle): until then the relay holds them for
  re-sending, which is not retention. The least-squares slope is the bytes kept per closed socket, the
  intercept the constant part. Each reading also takes a heap snapshot and sums its compiled code (bytecode,
  optimised machine code and their metadata), shown in brackets: V8's optimising compilers keep adding code
  for the hook's and the relay's functions as they get hot (until about 1,000 sockets, measured), a one-time
  cost that reads as bytes per socket on a short run, hence a warm-up that does not shrink with the scale.
  The hook lets go of a socket's record at its close event and the relay of its admission state; the
  relay keeps a batch only until the worker acknowledges it. *The constant part* with Closeline is the
  extension's content scripts, which share the page's V8 heap: their compiled code (about half), and the
  relay's isolated world, a second JavaScript context in the page with its own global object, built-ins and
  DOM prototypes (their hidden classes, property arrays and functions make most of the rest), plus the
  hook's and the relay's fixed state (saved natives, the port, timers, the capture setting).
- **Construction**: in-page time of \`new WebSocket(url)\` alone (to CONNECTING), ${params.memory.construct.toLocaleString('en')} sockets in batches
  of ${params.memory.constructBatch} closed at once, ${params.memory.constructRounds} alternating rounds. *Why opening sockets is not timed for the hook:*
  opening 1,000 sockets took 35 s with and without the hook alike, because Chromium's network service
  delays each new handshake by random(1–5 s) · 2^min(pending + failed/(succeeded + 1), 16) / 65,536
  (its per-renderer WebSocket throttler), on top of one handshake at a time per IP and port with a
  10 ms unlock delay; with 150 handshakes pending that is 1–5 s each. That is the browser, not the hook.
- **Latency**: ${params.closes.toLocaleString('en')} real sockets in a real page, closed one every 10 ms (page-initiated, code 4000).
  From the close event's own timestamp (the hook's, page clock) to (a) its arrival on a live view port
  opened in the panel page (the relay sends a closure within 4 ms; the worker pushes to views 8 ms after a
  change, before it stores, and acknowledges the relay only after storing) and (b) the panel's
  "shown" count including it (the panel's filter holds the close reason, so only those closures count).
  Both ends read \`performance.timeOrigin + performance.now()\` of their own document.
- **Burst**: ${params.burstSockets.toLocaleString('en')} sockets' events (socket, open, close; ${(params.burstSockets * 3).toLocaleString('en')} events) over ${params.burstMs} ms, played into the
  real relay code (\`startRelay\`: validation, admission, uplink) through a private MessagePort handed over
  exactly as the hook hands its own. A page cannot reach the real relay's port, so this runs in a bench
  page (bench/relay-harness/) added to a temporary copy of the built extension (dist/chrome/ itself is never
  changed): an extension page opened as a tab, whose runtime port \`closeline-relay\` the background accepts
  like a content script's. Every socket must end up recorded or counted in \`recording.dropped\`. The
  relay's rate limit (a burst of 1,000 new sockets, then 200 per second) is what drops most of them,
  by design. Worker heap over CDP on the service-worker target, after GC.
- **Panel**: a synthetic recording of ${params.panelConnections.toLocaleString('en')} connections (2,000 reconnect episodes over 10 hosts, 400 paths,
  4 documents, 11 close codes, 1006 twice as often as each other) is written to a file and imported through the panel's own Import button (file
  input, given the file's path as a user's pick gives it) in the panel page opened as a tab. Render: the input's change event → the animation frame after the table shows every
  connection, then one task (painted). Filter: each of ${params.panelKeys} keystrokes typing and erasing
  "${params.panelQuery}" → the animation frame after React committed the view, then one task. Select: each of
  ${params.panelSelects} ↓ presses in the table → the detail pane shows the next closure, a frame, a task. Timeline:
  ${params.panelWheel} wheel events on the timeline, one per animation frame (half shift+wheel panning, half
  ctrl+wheel zooming), and the intervals between frames. ${params.panelRuns} runs. Page shapes: the same import
  and selections (from the first closure's detail) on two recordings built to stress one part each (bench/lib/synthetic-recording.mjs,
  \`shapedRecording\`): one socket retrying every second (a single episode of 9,999 attempts: the verdict's
  delay list and the detail's list of attempts) and 10,000 sockets open at once on one endpoint (linking,
  which looks for a make-before-break replacement among the sockets still open). They have no target of
  their own; each row says where it stands against the mixed recording's.
- **Soak**: a page closes and reopens a socket every ${params.soak.everyMs} ms for ${params.soak.checkpointsS.at(-1)} s with the panel open on its
  tab. At ${params.soak.checkpointsS.join(', ')} s: the panel's frame times over 3 s (p95), the worker's heap after GC,
  \`storage.session\` bytes in use, connections kept and evicted (10,000 per tab at most), and the bytes the
  worker wrote to storage per closure since the previous reading (counted by the persistence layer).
- **Size**: bytes on disk of the built files; gzip at level 9 per file.
${params.scale !== 1 ? `\n**This run was scaled down** (CLOSELINE_BENCH_SCALE=${params.scale}): message and socket counts are ${params.scale} × the defaults above.\n` : ''}
Environment: \`CLOSELINE_DIST\` (default \`dist/chrome/\`), \`CLOSELINE_BENCH_RUNS\` (default 3 runs each side for
the wall-clock and panel parts),
\`CLOSELINE_BENCH_SCALE\` (default 1; smaller for a quick look), \`CLOSELINE_BENCH_PARTS\` (some of
cpu, overhead, memory, latency, burst, panel, soak: prints their rows and leaves this page as it is),
\`CHROMIUM_PATH\`.

## Where the panel's time goes

CPU profiles of the panel (Chromium's DevTools protocol \`Profiler\` and \`Performance.getMetrics\` around
each phase of the panel part) showed where its time went, and the design follows from them:

- **A keystroke or a selection redrew the whole timeline.** The panel re-renders on every filter keystroke
  and selection; the timeline was not memoised and drew its canvas in an effect that ran on every render,
  reading the computed style for its font each time (a forced style recalculation right after the table's
  DOM changed). The timeline is now a memoised component with stable props that draws only when its
  model, view, size, selection, hover, theme or language change. It reads its colours and font once per
  theme and language, and sets the font outside the canvas's save/restore so the font stays realised
  between frames (setting a font the canvas does not hold resolves it against the document's style,
  which after a selection's detail was rendered cost more than the drawing). Reconnect-link labels
  (an \`Intl\`-formatted delay and its measured width) are cached by what they say. Only visible rows,
  and per row the bars in the visible time range, are drawn (as before).
- **A selection still drew the timeline twice.** Moving through the table selects closures in other lanes,
  so the timeline scrolls to each: the reveal ran in an effect after the canvas had been drawn at the old
  position, and drew it again (20 selections drew it 27 times). The reveal now happens while rendering,
  and the canvas is drawn in the next animation frame, once, with the newest input, however often the
  panel commits before it (20 selections: 20 draws).
  Drawing text brings the document's style up to date first: drawn between two DOM changes of one task,
  that was a style recalculation of its own (in an instrumented page, the font setter took about 5 ms of
  each selection before, nothing after). Each frame also looked through all 8,000 reconnect links for the
  few hundred on screen; links are now indexed by row once per model.
- **Rows** are windowed and memoised (as before). The table sorts once per data or sort change, and a
  keystroke only filters the sorted list (filtering keeps the order; the sort is stable). Typing narrows
  the rows the last keystroke showed (a row containing a text contains each part of it), and deleting
  returns a remembered answer; the memo belongs to one list of rows and one setting of the other filters.
- **Live updates.** The worker pushes to views 8 ms after a relay batch, before storing, and the relay
  sends a closure within 4 ms, yet closures reached the panel hundreds of milliseconds late: the panel
  page's main thread was busy. Each delta (one every few milliseconds while a page closes sockets)
  replaced the recording and restarted the deferred analysis and render from scratch, so under a steady
  stream nothing new was committed until the stream paused, and the view port's own messages queued
  behind the discarded work. Now a newer version of the recording waits until the view has shown the one
  it got, and then only the newest is handed over (nothing is dropped: every version is contained in the
  newest). Each shown version then costs mostly what changed, since a delta replaces only the connection
  objects that changed: redaction keeps each unchanged connection's redacted copy, and the knowledge base
  keeps parsed URLs by text; the panel's analyzer (\`createAnalyzer\`, src/analysis/analysis-memo.ts) keeps
  per connection object its closure facts, linking keys and code category, and reuses an episode's
  verdict when every input it was judged on is the same (a verdict judged again that says the same keeps
  its object); rows are rebuilt only for connections whose object, closure, verdict or stalls changed, so
  the table's memoised rows skip the rest; the timeline model keeps each connection's presentation. Tests
  compare each step of seeded live sequences (changes, eviction, late marks, profiles, imports, stalls)
  with a fresh analysis, fresh rows and a fresh model.
- **Import.** An import still derives everything in one pass (validation, analysis, redaction, rows, the
  timeline model), but a node profile over the benchmark's 10,000 connections found a third of the time in
  the garbage collector and much of the rest in work done again per connection, and each is now done once:
  the decoders are made once per module rather than per field read, and absent optional fields are dropped
  by copying rather than \`delete\` (which left every decoded connection a slow hash table for every later
  read); a code's meaning in its context is memoised per analysis (\`codeMemoFor\`: per code, negotiated
  subprotocol and URL up to its query), and the rows and the timeline take each connection's presentation
  from one pass per analysis and recording (\`presentedRecording\`) rather than presenting every closure
  twice; rows, bars, links, presentations
  and verdicts are built field by field instead of from spreads; the search text is one string with each
  code name translated once per build; a redaction pass redacts each repeated URL and stack once; the
  knowledge base's lookup makes no intermediate arrays. Validation, verdicts, rows and what is shown are
  unchanged (table tests compare each memo with the uncached answer).
- **Still owed**: the passes that relate connections to each other (linking, episodes, the summary, the
  timeline's lanes and rows, sorting and filtering the table) still walk the whole recording per shown
  version, with lookups only now; and the timeline redraws its canvas per version, reconnect links
  included, which per call costs about as much as the analysis (timed below).

During development, on a 2-core machine shared with other work (load average 15–25, so absolute numbers
are far above a quiet machine's), the same bench alternating the build before and after these changes
gave, per phase: renderer script time for 32 filter keystrokes 1.4–2.1 s before, 0.26–0.40 s after; for
30 selections 1.9–3.3 s before, 0.45–1.2 s after; for 120 timeline wheel frames 2.1–2.4 s before,
0.26–0.45 s after; import unchanged within the noise. The latency part
with 400 closes: close → panel count median 961 ms, p99 2,838 ms before; 661 ms and 1,458 ms after
(view port p99 1,701 ms before, 860 ms after). Keeping results between live versions, measured the same
way (builds before and after alternating, load average 5–10, 1,000 closes, each function timed in the
panel page): per shown version the analysis took 4.8–8.8 ms before and 3.4–4.0 ms after, rows
2.0–4.3 ms and 0.6–0.7 ms, the timeline model 2.6–5.4 ms and 2.0–2.5 ms, and a draw of the timeline
5.7–8.7 ms and 3.4–5.0 ms (wall clock), and the panel showed 1.1–1.8 times as many versions in the same
time. End to end the load decided more than the change: over four pairs close → panel count had its median
at 178–388 ms before and 89–266 ms after (lower in three pairs), its p99 at 599–1,529 ms before and
505–1,548 ms after (view port p99 425–932 ms and 320–1,294 ms), so the targets could not be judged on
this machine. The tables above come from the last full run on the machine described there.

On Chromium 150, one latency-and-panel run of the build before the live-update reuse and one of the build
after, back to back on the quiet machine, gave close → view port p99 208 and 253 ms, close → panel count p99
321 and 298 ms, import 864 and 936 ms, and a panel heap of 18.2 and 26.6 MiB (the presentations, rows and
analysis facts kept between versions): the reuse alone did not move the live path measurably.

What did, found afterwards on Chromium 156:

- **The worker's storage writes.** A long-animation-frame observer in the panel page saw no long frame at
  the times of the slowest closes, and a lag monitor put the stalls in the page and the worker instead. A
  CPU profile of the worker over the latency part (1,000 closes) had 4.0 s of its time in \`storage.set()\`,
  which serialises the items on the worker's thread before anything else runs there, pushes to views
  included. Each write stores every chunk that changed whole, and a chunk held 100 connections, so a
  closure cost a rewrite of up to 100 connections. With 5 connections per chunk the same profile shows
  1.1 s, and two alternating pairs of latency runs gave close → view port p99 176 and 159 ms before, 66 and
  97 ms after (close → panel count p99 204 and 231 ms before, 120 and 208 ms after). In the soak a
  closure now writes about 1.45 KB instead of 9.9 KB; at the byte budget it keeps 3,910 connections in
  9.3 MiB of storage at 600 s (the run with 100 per chunk: 4,155 in 9.8 MiB).
- **A compositor layer per table row.** Chromium composited every visible row of the table, each because it
  might overlap a layer painted before it (the timeline's canvas, the filter box's caret): the layer tree had
  42 layers, 31 of them rows. A keystroke that replaced rows then waited, with the main thread idle, for
  dozens of new layers to be rastered (the trace's commit-to-activation stage: 74 ms). Paint containment on
  the table's scroller, which clips its rows anyway, leaves 11 layers and none per row; an e2e test reads
  the layer tree. Filter keystroke p95, alternating builds: 86 and 60 ms before, 50 and 46 ms after.
  The caret alone still started such a chain: focusing the filter box made layers of most of the panel
  (1280×748 and 1280×718 px), rastered before the first keystroke's frame. A layer for the box itself
  ends the chain there (the first keystroke: 40–43 ms before, 19–22 ms after, in four runs each).
- **Reconnect arcs** were stroked as one path per dash style and their labels drawn after them, instead of a
  stroke per link (0.9 s of the panel's script in the latency part went to drawing links); paths of 32
  since, see the soak below.
- **A keystroke that changed the view rebuilt every row on screen.** Rows were keyed by connection, so a
  filter (or a sort) that changed which rows show removed all 31 row elements and built new ones, whose
  style and layout started from nothing (a trace: 565–700 objects to lay out, 9–14 ms). Keyed by position
  on screen, the same elements are updated in place (420–530 objects); scrolling keeps a row's element as
  before, since a position that stays on screen keeps its row. Three alternating pairs of builds: filter
  keystroke p95 34, 35 and 34 ms before, 25, 28 and 26 ms after; the view-changing keystrokes went from
  about 30 ms to about 21 ms. Left of them: updating the rows' text (about 300 text runs, 7 ms of layout
  here), paint and raster.
- **The soak's frames went to rastering reconnect arcs.** The soak's panel frame time p95 was about 100 ms
  once a few thousand connections were kept. A trace of the panel page at 4,200 connections (a page
  reconnecting every 10 ms until then, then every 50 ms) had its main thread in \`Commit\` for 2.3 s of 3 s:
  with no GPU the canvas is rastered in software on the main thread when a frame commits, and the timeline
  stroked every reconnect arc in one path, 4,000 arcs under a pixel wide that overlap. A canvas alone
  rastered 4,200 such arcs in 125 ms as one path, 16 ms as paths of 32. Arcs are now stroked 32 to a path,
  an arc on the same pixels as one already stroked is stroked once, and no label is measured for an arc
  under 8 px (none fits). Same probe, panel frame time p95 over 3 s: 150 ms before, 50 and 67 ms after;
  the soak rows at 300 and 600 s: 100 ms in the run before, then 33 ms in one full run and 16.8 ms in
  the next (the same code: at this density an update's frame is about 5 % of the frames).
  Live updates also stopped sorting every connection when the list is already in creation order. Left of
  each live update at 4,200 connections: about 40–60 ms of script (the analysis, the rows and the
  timeline's model, each a pass over every connection).
- **An import's garbage and repeated work.** An import runs each step once, so it runs cold: before V8
  has optimised the code and while the heap is still small. Run that way in node over the benchmark's
  10,000 connections, the steps took about 540 ms, 170 of them in the garbage collector, and a sampling
  allocation profile of one import in the panel page counted 60 MiB allocated. Validation now keeps the
  parsed objects (each decoded object is the parsed one itself when decoding changed nothing; an unknown
  key, \`__proto__\` included, still gets a decoded copy) and builds no path string per field read (only a
  file that fails is decoded again, to name the field): the warm parse step went from 93 to 43 ms. Each
  reported closure is one object literal, where a spread copy with two fields added after it cost V8
  about 2.5 µs a closure (the copy's hidden class has no transition for them). Redaction copies only
  the connections, events and lists it changes. The last 512 URLs cut into parts are remembered (an
  import cut every URL twice). The analysis walks its closures as a list rather than a Map's entries,
  and linking marks its own items instead of keeping sets of connection ids. In the panel page, with the
  file already in the page so only change → painted is timed, 10 rounds alternating the build before and
  after: median 710 ms before, 604 ms after, faster in 9 of the 10 pairs. The import row above, taken
  through Playwright's file chooser, is noisier. What is left, cold: about 230 ms of analysis, 110 ms of
  parse and validation, 100 ms of presentation, rows and the timeline's model, and the collector's
  share of each, since every object those build lives on.
- **Work the panel did twice, and a collection the import pays for.** Following the selection with the
  arrow keys scrolls the table a row at a time, and each step painted every row on screen again: the
  window of rendered rows moved as one block (a transform), and rows were striped by their position in
  the DOM, so dropping the top row recoloured all the others (the stripes also crawled while scrolling).
  Rows now sit at their own offset in the list's full height and are striped by their index in the
  list. Three alternating trace pairs of 60 selections: paint 7.3–7.9 ms a selection before, 5.3–5.4 ms
  after; all main-thread tasks 23–28 ms, then 21–22 ms. The table also followed a new selection in an
  effect, after the browser had laid out the commit, so the rows it revealed were rendered and laid out
  a second time; it now reveals them in the same render, as the timeline does (60 selections: 99 layouts
  instead of 138). On its first render the table laid out its first screen of rows with every column,
  then again with the columns that fit; rows now wait for the first measurement, which renders again
  before anything is painted (the import's first layout: about 46 ms before, 38 ms after, in four
  traces). Each translation parsed its message again (about 0.6 ms of script a selection); messages are
  now parsed once, which also stops a substituted URL or close reason holding "$1" or "$$" from being
  read as part of the message. Traces of the import also show part of its spread: when the panel's heap
  was last collected to reduce memory, as the benchmark's heap reading just before each import does,
  and as V8 does by itself once the page has sat idle (one trace each: after 30 s idle, not after 15 s), the import
  includes a memory-reducing mark-compact of everything built so far, 90–120 ms (in-page imports without
  it took 650–810 ms, with it 840–1,020 ms). A user who opens the panel and then goes looking for the
  file may well be in that state, so the import row keeps it. It is probably also why a file handed over
  as a buffer timed faster than one chosen by path (decoding the buffer in the page allocates before the
  change event, so the collection came before the timing); that was not checked.
- **What an import made only to drop, and what it kept for nothing.** A sampling allocation profile of
  one import in the panel page counted 55 MiB allocated. The decoder built a copy of every object of
  the file to compare with the parsed one, and then dropped it: a check that allocates nothing
  (src/protocol/exact-connection.ts) now says when decoding would keep a connection as it is, and only
  then is decoding skipped (its tests hold every "yes" to the decoder, at and past every bound). Code
  not yet optimised allocates an iterator result for each step of a \`for…of\` loop, and an import
  runs most of its code that way: the loops over connections, closures, events and rows are indexed.
  An imported recording, which never has a next version, was analysed by the analyzer that keeps about
  20,000 entries for one: it is now analysed one-shot. Allocated per import: 55.2 → 49.1 MiB (loops) →
  45.1 (the check) → 43.2 (one-shot). In the panel page, the file already in the page, 16 rounds
  alternating the build before and after: median 666 → 579 ms with the loops and the check (the new
  build faster in 12 of the 16 pairs); 542 → 522 ms with all three, in a later pair of runs when the
  machine was quieter (12 of 16). Tried and left out: making each row's filter text (about 2 MiB)
  after the rows are shown. Made at the first search, it cost that keystroke about 20 ms; made while
  the panel was idle, the filter's p95 over 288 keystrokes went from 25 to 31 ms (the texts were still
  young when typing began), for an import about 14 ms faster.

- **An import painted the old panel first, and counted what nobody read.** The panel defers its
  analysis so that a burst of live closures never blocks typing; an imported file went through the same
  deferral, so the panel first rendered, laid out and painted its previous state once more (about 40 ms)
  and then analysed the file in slices. An import is now analysed in the render that brings it. And each
  analysis looked up every closure's category in the knowledge base, in its connection's context, for a
  count by category in the summary that no view, badge or export read: the count is gone. In the panel
  page, the file already in the page, alternating the builds: median 565 → 512 ms (faster in 8 of 10
  pairs) for the first; for the second, 505 → 430 ms in one run of 10 pairs and no clear difference in
  another (the renderer's CPU time for the import: median ratio 0.93, lower in 7 of 10 pairs). The
  machine's speed moved by a third between runs of the same build, so these are indications, and the
  import row above is the measure.
- **What the hook costs per received message.** Until this round, each side of a CPU round ran after the
  other, a few seconds apart, and the page never read the messages it received. Its rounds spread by
  ±20 % (the machine's speed drifts within seconds), and the hook's read of \`data\` was the first one,
  which is when the browser makes the message's JavaScript string: in a sampled CPU profile of 20,000
  messages to such a page, that read took about 1.6 µs a message, and about 1.2 µs when the page reads
  the data too (then the page's own read finds the string made; a sampling profile adds time of its own). A real client reads every message, so the page now
  does. The rest of the hook's time per message, by the same profile: the content-capture clock reading
  (about 0.4 µs, capture on only), the listener and the counters. Nothing in a page can see a received
  message without a listener on its socket, so the benchmark now also measures, in the same rounds, the
  page without Closeline but with one empty capturing listener on each socket (the reference row): the
  floor of any in-page observer. In a same-browser probe of 7 rounds, that empty listener cost +14.0 %
  (95 % CI +1.6 % … +17.8 %) per received message and the hook +10.6 % (+7.9 % … +29.6 %); a listener
  run by the browser for a socket's message costs far more than one called from script (0.3–0.45 µs).
- **What an import filed away for a next version it never has.** A live recording's next version
  replaces only the connection objects that changed, so the panel keeps, by connection object, each
  connection's closure facts and linking keys (the analyzer), its presentation, its row and its redacted
  copy. An imported file went through four such weak maps too: about 40,000 entries per
  10,000-connection import, each one more object, and weak-map entries are the costliest kind for the
  collector to trace. None could ever be used again: every analysis of a file is one-shot, with new
  closures and verdicts. The analysed recording now says whether it is live, and only a live one's
  facts, presentations, rows and redacted copies are kept. Cold in Node (the import's steps without the
  page), alternating the builds over 12 pairs: the steps' total 510 → 493 ms with the analyzer's map
  gone (lower in 11 of 12), 516 → 476 ms with the rows' and presentations' (9 of 12), and redaction
  21 → 16 ms (10 of 12). In the panel page, the file already in the page, 14 rounds alternating the
  builds of the start and the end of this round: median 511 → 451 ms (faster in 12 of 14 pairs); the
  benchmark's own panel part (heap read just before each import), 9 imports per build, alternating:
  median 593 → 520 ms. Also in this round: the CPU part now sends its messages in blocks of 3,000
  (30,000 each way per round) instead of 5,000, as it had taken 270–323 s of a run that came within a
  minute of the 20-minute limit.

- **A reconnect storm in the live panel, measured again, and a pause between live versions tried.** A
  page closing a socket every 50 ms with 4,000 connections kept (a probe like the soak, filled faster):
  the panel's main thread was busy 91 % of 4 s, and the longest frames were a canvas commit of 11–25 ms
  each (the software raster of the timeline after a redraw: about 3,900 arcs and 6,300 rectangles per
  draw; without strokes the commits' total fell from 1.17 s to 0.50 s). The arcs join bars spread over
  the lane's rows, so those already stroked once per pixel pair left nothing more to merge. Handing the
  view its next live version only after a pause twice as long as the last one took to show cut the busy
  share to about 78 %, but close → panel count p99 rose from 67–69 ms to 139 ms (max 345 ms) in the
  latency part, against a target of 150 ms, so it was left out. The panel's live versions stay back to
  back; each one's script (the analysis, the rows and the timeline's model, each a pass over every
  connection) and the canvas raster are what a storm costs.

- **What the CPU rows can resolve, checked with pages that differ only in \`send()\`.** One 7-round probe of
  the CPU part's design, the browser without Closeline showing four pages: as it is; with \`send\` replaced
  by a Proxy that only forwards; by a plain function that only forwards; and with the hook alone. The two
  forwarding pages receive exactly as the plain page does, yet their received rows read +8.9 % and +11.0 %
  (intervals −4.5 % … +9.7 % and −1.6 % … +14.3 %): a received row this wide holds no difference at all, so
  "cannot tell" is this design's floor on this machine, not a finding about the hook. The sent rows: a
  forwarding Proxy +1.0 % (−1.8 % … +11.5 %), a forwarding function +1.9 % (−3.4 % … +3.7 %), the hook alone
  +4.2 % (+1.7 % … +7.3 %). In the page itself, a loop of 200,000 sends of 32 characters took 4.865 µs per
  send with the hook of that round and 4.878 µs without (medians of 9 alternating pages); with the later
  bounded copy of each sent text (below), the same loop took 5.59 µs with the hook of the last full run,
  5.64 µs with this run's and 5.15 µs without (9 alternating pages each): about 0.45 µs per send, the copy
  and the ring slot. Sent in
  blocks of 3,000 with the socket drained between them, as the benchmark does, a send costs 20–27 µs (the
  browser hands each one to the network at once instead of queueing it), and those blocks differ by
  ±10 % between pages either way. Where the hook alone's few per cent per sent message go, outside its own
  function, is not found. This round's hook does less per message before the engine optimises it
  (bound natives instead of \`Reflect.apply\` with a new argument array: 0.4 instead of 1.9 µs per call over
  the first 3,000 calls in Chromium), and a bit more for some: binary data, long texts and every sent
  text are now kept as a bounded copy instead of a reference (a reference kept a large message, or the
  large text a sent slice was cut from, alive while its socket was open).

- **An earlier round's code.** In that round the hook, the relay and the analysis were unchanged. In the
  panel, a short panel (zoomed to 200 %, or a short window) now scrolls as a page with its main area kept
  at a minimum height, the table's focus hand-over no longer scrolls, and the timeline leaves the wheel to
  the panel at the lanes' ends. In the panel benchmark's own code, alternating the builds of the last full
  run and of this one over 6 runs each, the import, filter and selection read the same within the noise
  (medians 727 and 685 ms; filter p95 40.9 and 41.0 ms; selection p95 35.4 and 35.8 ms, on the machine
  slower than usual then). The worker then began to write one small key per throttled badge burst, so that a
  badge update cut short by a worker stop is drawn at its next start. The machine was slower in that run
  than in the full one before it (the CPU rows' pages without Closeline: 37.9 instead of 33.8 µs per received
  message, and 226 instead of 176 ms for 1,000 \`new WebSocket()\`), and close → panel read p99 169 ms; its
  part alone right after, alternating the two builds twice: 212 and 151 ms with the last full run's build,
  117 and 176 ms with this one's. The latency is the machine's, not this code's.
- **Search text made on first need: tried, and left out.** Each row's lower-cased search text (URL,
  reason, code, names, last messages) is built at import for all 10,000 rows. Made on the first filter by
  text instead, the rows step of an import fell by about a third cold in Node, but in the panel the import
  showed no difference beyond the noise (medians 668 and 691 ms over 6 alternating runs), while the first
  keystroke took 42 ms instead of 24 and the filter's p95 rose from 35.6 to 44.6 ms. It was reverted.
- **Where an import's time goes now, and why a worker would not shorten it.** A trace of one import in the
  panel page (the file already chosen, 10,000 connections): the file's text is decoded and parsed in one
  task of about 100 ms (30 ms of it decoding); the render that brings the file is one task of about 500 ms
  (in a CPU profile of an unminified build: the analysis about 200 ms, of it linking 74 and the verdicts
  52; rows 88; the timeline's model 54; each connection's presentation 34; React's commit 35; a forced
  layout about 30; the young-generation collector about 100 ms over all of it); then the first frame, about
  55 ms (the timeline's canvas 26, layout 21, paint 19). Every step after the parse needs the analysis,
  so the analysis is on the critical path wherever it runs: in a worker, the main thread would wait for
  it and then receive its result by structured clone, saving at most the parse it could overlap.
- **Where a selection's time goes.** About 27 ms of main-thread work per ↓ in a trace of 90 selections:
  React's render and commit about 7 ms (of it 3 ms a layout forced by scrolling the table to the row),
  paint 7.5, layout 5, the compositor commit 2, the timeline's redraw 1.5, and about 2.7 ms of hit testing
  for the mouse pointer left over the table, which the browser runs again after each scroll so that hover
  follows. With a frame every 16.7 ms, a selection whose work ends just after a frame's deadline is
  painted in the next, which is what puts the p95 near 30 ms.
- **Where close → panel count's tail is, and a layout boundary for the detail tried.** In two latency
  runs of the last full run's build, each close's delay by its place: the first 150 closes (the first
  batch, the panel just opened) had medians of 115 and 130 ms, and 39 and 53 of them took over 150 ms;
  every later batch had its median at 30–75 ms and 0–9 closes over 150 ms. So the p99 (the tenth
  slowest of 1,000: 198 and 226 ms) is mostly the first batch; most of the other slowest closes are a
  batch's last, shown in the versions that also bring the next batch's 150 new sockets. The view port's
  median was 37–40 ms for the first batch and 21–31 ms after. In a trace of the panel page its main
  thread was busy about 97 % of the first and of the second batch's close phase alike, about 14 shown
  versions a second at 70 ms each: script about 40 % (the analysis, the rows, the timeline's model and
  draw, React), paint about 20 % (the table's body at most versions, about 5 ms each), the compositor
  commit (the canvas raster) about 15 %, layerize 7–10 %. Tiering V8 up early (\`--always-sparkplug\`,
  lower Maglev and TurboFan thresholds, a probe only) made the first batch worse (median 311 ms): the
  compiling competed for the two cores. For the selection, \`contain: strict\` on the detail pane, whose
  box the workspace sets and never its content, so that it is a layout boundary: in traces of 30
  selections over four alternating pairs, layout took a median 4.9 ms a selection without and 5.8 ms
  with, and end to end twelve alternating pairs gave medians of 22.1 and 22.4, 21.7 and 21.0 ms and
  per-pair p95 ratios of 0.21–1.39: no gain the noise can show, so it was left out. In those traces a
  selection's frame held paint 2.7 ms, the commit 3.2 (the timeline's canvas raster), hit testing for
  the pointer 3.0 (2.3 of it the frame's layout: 40–70 dirty objects of about 2,300), the timeline's
  draw 1.9, layerize 1.7 and pre-paint 1.4; the key's own task held React's render and commit (3–7 ms)
  and, for a selection that scrolls the table, a layout forced by setting \`scrollTop\` (about 3.7 ms),
  after which the frame's layout took under 1 ms: the forced layout is the frame's layout done
  earlier, not a second one.
- **Where \`new WebSocket()\`'s extra time goes.** A profile of 1,000 constructions in a page with the hook
  alone: posting the socket's first event to the relay's port takes about 60 µs and formatting its creator's
  stack about 30 µs per socket; the native constructor itself about 390 µs there. Batching a task's events
  into one post would save most of the first, but a frame removed in the same task could then lose its
  last events; it was left out.
- **What a first import costs.** Each import below in a fresh browser, six browsers per build: the first
  import's median was 621 ms and the second's 496 ms; eight imports in one browser gave 548, 451, 405, 339,
  410, 429, 356 and 404 ms. The benchmark's three imports per run are one cold and two warm ones, and a user's
  first import is the cold one. Tried and left out: V8's explicit compile hint (\`//# allFunctionsCalledOnLoad\`)
  on the panel's, the analysis's and React's chunks, so that their functions compile while the page loads
  (first imports: median 606 ms with it, 621 ms without); a young generation four times larger
  (\`--js-flags=--min-semi-space-size=64\`, a probe only: median 410 ms either way over eight imports). Intl
  formatters cost about 6 ms only in the first page of a browser process.
- **The filter's slow keystrokes.** The keystrokes that change the rows on screen (10,000 → 1,000, 50 → 275,
  275 → 1,000 shown) make the p95; the others take about one frame (17 ms, mostly the wait for the next
  frame). Each of the slow ones, in a trace: a task of 13–18 ms (5–8 ms of script, then about 6 ms of layout
  that the text field forces after its input event, to place the caret), then a frame of 10–15 ms
  (pre-paint, the URL cells' resize observer, paint, layerize, commit). Tried with no difference beyond
  the noise (ten pairs of such keystrokes per variant): \`contain: strict\` on the rows or on the cells,
  \`overflow: clip\`, no cell borders, no ellipsis, no stripes. Fewer rows rendered beyond the viewport (3
  instead of 8 each side) gave p95 33.1 → 30.0 and 28.7 → 25.3 ms in two alternating runs, but each 100-px
  wheel step then left a 25-px strip without rows for a frame (in 40 of 152 frames; none with 8), since
  React renders a scroll's rows in a task after that frame. Left at 8.
- **Tooltips made for every cell on screen.** Each cell had its tooltip (its full text) made while
  rendering: for a row, a date with its zone, plural counts and isolated page text. A keystroke that changed
  the rows on screen made about 250 of them (31 rows, 8 columns), for the one cell a pointer might rest on. They are now made only for
  the row under the pointer and the selected row (the grid's active row, which a screen reader reads: a
  cell's title is also its description), from the row it shows (so they follow a row that a filter replaces
  under a resting pointer). A CPU profile of the 10,000 → 1,000 keystroke: script about 11.5 ms before, 8.7 ms after;
  three alternating pairs of the panel part on a quiet machine: filter p95 31.0, 28.1 and 27.3 ms before,
  26.3, 25.8 and 25.7 ms after.
- **Also looked at this round, and left.** A selection's frame forces a layout from the timeline's draw:
  Chromium's canvas resolves its font against the document's style at the first \`font\` set or text drawn
  after the DOM changed, even when the font is the one it holds (skipping the set moved the layout to the
  first \`fillText\`). It is the frame's own layout done earlier (the frame then lays out nothing), so drawing
  later would not save it. Without the URL cells' resize observers (the cells' fit not kept, a probe only)
  and with rows made layout boundaries (\`width: 100%\`, \`overflow: hidden\`), filter keystrokes showed no
  difference beyond the noise in alternating runs. A warm import in the same panel takes about 300 ms (four
  imports in one page: 688, 459, 380, 294 ms): about half of a first import is what a first run costs (code
  not yet optimised, a heap not yet grown), not work a later import does again.
- **The hook's own cost per received message, tried within one page.** Pages of one browser differ on their
  own by a few per cent (six identical pages: medians 26.2–28.3 µs per received message) and blocks of one page
  by ±15 %, so the CPU rows compare pages as much as hooks. A probe within one page: a socket opened with the
  browser's own \`WebSocket\`, then the built hook run, then a second socket opened through it; 100 alternating
  pairs of 3,000-message blocks on a quiet machine. The hooked socket cost +3.1 % (ratio of means; median of
  the pair ratios +5.0 %, 95 % CI +1.4 % … +10.1 %), but two sockets of one page with no hook at all differed
  by −7.2 % (−9.9 % … −1.4 %) the same way, and by −1.1 % in an earlier run: the sockets of one page are no
  more alike than pages, and this probe cannot split the row either. Probes of the hook alone across pages
  read +5.0 % and +9.2 % (intervals −1.5 % … +9.2 % and +5.3 % … +10.2 %, the second on a loaded machine).
  Counted directly: a CPU profile of 30,000 received messages puts most of the hook's own script in calling
  the saved \`data\` getter and the clock through \`Reflect.apply\`, and in a loop each such native call
  takes 60–200 ns (\`isTrusted\` 11 ns): a few hundred nanoseconds a message, 1–2 % of a received message's
  27–33 µs, below what the rows can show.
- **A selection that leaves the timeline's canvas alone, tried.** A selection redraws the canvas (its
  highlight) and the compositor uploads it again, about 4 ms of a selection's frame in earlier traces. A probe
  build that skipped the redraw when only the selection changed (the highlight left stale: a probe only) gave,
  in three alternating pairs of the panel part on a quiet machine (90 selections each, without the probe
  first), select p95 32.5 and 29.7, 28.7 and 30.9, 32.4 and 38.3 ms, and filter p95 31.3 and 30.6, 35.8 and
  28.9, 30.9 and 39.7 ms: nothing the noise can show. A highlight drawn on a layer of its own would save less
  than skipping the redraw, so it was left out. In the same session the panel part alone read select p95
  28.7–32.5 ms and filter p95 29.8–35.8 ms on a quiet machine: both targets sit within this machine's spread
  of a frame.
- **Sections of the detail left unrendered out of view, tried.** \`content-visibility: auto\` on each section of
  the detail pane, so that sections scrolled out of its view are neither laid out nor painted. Main-thread time
  per selection from CDP \`Performance.getMetrics\` (thread time) over 30 ↓ presses after 5 untimed ones, four
  alternating pairs of builds with 10,000 connections at 1280×800: tasks 15.9–18.6 ms a selection without and
  16.1–18.7 ms with, of them layout 2.1–3.1 and 2.2–2.9 ms and script 4.4–5.0 and 4.4–5.0 ms. The detail's
  own layout and paint are not where a selection's time goes, so it was left out.
- **The previous full run's code.** It differed from the run before it by the table's tooltips on hover
  (above), the relay's replacement of lone surrogates in a close() reason and a restarted worker keeping an
  unreadable tab's keys; its load average was 3.6 at the start.
- **This run's code.** Since the previous full run: the selected row has its cells' tooltips too (one row's
  per selection: they are its cells' descriptions for a screen reader); the hook takes each stack with
  \`Error.captureStackTrace\` on an object of its own (per socket and per close() call, nothing per message) and
  listens to open, error and close in the capture phase, as it did to message; the analysis takes a clean close
  whose code no close() can send as the server's, keeps verdicts and stalls by id in objects with no
  prototype, and judges stalls from one index per recording (the benchmark's recordings have no stalls). The
  load average was 3.4 at the start, from the probes run just before. Against the last run, import and filter
  read slower (618 against 565 ms, p95 32.2 against 27.3 ms); the filter's keystrokes run before any row is
  selected, and ten imports alternating with the build this round started from, on a quiet machine, gave
  medians of 639 ms before and 629 ms after: the difference is the runs', not the code's.

Still open on this machine: the import (one cold pass of validation, analysis, presentation, rows and the
model, with the garbage collection of everything they build); the script of each live update, which grows with the
connections kept (the soak's frame time); and the received-message rows of the hook's CPU. Two reference
rows read them: the empty listener (what any listener costs) and the hook alone (the hook's own work per
message, in a page of the browser without the extension). In two 7-round probes before this run, the hook
alone cost −0.3 % and +1.9 % per received message (intervals −3.0 % … +6.6 % and −2.8 % … +9.2 %), as much
as the empty listener (+1.8 % and +6.3 %), while the same page in the browser with Closeline cost +9.4 %
and +12.3 % (lower ends +3.9 % and +6.4 %). So most of that row looked like something
of having the extension in the page (its relay's isolated world, or the extension's own processes on a
2-core machine) rather than the hook's work per message; this round's probes of the hook alone (above) read
more, so that split is not settled. Builds with one content script each did not tell these apart from the
noise (relay alone +3.1 %, hook alone +3.3 %, neither −3.4 %, each interval holding the others). A later
probe (the cpu part alone, 7 rounds) loaded an extension with Closeline's manifest, its permissions and both
content-script entries, but empty scripts: per received message −0.2 % with capture on and +1.2 % with it off
(intervals −1.8 % … +10.6 % and −1.5 % … +7.5 %), per sent message −2.4 % and +0.7 %, while the hook alone read
+7.5 % (+5.0 % … +11.6 %) in the same run. So an extension's mere presence in the page (its isolated world, its
permissions, its processes) shows no cost the noise can see, and the rest of the with-Closeline row is
Closeline's own scripts: the hook with its relay answering, which this probe does not split further. Below
the listener floor the hook can only go by not
listening, that is by running inside the page's own listeners, which the page could then tell apart
(listener identity, removal, \`handleEvent\` objects, error stacks) and which would miss the messages of
a socket the page does not listen to.
`;
}
