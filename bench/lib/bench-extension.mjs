// The extension the benchmarks load: a temporary copy of the built extension
// plus one bench-only page (bench/relay.html) that runs the real relay with
// recorded events. dist/chrome/ itself is never changed, and the copy also keeps the
// benchmark safe from a concurrent `npm run build` emptying dist/chrome/ mid-run.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');

export async function prepareBenchExtension(dist) {
  if (!existsSync(join(dist, 'manifest.json')))
    throw new Error(`${dist} has no manifest.json: run \`npm run build\` first (or set CLOSELINE_DIST)`);
  const dir = mkdtempSync(join(tmpdir(), 'closeline-bench-ext-'));
  cpSync(dist, dir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    root,
    build: {
      outDir: join(dir, 'bench'),
      emptyOutDir: false,
      minify: true,
      lib: {
        entry: join(root, 'bench/relay-harness/harness.ts'),
        formats: ['iife'],
        name: 'closelineBench',
        fileName: () => 'relay-harness.js',
      },
    },
  });
  writeFileSync(
    join(dir, 'bench/relay.html'),
    '<!doctype html><meta charset="utf-8"><title>Closeline relay benchmark</title><script src="relay-harness.js"></script>\n',
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
