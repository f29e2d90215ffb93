import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extensions in real Chromium (dist/chrome/)
// and firefox-esr (dist/firefox/, the firefox*.e2e.ts files). Files run in
// parallel processes, each with its own browser profile and ws server; a
// Firefox file launches one Firefox and gives its setup longer (launching it
// takes several seconds, far more on a loaded machine).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
