import { defineConfig } from 'vitest/config';

// Conformance matrix: real reconnecting client libraries in real
// Chromium, with and without the built extension. Each library is one file
// with its own two browsers; up to three scenarios run at once as pages (each
// in both browsers). Files run one after another: a browser launching in
// another file stalled running pages' timers by up to 0.7 s on 2 cores, which
// is noise in the very delays measured; with six scenarios at once (twelve
// pages on two cores) single timers still slipped by over 0.4 s now and then,
// on the side without the extension as often as on the side with it.
export default defineConfig({
  test: {
    include: ['test/conformance/**/*.conformance.ts', 'test/conformance/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/conformance/support/global-setup.ts'],
    testTimeout: 150_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    maxConcurrency: 3,
    // A scenario whose single delay met a scheduler stall (with faster than without as often as
    // slower) runs once more; the per-library check of the mean shift over every scenario is what
    // tells a real difference from such stalls, and it is never retried into passing.
    retry: 1,
  },
});
