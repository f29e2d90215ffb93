/**
 * Result rows: each library's test file writes one JSON file. The global
 * teardown renders docs/conformance.md only on request (CONFORMANCE_WRITE_DOC=1,
 * which `npm run conformance:doc` sets), and only from a complete, passing run:
 * a failed or partial run never touches the tracked page, and an ordinary run
 * does not rewrite it with its own timings.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { VerdictLevel } from '../../../src/analysis/types';
import { LIBRARY_IDS, libraryFileStem, type LibraryId } from './library-ids';
import { renderDoc } from './render-doc';

export interface ScenarioResult {
  config: string;
  /** Close code the page saw (1006: the server dropped TCP). */
  code: number;
  /** Handshakes the server was set to answer with HTTP 503 after the close. */
  refusals: number;
  /** Handshakes it did refuse (a library may give up sooner), with and without the extension. */
  refused: { with: number; without: number };
  /** Attempts after the close, with and without the extension. */
  attempts: { with: number; without: number };
  /** Delays the library scheduled (its setTimeout), identical with and without the extension (seconds). */
  scheduledS: number[];
  /** Delays from the recording (seconds). */
  delaysS: number[];
  /** Delays as Chromium's network stack saw them (DevTools protocol), with and without the extension (seconds). */
  networkDelaysS: { with: number[]; without: number[] };
  /** The library's ranges for the scheduled delays, from its source (seconds). */
  modelRanges: [number, number][];
  modelSummary: string;
  /** Echo messages the page got back, with and without the extension. */
  echoes: { with: number; without: number };
  verdict: { level: VerdictLevel; rule: string } | null;
  /** The verdict once 60 s of silence pass (only for a wait still running when observation ended). */
  projected?: { level: VerdictLevel; rule: string } | null;
  durationMs: number;
  /** Every check of the scenario passed (rows are written before the checks, so failures show too). */
  passed: boolean;
}

export interface LibraryResults {
  library: LibraryId;
  version: string;
  seed: number;
  /** Wall time of the library's test file, browser launches included (bundling is done once, before). */
  fileMs: number;
  rows: ScenarioResult[];
  /** Every scenario of the file produced a row, every row passed, and so did the file's systematic-shift check. */
  complete: boolean;
}

const DOC = resolve(__dirname, '../../../docs/conformance.md');

const resultFile = (dir: string, id: LibraryId) => join(dir, `${libraryFileStem(id)}.json`);

export function writeLibraryResults(dir: string, r: LibraryResults): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(resultFile(dir, r.library), JSON.stringify(r, null, 2));
}

/** Why this run's results may not be written to docs/conformance.md, or undefined when they may. */
export function incompleteReason(dir: string): string | undefined {
  const missing = LIBRARY_IDS.filter((id) => !existsSync(resultFile(dir, id)));
  if (missing.length > 0) return `no results from ${missing.join(', ')}`;
  const failed = LIBRARY_IDS.filter(
    (id) => !(JSON.parse(readFileSync(resultFile(dir, id), 'utf8')) as LibraryResults).complete,
  );
  if (failed.length > 0) return `not every check passed for ${failed.join(', ')}`;
  return undefined;
}

/** Renders the doc from a complete, passing run; returns the path written, or why nothing was written. */
export function writeDocIfComplete(dir: string, seed: number): { written: string } | { skipped: string } {
  const reason = incompleteReason(dir);
  if (reason) return { skipped: reason };
  const all = LIBRARY_IDS.map((id) => JSON.parse(readFileSync(resultFile(dir, id), 'utf8')) as LibraryResults);
  writeFileSync(DOC, renderDoc(all, seed));
  return { written: DOC };
}
