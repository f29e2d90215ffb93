// Where tests, the demo and benchmarks find Chromium. Branded Google Chrome 137+
// ignores --load-extension, so only Chromium (or Chrome for Testing) will do.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/lib/chromium-browser/chromium-browser',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
];

export const INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y chromium chromium-l10n';

/** UI languages the e2e tests start Chromium in (--lang); each needs its locale pack. */
export const UI_LANGUAGES = ['ar', 'hi'];

/**
 * The locale packs (<binary dir>/locales/<lang>.pak) missing beside a Chromium binary.
 * Debian ships only en-US with chromium; the rest are in chromium-l10n. Without a pack
 * Chromium silently stays in English whatever --lang says.
 */
export function missingLocales(binary) {
  const dir = join(dirname(realpathSync(binary)), 'locales');
  if (!existsSync(dir)) return [];
  return UI_LANGUAGES.filter((l) => !existsSync(join(dir, `${l}.pak`)));
}

/** The Chromium binary to drive, or undefined. CHROMIUM_PATH wins when set. */
export function findChromium() {
  const env = process.env.CHROMIUM_PATH;
  if (env) return existsSync(env) ? env : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}
