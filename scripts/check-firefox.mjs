#!/usr/bin/env node
// Fails at once, with the exact install command, when no Firefox is found:
// the Firefox end-to-end tests never skip silently.
import { findFirefox, FIREFOX_CANDIDATES, FIREFOX_INSTALL_HINT } from './firefox-path.mjs';

const path = findFirefox();
if (!path) {
  const where = process.env.FIREFOX_PATH
    ? `FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist`
    : `none of ${FIREFOX_CANDIDATES.join(', ')} exists`;
  console.error(
    `\nCloseline needs Firefox (ESR 140 or later) for its Firefox tests, and ${where}.\nInstall it with:\n\n  ${FIREFOX_INSTALL_HINT}\n\nor point FIREFOX_PATH at a Firefox binary.\n`,
  );
  process.exit(1);
}
console.log(`Firefox: ${path}`);
