import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // Property tests are CPU-bound; two workers match the 2-core machine CI runs on.
    maxWorkers: 2,
  },
});
