/**
 * Runs once per `vitest run`: bundles the client libraries into a temp dir,
 * picks the run's seed, and afterwards, on request only, renders
 * docs/conformance.md from the per-library result files the test files wrote.
 *
 * - `npm run test:conformance`: a random seed (printed), the tracked page untouched.
 * - `npm run conformance:doc` (CONFORMANCE_WRITE_DOC=1): the fixed DOC_SEED, and the page rewritten only when
 *   every library ran and every check passed.
 * - CONFORMANCE_SEED=<n> replays a run's draws in either mode.
 */
import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleLibraries } from './bundle';
import { LIBRARY_IDS } from './library-ids';
import { writeDocIfComplete } from './results';

/** The seed docs/conformance.md is written from, so a rewrite differs only where the behaviour did. */
export const DOC_SEED = 20_261_202;

declare module 'vitest' {
  export interface ProvidedContext {
    conformance: { bundles: Record<string, string>; resultsDir: string; seed: number };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'closeline-conformance-'));
  const bundles = await bundleLibraries(join(dir, 'bundles'), LIBRARY_IDS);
  // One seed per run, shared by the with- and without-extension pages of a scenario.
  const writeDoc = process.env.CONFORMANCE_WRITE_DOC === '1';
  const given = process.env.CONFORMANCE_SEED;
  const seed =
    given !== undefined && given !== '' ? Number(given) : writeDoc ? DOC_SEED : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed) || seed < 0)
    throw new Error(`CONFORMANCE_SEED must be a non-negative integer, got ${given}`);
  console.log(`conformance: seed ${seed} (replay with CONFORMANCE_SEED=${seed})`);
  const resultsDir = join(dir, 'results');
  project.provide('conformance', { bundles, resultsDir, seed });
  return () => {
    if (!writeDoc) {
      console.log(
        'conformance: docs/conformance.md left as it was (npm run conformance:doc rewrites it from a passing run)',
      );
    } else {
      const r = writeDocIfComplete(resultsDir, seed);
      console.log(
        'written' in r
          ? `conformance: wrote ${r.written}`
          : `conformance: docs/conformance.md left as it was: ${r.skipped}`,
      );
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
