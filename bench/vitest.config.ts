import { defineConfig } from 'vitest/config';

// The benchmark's own pure helpers (statistics, verdict wording, synthetic data).
// Not part of `npm test`'s include; run with: npx vitest run --config bench/vitest.config.ts
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['bench/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-support/setup.ts'],
  },
});
