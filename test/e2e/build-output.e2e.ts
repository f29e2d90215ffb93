/**
 * The built content scripts must be classic, self-contained scripts: crxjs's
 * default loader import()s a content script, which runs after the page's first
 * inline script and misses its sockets. This fails on a default-loader build.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './support/browser';

interface Manifest {
  content_scripts: { js: string[]; world?: string; run_at?: string; all_frames?: boolean; match_about_blank?: boolean; match_origin_as_fallback?: boolean }[];
}
const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as Manifest;

describe('built content scripts', () => {
  it('declares the MAIN-world hook and the relay at document_start in every frame', () => {
    expect(manifest.content_scripts.map((c) => [c.world ?? 'ISOLATED', c.run_at, c.all_frames, c.match_about_blank, c.match_origin_as_fallback])).toEqual([
      ['MAIN', 'document_start', true, true, true],
      ['ISOLATED', 'document_start', true, true, true],
    ]);
  });

  it.each(manifest.content_scripts.flatMap((c) => c.js))('%s has no import() and no import/export statement', (file) => {
    const code = readFileSync(join(DIST, file), 'utf8');
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    expect(code).not.toMatch(/[;}]\s*(import\s*[{*\w]|export\s*[{*\w])/);
  });

  it.each(manifest.content_scripts.flatMap((c) => c.js))('%s is strict code (a page stack trace must not hand out its functions)', (file) => {
    const code = readFileSync(join(DIST, file), 'utf8');
    expect(code.startsWith('"use strict";')).toBe(true);
  });

  // A guard against bloat, not the target: the size target (8 KiB) is reported by `npm run bench`.
  // The hook crossed it (12.3 KiB) when the last-messages ring, its serialiser and the stall
  // simulation joined it; moving the serialiser out of the hook is the known way back under it.
  it('keeps the MAIN-world hook within 13 KB minified', () => {
    const hook = manifest.content_scripts.find((c) => c.world === 'MAIN')?.js[0] as string;
    expect(readFileSync(join(DIST, hook)).length).toBeLessThanOrEqual(13 * 1024);
  });
});
