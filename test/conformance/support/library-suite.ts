/**
 * One library's conformance file: two browsers (with and without the built
 * extension), every configuration × scenario run at once as pages, each
 * scenario in both browsers side by side with the same random seed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { launch, type Launched } from '../../e2e/support/browser';
import { LIBRARIES } from './libraries';
import type { LibraryId } from './library-ids';
import { SCENARIOS } from './scenarios';
import { runScenario } from './run-scenario';
import { assertScenario, evaluate, meanDelayShift, SYSTEMATIC_TOL_S } from './check';
import { writeLibraryResults, type ScenarioResult } from './results';

function versionOf(id: LibraryId): string {
  const pkg = resolve(__dirname, '../../../node_modules', id, 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** Same seed for both browsers of a scenario, different across scenarios. */
function scenarioSeed(base: number, key: string): number {
  let h = base >>> 0;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

export function defineLibrarySuite(id: LibraryId): void {
  const lib = LIBRARIES[id];
  const { bundles, resultsDir, seed } = inject('conformance');
  const bundle = bundles[id];
  if (!bundle) throw new Error(`no bundle for ${id}`);
  let withExt: Launched;
  let without: Launched;
  const rows: ScenarioResult[] = [];
  const started = Date.now();
  // Server-side timestamps are taken on this process's event loop: its delay is part of their noise.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();

  beforeAll(async () => {
    [withExt, without] = await Promise.all([launch({ extension: true }), launch({ extension: false })]);
  });

  afterAll(async () => {
    await Promise.all([withExt?.close(), without?.close()]);
    loop.disable();
    console.log(`${id}: event loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`);
    const order = (r: ScenarioResult) => lib.configs.findIndex((c) => c.label === r.config) * 10 + SCENARIOS.findIndex((s) => s.code === r.code);
    rows.sort((a, b) => order(a) - order(b));
    const shift = meanDelayShift(rows);
    const complete = rows.length === cases.length && rows.every((r) => r.passed) && Math.abs(shift) <= SYSTEMATIC_TOL_S;
    writeLibraryResults(resultsDir, { library: id, version: versionOf(id), seed, fileMs: Date.now() - started, rows, complete });
  });

  const cases = lib.configs.flatMap((config) => SCENARIOS.map((scenario) => ({ config, scenario, name: `${config.label}: server ${scenario.drop ? 'drops TCP' : `closes ${scenario.code}`}${scenario.refuse ? ', then refuses handshakes' : ''}` })));

  const slots = new Map<string, number>();
  describe.concurrent(`${id} ${versionOf(id)}`, () => {
    it.each(cases)('$name', async ({ config, scenario, name }) => {
      const t0 = Date.now();
      const s = scenarioSeed(seed, `${config.label}/${scenario.code}`);
      const [a, b] = await Promise.all([runScenario(withExt, lib, config, scenario, bundle, s), runScenario(without, lib, config, scenario, bundle, s)]);
      const { row, judged } = evaluate(config, scenario, a, b, Date.now() - t0);
      // A retried scenario replaces its failed attempt's row: each scenario counts once.
      const at = slots.get(name);
      if (at === undefined) slots.set(name, rows.push(row) - 1);
      else rows[at] = row;
      assertScenario(lib, config, scenario, a, b, judged);
      row.passed = true;
    });
  });

  // Runs after the concurrent block: single delays may meet a stall, a systematic shift may not hide among them.
  describe(`${id}: with vs without the extension, over all scenarios`, () => {
    it('adds no systematic delay to reconnects', () => {
      expect(rows.length, 'every scenario produced a result').toBe(cases.length);
      const shift = meanDelayShift(rows);
      expect(Number.isFinite(shift), 'some delays were observed').toBe(true);
      expect(Math.abs(shift), `mean (with − without) delay ${shift.toFixed(3)} s`).toBeLessThanOrEqual(SYSTEMATIC_TOL_S);
    });
  });
}
