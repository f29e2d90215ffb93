// Part 4: size. The hook runs in every frame of every page, so its size
// matters most; the whole extension is what users download.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const HOOK_FILE = 'src/content/hook.iife.js';
/** The hook stays at most 8 KB minified: it runs in every page and frame at document_start. */
export const HOOK_LIMIT_BYTES = 8 * 1024;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

export function measureSize(dist) {
  const hook = readFileSync(join(dist, HOOK_FILE));
  const all = files(dist).map((f) => ({ path: relative(dist, f), bytes: statSync(f).size, gzip: gz(readFileSync(f)) }));
  const biggest = [...all].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  return {
    hookBytes: hook.length,
    hookGzip: gz(hook),
    files: all.length,
    totalBytes: all.reduce((s, f) => s + f.bytes, 0),
    // Each file gzipped on its own: close to what a .zip of the folder weighs.
    totalGzip: all.reduce((s, f) => s + f.gzip, 0),
    biggest,
  };
}
