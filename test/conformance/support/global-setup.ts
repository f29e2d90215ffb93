/**
 * Runs once per `vitest run`: bundles the client libraries into a temp dir,
 * picks the run's random seed, and afterwards renders docs/conformance.md from
 * the per-library result files the test files wrote.
 */
import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleLibraries } from './bundle';
import { LIBRARY_IDS } from './library-ids';
import { writeDocIfComplete } from './results';

declare module 'vitest' {
  export interface ProvidedContext {
    conformance: { bundles: Record<string, string>; resultsDir: string; seed: number };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'closeline-conformance-'));
  const bundles = await bundleLibraries(join(dir, 'bundles'), LIBRARY_IDS);
  // One seed per run, shared by the with- and without-extension pages of a scenario.
  // CONFORMANCE_SEED replays a run exactly (the seed is printed in docs/conformance.md).
  const seed = Number(process.env.CONFORMANCE_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const resultsDir = join(dir, 'results');
  project.provide('conformance', { bundles, resultsDir, seed });
  return () => {
    const written = writeDocIfComplete(resultsDir, seed);
    console.log(written ? `conformance: wrote ${written}` : 'conformance: not every library ran; docs/conformance.md left as it was');
    rmSync(dir, { recursive: true, force: true });
  };
}
