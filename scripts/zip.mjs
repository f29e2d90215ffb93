#!/usr/bin/env node
// npm run zip: store-ready archives of both builds and of the source (Firefox's
// reviewers rebuild from it), in artifacts/:
//   closeline-chrome-<version>.zip   for the Chrome Web Store (manifest at the root)
//   closeline-firefox-<version>.zip  for addons.mozilla.org
//   closeline-<version>-source.zip   the source, without node_modules, dist and other outputs
// Run after `npm run build` (the npm script does both). `--out <dir>` writes
// them there instead of artifacts/ (the e2e test checks them in a temporary folder).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { zip } from './lib/zip.mjs';
import { filesUnder, sourceFiles } from './lib/archive-files.mjs';
import { ROOT, TARGETS, distDir } from './lib/dist.mjs';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
if (outAt >= 0 && !args[outAt + 1]) throw new Error('--out needs a folder');
const out = outAt >= 0 ? resolve(args[outAt + 1]) : join(ROOT, 'artifacts');
mkdirSync(out, { recursive: true });

function write(name, root, files) {
  const data = zip(files.map((f) => ({ name: f, data: readFileSync(join(root, f)) })));
  writeFileSync(join(out, name), data);
  console.log(
    `${relative(process.cwd(), join(out, name))}: ${files.length} files, ${(data.length / 1024).toFixed(1)} KiB`,
  );
}

for (const target of TARGETS) {
  const dir = distDir(target);
  let built;
  try {
    built = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).version;
  } catch {
    throw new Error(`${dir} has no manifest.json: run \`npm run build\` first`);
  }
  // A stale build would ship the wrong version: refuse it.
  if (built !== version)
    throw new Error(`${dir} was built for ${built}, package.json says ${version}: run \`npm run build\``);
  write(`closeline-${target}-${version}.zip`, dir, filesUnder(dir));
}
// An --out folder inside the checkout is not ignored by git: leave it (the archives just written, and any
// from earlier runs) out of the source archive.
const outInRoot = relative(ROOT, out).split(sep).join('/');
const own = outInRoot && !outInRoot.startsWith('..') && !isAbsolute(outInRoot) ? `${outInRoot}/` : undefined;
write(
  `closeline-${version}-source.zip`,
  ROOT,
  sourceFiles(ROOT).filter((f) => !own || !f.startsWith(own)),
);
