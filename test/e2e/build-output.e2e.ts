/**
 * The built content scripts must be classic, self-contained scripts: crxjs's
 * default loader import()s a content script, which runs after the page's first
 * inline script and misses its sockets. This fails on a default-loader build.
 * Both builds (dist/chrome/, dist/firefox/) come from one source and must agree.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, TARGETS } from '../../scripts/lib/dist.mjs';
import { filesUnder } from '../../scripts/lib/archive-files.mjs';
import { GECKO_ID } from '../../scripts/build/manifest';

interface Manifest {
  version: string;
  background: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string } };
  content_scripts: {
    js: string[];
    world?: string;
    run_at?: string;
    all_frames?: boolean;
    match_about_blank?: boolean;
    match_origin_as_fallback?: boolean;
  }[];
}
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const builds = TARGETS.map((target) => ({
  target,
  dir: distDir(target),
  manifest: JSON.parse(readFileSync(join(distDir(target), 'manifest.json'), 'utf8')) as Manifest,
}));

describe.each(builds)('the $target build', ({ target, dir, manifest }) => {
  it("has package.json's version", () => {
    expect(manifest.version).toBe(pkg.version);
  });

  it('declares the MAIN-world hook and the relay at document_start in every frame', () => {
    expect(
      manifest.content_scripts.map((c) => [
        c.world ?? 'ISOLATED',
        c.run_at,
        c.all_frames,
        c.match_about_blank,
        c.match_origin_as_fallback,
      ]),
    ).toEqual([
      ['MAIN', 'document_start', true, true, true],
      ['ISOLATED', 'document_start', true, true, true],
    ]);
  });

  it('has the background shape its browser runs', () => {
    if (target === 'chrome') expect(manifest.background.service_worker).toBeTruthy();
    else {
      expect(manifest.background.scripts).toHaveLength(1);
      expect(manifest.browser_specific_settings?.gecko?.id).toBe(GECKO_ID);
    }
  });

  it.each(manifest.content_scripts.flatMap((c) => c.js))(
    '%s has no import() and no import/export statement',
    (file) => {
      const code = readFileSync(join(dir, file), 'utf8');
      expect(code).not.toMatch(/\bimport\s*\(/);
      expect(code).not.toMatch(/^\s*(import|export)\b/m);
      expect(code).not.toMatch(/[;}]\s*(import\s*[{*\w]|export\s*[{*\w])/);
    },
  );

  it.each(manifest.content_scripts.flatMap((c) => c.js))(
    '%s is strict code (a page stack trace must not hand out its functions)',
    (file) => {
      const code = readFileSync(join(dir, file), 'utf8');
      expect(code.startsWith('"use strict";')).toBe(true);
    },
  );

  // The hook runs in every frame of every page at document_start: the product keeps it within 8 KiB
  // minified (`npm run bench` reports it too). The relay, not the hook, turns the last messages into text.
  it('keeps the MAIN-world hook within 8 KiB minified', () => {
    const hook = manifest.content_scripts.find((c) => c.world === 'MAIN')?.js[0] as string;
    expect(readFileSync(join(dir, hook)).length).toBeLessThanOrEqual(8 * 1024);
  });

  it("renames only the hook's own properties: every field it posts and every native it calls keeps its name", () => {
    const hook = readFileSync(
      join(dir, manifest.content_scripts.find((c) => c.world === 'MAIN')?.js[0] as string),
      'utf8',
    );
    for (const name of [
      'counters',
      'wasClean',
      'readyState',
      'protocols',
      'extensions',
      'heldIn',
      'heldOut',
      'outcome',
      'seconds',
      'unsized',
      'last',
    ]) {
      expect(hook, name).toMatch(new RegExp(`[{,]${name}:`));
    }
    for (const name of [
      'stopImmediatePropagation',
      'dispatchEvent',
      'postMessage',
      'addEventListener',
      'timeOrigin',
      'now',
    ]) {
      // Read as a member (`.name`) or destructured (`{ name: local }`): either way under its own name.
      expect(hook, name).toMatch(new RegExp(`(\\.|[{,])${name}\\b`));
    }
  });
});

it('the builds ship the same code: only the manifests differ', () => {
  const [chrome, firefox] = builds.map((b) => b.dir);
  const read = (d: string, f: string) => readFileSync(join(d, f));
  const files = (d: string) => filesUnder(d).filter((f) => f !== 'manifest.json');
  expect(files(firefox!)).toEqual(files(chrome!));
  for (const f of files(chrome!)) expect(read(firefox!, f).equals(read(chrome!, f)), f).toBe(true);
});
