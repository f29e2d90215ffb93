import { defineConfig } from 'vitest/config';

// Conformance matrix: real reconnecting client libraries in real
// Chromium, with and without the built extension. Each library is one file
// with its own two browsers; up to six scenarios run at once as pages. Files
// run one after another: a browser launching in another file stalled running
// pages' timers by up to 0.7 s on 2 cores, which is noise in the very delays
// measured. The whole matrix still takes about 2 minutes.
export default defineConfig({
  test: {
    include: ['test/conformance/**/*.conformance.ts', 'test/conformance/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/conformance/support/global-setup.ts'],
    testTimeout: 150_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    maxConcurrency: 6,
  },
});
