/**
 * One library's conformance file: two browsers (with and without the built
 * extension), every configuration × scenario run at once as pages, each
 * scenario in both browsers side by side with the same random seed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { launch, type Launched } from '../../e2e/support/browser';
import { LIBRARIES } from './libraries';
import { libraryFileStem, type LibraryId } from './library-ids';
import { SCENARIOS } from './scenarios';
import { runScenario } from './run-scenario';
import { bothSides, launchBoth } from './both-sides';
import { assertScenario, delayShift, evaluate, SYSTEMATIC_TOL_S } from './check';
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
    [withExt, without] = await launchBoth(launch({ extension: true }), launch({ extension: false }));
  });

  afterAll(async () => {
    await Promise.all([withExt?.close(), without?.close()]);
    loop.disable();
    console.log(
      `${id}: event loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`,
    );
    const order = (r: ScenarioResult) =>
      lib.configs.findIndex((c) => c.label === r.config) * 10 + SCENARIOS.findIndex((s) => s.code === r.code);
    rows.sort((a, b) => order(a) - order(b));
    const shift = delayShift(rows);
    console.log(
      `${id}: with − without over ${shift.n} delays: median ${shift.median.toFixed(3)} s, mean ${shift.mean.toFixed(3)} s, ${shift.slower} slower and ${shift.faster} faster by ≥ 0.3 s`,
    );
    const complete =
      rows.length === cases.length && rows.every((r) => r.passed) && Math.abs(shift.median) <= SYSTEMATIC_TOL_S;
    writeLibraryResults(resultsDir, {
      library: id,
      version: versionOf(id),
      seed,
      fileMs: Date.now() - started,
      rows,
      complete,
    });
  });

  const cases = lib.configs.flatMap((config) =>
    SCENARIOS.map((scenario) => ({
      config,
      scenario,
      name: `${config.label}: server ${scenario.drop ? 'drops TCP' : `closes ${scenario.code}`}${scenario.refuse ? ', then refuses handshakes' : ''}`,
    })),
  );

  describe.concurrent(`${id} ${versionOf(id)}`, () => {
    it.each(cases)('$name', async ({ config, scenario, name }) => {
      const t0 = Date.now();
      const s = scenarioSeed(seed, `${config.label}/${scenario.code}`);
      const [a, b] = await bothSides(
        runScenario(withExt, lib, config, scenario, bundle, s),
        runScenario(without, lib, config, scenario, bundle, s),
      );
      const { row, judged } = evaluate(config, scenario, a, b, Date.now() - t0);
      if (process.env.CONFORMANCE_TRACE) {
        const f = resolve(
          process.env.CONFORMANCE_TRACE,
          `${libraryFileStem(id)}-${name.replace(/[^a-z0-9]+/gi, '_')}-${Date.now()}.json`,
        );
        writeFileSync(
          f,
          JSON.stringify({ with: { ...a, recording: undefined }, without: b, raw: judged.rawDelays }, null, 1),
        );
      }
      rows.push(row);
      assertScenario(lib, config, scenario, a, b, judged);
      row.passed = true;
    });
  });

  // Runs after the concurrent block: single delays may meet a stall, a systematic shift may not hide among them.
  describe(`${id}: with vs without the extension, over all scenarios`, () => {
    it('adds no systematic delay to reconnects', () => {
      expect(rows.length, 'every scenario produced a result').toBe(cases.length);
      const shift = delayShift(rows);
      expect(shift.n, 'some delays were observed').toBeGreaterThan(0);
      expect(
        Math.abs(shift.median),
        `median (with − without) delay ${shift.median.toFixed(3)} s over ${shift.n}`,
      ).toBeLessThanOrEqual(SYSTEMATIC_TOL_S);
    });
  });
}
