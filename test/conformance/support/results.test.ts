/** A failed or partial run never rewrites the tracked docs/conformance.md. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LIBRARY_IDS } from './library-ids';
import { incompleteReason, writeDocIfComplete, writeLibraryResults, type LibraryResults } from './results';

const DOC = resolve(__dirname, '../../../docs/conformance.md');
const results = (library: LibraryResults['library'], complete: boolean): LibraryResults => ({
  library,
  version: '1.0.0',
  seed: 1,
  fileMs: 1,
  rows: [],
  complete,
});

describe('writeDocIfComplete', () => {
  it.each<[string, (dir: string) => void, RegExp]>([
    ['no library ran', () => undefined, /no results from/],
    [
      'one library missing',
      (dir) => LIBRARY_IDS.slice(1).forEach((id) => writeLibraryResults(dir, results(id, true))),
      new RegExp(`no results from ${LIBRARY_IDS[0]}`),
    ],
    [
      'one library failed a check',
      (dir) => LIBRARY_IDS.forEach((id, i) => writeLibraryResults(dir, results(id, i !== 1))),
      new RegExp(`not every check passed for ${LIBRARY_IDS[1]}`),
    ],
  ])('%s: leaves the page as it was', (_name, setUp, reason) => {
    const dir = mkdtempSync(join(tmpdir(), 'closeline-results-'));
    try {
      setUp(dir);
      const before = readFileSync(DOC, 'utf8');
      const r = writeDocIfComplete(dir, 1);
      expect(r).toEqual({ skipped: expect.stringMatching(reason) });
      expect(readFileSync(DOC, 'utf8')).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a complete, passing run may be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'closeline-results-'));
    try {
      LIBRARY_IDS.forEach((id) => writeLibraryResults(dir, results(id, true)));
      expect(incompleteReason(dir)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
