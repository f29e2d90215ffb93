#!/usr/bin/env node
// Fails at once, with the exact install command, when no Chromium is found:
// end-to-end tests never skip silently.
import { findChromium, missingLocales, CANDIDATES, INSTALL_HINT } from './chromium-path.mjs';

const path = findChromium();
if (!path) {
  const where = process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`
    : `none of ${CANDIDATES.join(', ')} exists`;
  console.error(
    `\nCloseline needs Chromium for its browser tests, demo and benchmarks, and ${where}.\nInstall it with:\n\n  ${INSTALL_HINT}\n\nor point CHROMIUM_PATH at a Chromium or Chrome for Testing binary (branded Chrome ignores --load-extension).\n`,
  );
  process.exit(1);
}
const missing = missingLocales(path);
if (missing.length) {
  console.error(
    `\nChromium at ${path} has no locale pack for ${missing.join(', ')} (the language tests start it in them).\nInstall them with:\n\n  ${INSTALL_HINT}\n`,
  );
  process.exit(1);
}
console.log(`Chromium: ${path}`);
