/**
 * Vite plugin: makes the built content scripts strict code. Bundling to an IIFE
 * drops the implicit strictness of ES modules; in sloppy code V8's
 * `CallSite.getFunction()` would hand a page's `Error.prepareStackTrace` the
 * hook's own functions. A directive at the top makes the whole classic script strict.
 */
const DIRECTIVE = '"use strict";';

export function strictContentScripts() {
  return {
    name: 'closeline:strict-content-scripts',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !/^src\/content\/[^/]+\.iife\.js$/.test(file.fileName)) continue;
        const code = typeof file.source === 'string' ? file.source : Buffer.from(file.source).toString('utf8');
        if (!code.startsWith(DIRECTIVE)) file.source = `${DIRECTIVE}${code}`;
      }
    },
  };
}
