/**
 * Where the command line finds the built extension: the one place that names the
 * build's output folder, relative to the package root (a clone after `npm run
 * build`, or the installed package, whose `files` ship it).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The extension build's folder inside the package (vite.config.ts's build.outDir). */
export const EXTENSION_DIR = 'dist/chrome';

/** The package root: the built CLI lives one folder below it (dist-cli/). */
export function packageRoot(cliFileUrl: string): string {
  return resolve(dirname(fileURLToPath(cliFileUrl)), '..');
}

/** The built extension's folder; CLOSELINE_DIST overrides it (as it does for the tests and the demo). */
export function extensionDir(root: string, env: Record<string, string | undefined> = process.env): string {
  return resolve(env.CLOSELINE_DIST ?? join(root, EXTENSION_DIR));
}

export function isBuilt(dir: string): boolean {
  return existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, AUDIT_PAGE));
}

/** The audit page inside the build (vite.config.ts's "audit" input). */
export const AUDIT_PAGE = 'src/audit-page/audit.html';
