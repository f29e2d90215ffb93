import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real Chromium. Files run in
// parallel processes, each with its own browser profile and ws server.
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
