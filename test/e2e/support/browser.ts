/**
 * Launches Debian's Chromium with the built extension (dist/chrome/, from
 * scripts/lib/dist.mjs) loaded, each test file in its own fresh profile.
 */
import type { BrowserContext, Worker } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/launch.mjs';
import { CHROME_DIST } from '../../../scripts/lib/dist.mjs';

/** The Chromium build every Chromium test loads (CLOSELINE_DIST overrides it). */
export const DIST = CHROME_DIST;

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (undefined when launched without the extension). */
  worker: Worker;
  close(): Promise<void>;
}

export async function launch(
  opts: {
    extension?: boolean;
    devtools?: boolean;
    args?: string[];
    lang?: string;
    backForwardCache?: boolean;
    scrollbars?: boolean;
  } = {},
): Promise<Launched> {
  const l = await launchChromium({ ...opts, dist: DIST });
  return { ...l, worker: l.worker as Worker };
}
