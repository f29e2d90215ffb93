import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit and component tests: no crx plugin, DOM from happy-dom.
export default defineConfig({
  plugins: [react()],
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
      'test/conformance/**/*.test.ts',
    ],
    environment: 'happy-dom',
    setupFiles: ['src/test-support/setup.ts'],
    // A timeout here only catches a hang: the heaviest component tests render 10,000 connections,
    // which took over 5 s (vitest's default) on a loaded 2-core machine. Speed lives in `npm run bench`.
    testTimeout: 30_000,
  },
});
