// Where tests, the demo and benchmarks find Chromium. Branded Google Chrome 137+
// ignores --load-extension, so only Chromium (or Chrome for Testing) will do.
import { existsSync } from 'node:fs';

export const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/lib/chromium-browser/chromium-browser',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
];

export const INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y chromium';

/** The Chromium binary to drive, or undefined. CHROMIUM_PATH wins when set. */
export function findChromium() {
  const env = process.env.CHROMIUM_PATH;
  if (env) return existsSync(env) ? env : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}
