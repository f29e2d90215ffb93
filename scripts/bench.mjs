#!/usr/bin/env node
// npm run bench: measures what Closeline costs pages (CPU per message, memory
// per socket, construction, wall-clock throughput), how fast closures reach
// the panel, how the relay copes with a burst, how the panel handles 10,000
// connections, how a ten-minute session holds up, and how big the built files are. Prints a table and rewrites
// docs/performance.md. Not part of `npm test`: it reports, it never fails on
// a target (see docs/performance.md for the method).
//
// Environment: CLOSELINE_DIST (built extension, default dist/chrome/),
// CLOSELINE_BENCH_RUNS (runs per side, default 3), CLOSELINE_BENCH_SCALE
// (default 1; e.g. 0.2 for a quick look), CLOSELINE_BENCH_PARTS (a comma-separated
// subset of the parts below, to look at one change; such a run prints its table but
// leaves docs/performance.md alone, since the page describes one whole run), CHROMIUM_PATH.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from './lib/launch.mjs';
import { CHROME_DIST } from './lib/dist.mjs';
import { prepareBenchExtension } from '../bench/lib/bench-extension.mjs';
import { startEchoServer } from '../bench/lib/server.mjs';
import { currentLoad, machineInfo } from '../bench/lib/machine.mjs';
import { overheadParams, runHookOverhead } from '../bench/hook-overhead.mjs';
import { cpuParams, runHookCpu } from '../bench/hook-cpu.mjs';
import { memoryParams, runPageMemory } from '../bench/page-memory.mjs';
import { runSoak, soakParams } from '../bench/soak.mjs';
import { runBurst, runLatency } from '../bench/pipeline.mjs';
import { PANEL_PARAMS, runPanel, runPanelShapes } from '../bench/panel.mjs';
import { HOOK_FILE, measureSize } from '../bench/size.mjs';
import { buildTable, markdown, printTable } from '../bench/report.mjs';

const root = resolve(import.meta.dirname, '..');
const dist = CHROME_DIST;
const runs = Math.max(1, Number(process.env.CLOSELINE_BENCH_RUNS ?? 3));
const scale = Number(process.env.CLOSELINE_BENCH_SCALE ?? 1);
const ENDPOINTS = 4;
const PARTS = ['cpu', 'overhead', 'memory', 'latency', 'burst', 'panel', 'soak'];
const chosen = (process.env.CLOSELINE_BENCH_PARTS ?? '').split(',').filter(Boolean);
const unknownParts = chosen.filter((p) => !PARTS.includes(p));
if (unknownParts.length) {
  console.error(`CLOSELINE_BENCH_PARTS: unknown part ${unknownParts.join(', ')}; the parts are ${PARTS.join(', ')}`);
  process.exit(2);
}
const partial = chosen.length > 0 && chosen.length < PARTS.length;
const wanted = (id) => !partial || chosen.includes(id);
const started = Date.now();
const log = (s) => console.log(s);

const size = measureSize(dist);
const ext = await prepareBenchExtension(dist);
const server = await startEchoServer(ENDPOINTS);
const withExt = await launchChromium({ dist: ext.dir });
const withoutExt = await launchChromium({ extension: false });
const machine = machineInfo(withExt.context.browser()?.version() ?? 'unknown');
log(
  `Closeline benchmarks: ${runs} runs per side, scale ${scale}; ${machine.cpu}, ${machine.cores} cores, Chromium ${machine.chromium}, load ${machine.loadAtStart.toFixed(2)}`,
);

/** Runs one part (when chosen); a failure is reported in the table instead of ending the run. */
async function part(id, name, fn) {
  if (!wanted(id)) return undefined;
  log(`\n${name}…`);
  const t = Date.now();
  try {
    const r = await fn();
    log(`  (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    return r;
  } catch (e) {
    log(`  ${name} failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
    return undefined;
  } finally {
    partSeconds[id] = (Date.now() - t) / 1000;
  }
}
/** Seconds each part took, for the run-time target (the report lists them). */
const partSeconds = {};

const closes = Math.max(150, Math.round(1_000 * scale));
const burstSockets = 10_000;
const burstMs = 1_000;
let results;
try {
  results = {
    cpu: await part('cpu', '1b. Hook CPU per message (alternating with/without)', () =>
      runHookCpu({ withExt, withoutExt, server, scale, log, hookScript: readFileSync(join(dist, HOOK_FILE), 'utf8') }),
    ),
    overhead: await part('overhead', '1a. Wall-clock throughput (alternating with/without)', () =>
      runHookOverhead({ withExt, withoutExt, server, runs, scale, log }),
    ),
    memory: await part('memory', '1c. Page memory per socket and construction', () =>
      runPageMemory({ withExt, withoutExt, server, scale, log }),
    ),
    latency: await part('latency', '2a. Pipeline latency', () => runLatency({ withExt, server, closes, log })),
    burst: await part('burst', '2b. Burst at the relay', () =>
      runBurst({ withExt, sockets: burstSockets, durationMs: burstMs, log }),
    ),
    panel: await part('panel', '3. Panel with 10,000 connections', async () => ({
      connections: PANEL_PARAMS.connections,
      ...(await runPanel({ withExt, runs, log })),
      shapes: await runPanelShapes({ withExt, runs, log }),
    })),
    soak: await part('soak', '4. Soak with the panel open', () => runSoak({ withExt, server, scale, log })),
    size,
  };
} finally {
  await withExt.close();
  await withoutExt.close();
  await server.close();
  ext.remove();
}

const rows = buildTable(results);
log(`\n${printTable(rows)}\n`);
const params = {
  runs,
  scale,
  endpoints: ENDPOINTS,
  overhead: overheadParams(scale),
  cpu: cpuParams(scale),
  memory: memoryParams(scale),
  soak: soakParams(scale),
  closes,
  burstSockets,
  burstMs,
  panelConnections: PANEL_PARAMS.connections,
  panelQuery: PANEL_PARAMS.query,
  panelKeys: PANEL_PARAMS.query.length * 2,
  panelRuns: runs,
  panelSelects: PANEL_PARAMS.selects,
  panelWheel: PANEL_PARAMS.wheelSteps,
};
if (partial) {
  log(
    `Parts ${chosen.join(', ')} only: docs/performance.md left as it is (${((Date.now() - started) / 1000).toFixed(0)} s).`,
  );
  process.exit(0);
}
const out = join(root, 'docs/performance.md');
writeFileSync(
  out,
  markdown({
    rows,
    machine,
    params,
    elapsedS: (Date.now() - started) / 1000,
    partSeconds,
    loadAtEnd: currentLoad(),
  }),
);
log(`Wrote ${out} (${((Date.now() - started) / 1000).toFixed(0)} s in all).`);
