#!/usr/bin/env node
// `closeline audit <url>`: the command line is built by `npm run build` into dist-cli/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist-cli/closeline.mjs', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  process.stderr.write(
    'closeline: the command line is not built yet: run `npm run build` in the package folder first.\n',
  );
  process.exit(2);
}
await import(built.href);
