import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { strictContentScripts } from './scripts/lib/strict-content-scripts.mjs';

// The panel page (and the command line's audit page) is created at run time by devtools.panels.create, so it is not
// reachable from the manifest: it must be a build input or it is never emitted.
export default defineConfig({
  plugins: [react(), crx({ manifest }), strictContentScripts()],
  build: {
    outDir: 'dist',
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
});
