import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';

// The `closeline` command line, bundled for Node into dist-cli/ (beside, not inside, the extension's
// build folder). playwright-core stays external: it is a runtime dependency of the package.
export default defineConfig({
  // The extension's public/ (icons, catalogs) belongs to the extension build; the catalog is bundled in.
  publicDir: false,
  build: {
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    ssr: 'src/cli/closeline.ts',
    rollupOptions: {
      external: ['playwright-core', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { entryFileNames: 'closeline.mjs', format: 'es' },
    },
  },
  ssr: { noExternal: true, external: ['playwright-core'] },
  logLevel: 'warn',
});
