// A worker of the pool that lints many files (src/engine/pool.ts): the
// CommonJS bundle dist/bundle/worker.cjs, started from V8's code cache that
// the build wrote for the flags the worker runs with (scripts/bundle.mjs).
// From the cache a worker is ready some 50 ms sooner (130 against 180 ms
// from its start, warm-up included): it neither parses the bundle nor
// compiles the functions of its first file again. V8 takes a cache only
// under the flags it was written with, so there is one for each set of the
// pool's flags, named by them; under other flags (NODE_OPTIONS) V8 refuses
// it and the worker compiles as it goes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScript, writeCacheFile } from './load-cli.js';

export const WORKER_BUNDLE = fileURLToPath(new URL('../dist/bundle/worker.cjs', import.meta.url));

/** The code cache of the worker bundle for these V8 flags. */
export function workerCache(flags) {
  return `${WORKER_BUNDLE}.${flagsKey(flags)}.cache`;
}

// FNV-1a of the flags: a short name that changes with any of them.
function flagsKey(flags) {
  let hash = 0x811c9dc5;
  for (const c of flags.join(' ')) hash = Math.imul(hash ^ c.codePointAt(0), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

// Run by a pool, not imported (as the build imports it, for workerCache).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
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
}
