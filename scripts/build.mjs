#!/usr/bin/env node
// npm run build [-- chrome|firefox …] [-- --logLevel warn]: one Vite build per
// browser from the same source, into dist/chrome/ and dist/firefox/, then the
// `closeline` command line into dist-cli/
// (scripts/lib/dist.mjs). Each runs in its own process: the crx plugin keeps
// per-build state. Options (dash arguments and their values) go to Vite.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, TARGETS } from './lib/dist.mjs';

const targets = [];
const viteArgs = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a.startsWith('-')) {
    viteArgs.push(a);
    if (!a.includes('=') && args[i + 1] !== undefined && !args[i + 1].startsWith('-')) viteArgs.push(args[++i]);
  } else if (TARGETS.includes(a)) targets.push(a);
  else {
    console.error(`Unknown build target "${a}": expected ${TARGETS.join(' or ')}`);
    process.exit(2);
  }
}
const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
for (const target of targets.length ? targets : TARGETS) {
  console.log(`== build ${target}`);
  execFileSync(process.execPath, [vite, 'build', '--mode', target, ...viteArgs], { cwd: ROOT, stdio: 'inherit' });
}
// The `closeline audit` command line drives the Chromium build; it is built with it, here rather
// than after `&&` in package.json, where npm would hand it this script's arguments.
if (targets.length === 0 || targets.includes('chrome')) {
  console.log('== build the closeline command line');
  execFileSync(process.execPath, [vite, 'build', '--config', 'vite.cli.config.ts', ...viteArgs], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
