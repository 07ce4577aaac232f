import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/yield.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every core: vitest's default leaves one free, which on a 2-core CI
    // machine runs the test files one at a time (27 minutes of them in 15).
    maxWorkers: availableParallelism(),
    minWorkers: 1,
  },
});
