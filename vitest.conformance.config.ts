import { defineConfig } from 'vitest/config';

// Conformance matrix: real reconnecting client libraries in real
// Chromium, with and without the built extension. Each library is one file
// with its own two browsers; up to three scenarios run at once as pages (each
// in both browsers), which keeps the matrix near ten minutes on two cores.
// Files run one after another: a browser launching beside running pages stalls
// their timers.
//
// No retries. The delays a library schedules are compared exactly (its seeded
// random draws and every setTimeout it asks for, recorded by the test page);
// wall-clock is only checked one-sided (no attempt sooner than scheduled) and,
// per library, as the mean shift over every delay. Comparing single wall-clock
// delays with vs without failed now and then: timer lateness and the browser's
// work from `new WebSocket` to the handshake each reached 0.3–1 s on a loaded
// machine, on either side, while the scheduled delays were identical.
export default defineConfig({
  test: {
    include: ['test/conformance/**/*.conformance.ts', 'test/conformance/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/conformance/support/global-setup.ts'],
    testTimeout: 150_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    maxConcurrency: 3,
    retry: 0,
  },
});
