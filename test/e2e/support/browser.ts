/**
 * Launches Debian's Chromium with the built extension (dist/) loaded, each
 * test file in its own fresh profile.
 */
import type { BrowserContext, Worker } from 'playwright-core';
import { resolve } from 'node:path';
import { launchChromium } from '../../../scripts/lib/launch.mjs';

export const DIST = resolve(process.env.CLOSELINE_DIST ?? resolve(__dirname, '../../../dist'));

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (undefined when launched without the extension). */
  worker: Worker;
  close(): Promise<void>;
}

export async function launch(opts: { extension?: boolean; devtools?: boolean; args?: string[]; lang?: string } = {}): Promise<Launched> {
  const l = await launchChromium({ ...opts, dist: DIST });
  return { ...l, worker: l.worker as Worker };
}
