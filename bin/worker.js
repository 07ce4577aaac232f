// A worker of the pool that lints many files (src/engine/pool.ts): the
// CommonJS bundle dist/bundle/worker.cjs, started from V8's code cache that
// the build wrote for the flags the worker runs with (scripts/bundle.mjs).
// From the cache a worker is ready some 50 ms sooner (130 against 180 ms
// from its start, warm-up included): it neither parses the bundle nor
// compiles the functions of its first file again. V8 takes a cache only
// under the flags it was written with, so there is one for each set of the
// pool's flags, named by them; under other flags (NODE_OPTIONS) V8 refuses
// it and the worker compiles as it goes.
// Only ever run as a worker: what the build needs to know of it (where its
// caches go) is in load-cli.js.
import { loadScript, WORKER_BUNDLE, workerCache, writeCacheFile } from './load-cli.js';

const cache = workerCache(process.execArgv);
// The build sets COE_WRITE_CODE_CACHE to the bundle: the worker then writes
// its cache once it says it is ready, that is once it has linted its
// warm-up sample (src/engine/warm-up.ts), and ends.
const write = process.env.COE_WRITE_CODE_CACHE === WORKER_BUNDLE;
const { script } = loadScript(WORKER_BUNDLE, cache, { compile: write });
// The worker says it is ready only once it has its first message, after this.
if (write) {
  const send = process.send.bind(process);
  process.send = (message, ...rest) => {
    if (message !== 'ready') return send(message, ...rest);
    writeCacheFile(script, cache);
    process.exit(0);
  };
}
