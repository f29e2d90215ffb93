import { defineConfig } from 'vitest/config';

// Conformance matrix (issue 6): real reconnecting client libraries in real
// Chromium, with and without the built extension. Each library is one file
// with its own two browsers; up to six scenarios run at once as pages, and two
// files run at a time, so the matrix stays within a few minutes on 2 cores.
export default defineConfig({
  test: {
    include: ['test/conformance/**/*.conformance.ts', 'test/conformance/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/conformance/support/global-setup.ts'],
    testTimeout: 150_000,
    hookTimeout: 90_000,
    fileParallelism: true,
    maxWorkers: 2,
    maxConcurrency: 6,
  },
});
