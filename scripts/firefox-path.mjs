// Where the Firefox tests find Firefox: Debian's firefox-esr by default.
// Nothing is ever downloaded; FIREFOX_PATH points at another binary.
import { existsSync } from 'node:fs';

export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];

export const FIREFOX_INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y firefox-esr';

/** The Firefox binary to drive, or undefined. FIREFOX_PATH wins when set. */
export function findFirefox() {
  const env = process.env.FIREFOX_PATH;
  if (env) return existsSync(env) ? env : undefined;
  return FIREFOX_CANDIDATES.find((p) => existsSync(p));
}
