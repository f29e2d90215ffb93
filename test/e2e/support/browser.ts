/**
 * Launches Debian's Chromium with the built extension (dist/) loaded, each
 * test file in its own fresh profile.
 */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium, INSTALL_HINT } from '../../../scripts/chromium-path.mjs';

export const DIST = resolve(process.env.CLOSELINE_DIST ?? resolve(__dirname, '../../../dist'));

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
];

export async function launch(opts: { extension?: boolean; devtools?: boolean } = {}): Promise<Launched> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium found. Install it: ${INSTALL_HINT}`);
  const withExtension = opts.extension !== false;
  if (withExtension && !existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build` first');
  if (opts.devtools) process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1';
  const dir = mkdtempSync(join(tmpdir(), 'closeline-e2e-'));
  const args = [...CHROMIUM_ARGS];
  if (withExtension) args.push(`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`);
  if (opts.devtools) args.push('--auto-open-devtools-for-tabs');
  const context = await chromium.launchPersistentContext(dir, { executablePath, headless: true, args });
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  if (!withExtension) return { context, extensionId: '', worker: undefined as unknown as Worker, close };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, close };
}
