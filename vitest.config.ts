import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vitest/config';

// The packages' production builds, as users run them: vitest otherwise
// resolves with the "development" condition (and passes it to its workers),
// under which micromark loads its debug builds and parses at half speed.
// A plugin, because vite adds to a configured list of conditions.
function productionBuilds(): Plugin {
  return {
    name: 'coe:production-builds',
    configEnvironment(_name, config) {
      const conditions = config.resolve?.conditions;
      if (conditions) config.resolve!.conditions = conditions.filter((c) => c !== 'development|production' && c !== 'development');
    },
  };
}

export default defineConfig({
  plugins: [productionBuilds()],
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
