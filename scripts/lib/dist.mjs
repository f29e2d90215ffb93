// Where each build lands. Every consumer of the built extension (e2e tests,
// conformance, demo, benchmarks, zip) asks here, so the layout lives in one place.
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The browsers Closeline is built for; `npm run build` builds all of them. */
export const TARGETS = /** @type {const} */ (['chrome', 'firefox']);

/**
 * The built extension for `target`: dist/<target>/, or CLOSELINE_DIST (Chromium)
 * / CLOSELINE_FIREFOX_DIST (Firefox) when set, to test another build.
 * @param {'chrome' | 'firefox'} target
 */
export function distDir(target = 'chrome') {
  const override = target === 'chrome' ? process.env.CLOSELINE_DIST : process.env.CLOSELINE_FIREFOX_DIST;
  return override ? resolve(ROOT, override) : join(ROOT, 'dist', target);
}

/** The Chromium build (dist/chrome/): what the e2e tests, demo and benchmarks load. */
export const CHROME_DIST = distDir('chrome');
/** The Firefox build (dist/firefox/). */
export const FIREFOX_DIST = distDir('firefox');
