import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import base from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { manifestFor, type Target } from './scripts/build/manifest';
import { distDir } from './scripts/lib/dist.mjs';
import { strictContentScripts } from './scripts/lib/strict-content-scripts.mjs';
import { minifyHook } from './scripts/lib/hook-minify.mjs';

// One source, one build per browser: `vite build --mode chrome` → dist/chrome/,
// `--mode firefox` → dist/firefox/ (`npm run build` runs both). The mode is the
// only build-time flag, and it only picks the manifest, the background's shape
// (crx's `browser` option) and the output folder: the code is the same in both.
// The panel page (and the command line's audit page) is created at run time, so
// it is not reachable from the manifest: it must be a build input or it is never emitted.
export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      react(),
      crx({ manifest: manifestFor(target, base, pkg.version) as ManifestV3Export, browser: target }),
      minifyHook(),
      strictContentScripts(),
    ],
    build: {
      outDir: distDir(target),
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: {
        input: {
          panel: 'src/panel/panel.html',
          // Opened by the `closeline audit` command line to drive the reconnect check.
          audit: 'src/audit-page/audit.html',
        },
        output: {
          // Without a group the chunk that panel and popup share is named after its first module
          // (export-recording-*.js) although React is most of it.
          codeSplitting: {
            groups: [{ name: 'vendor/react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
          },
        },
      },
    },
    server: { host: '127.0.0.1', strictPort: true, port: 5173, hmr: { host: '127.0.0.1', port: 5173 } },
  };
});
