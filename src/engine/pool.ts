// Lints many files on every core: a pool of worker threads, each linting one
// file at a time. A file that takes longer than the time budget is stopped
// (its worker is ended and replaced) and gets a `fatal` finding; a worker
// that fails costs only its file. Results come back in the order of the
// files, so the output is the same whatever the pool's size.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../util/package.js';
import { couldNotLint, fatalResult } from './lint.js';
import type { Outcome, WorkerInit, WorkerReply, WorkerTask } from './worker.js';

export interface PoolFile {
  file: string;
  path: string;
}

export interface PoolOptions {
  size: number;
  /** Milliseconds one file may take. */
  budgetMs: number;
}

// Each worker keeps a small heap: a file's tree is garbage once it is linted.
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16 };

/** The worker script: beside this module when built by tsc, else the bundle's. */
export function workerScript(): string {
  const sibling = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.js');
  return existsSync(sibling) ? sibling : packagePath('dist', 'bundle', 'worker.js');
}

export function lintInPool(files: PoolFile[], init: WorkerInit, options: PoolOptions): Promise<Outcome[]> {
  const results = new Array<Outcome | undefined>(files.length);
  let next = 0;
  let done = 0;
  const script = workerScript();
  return new Promise((resolve, reject) => {
    const finish = (index: number, outcome: Outcome) => {
      if (results[index]) return;
      results[index] = outcome;
      if (++done === files.length) resolve(results as Outcome[]);
    };
    const start = () => {
      const worker = new Worker(script, { workerData: init, resourceLimits: RESOURCE_LIMITS });
      let current: { index: number; timer: NodeJS.Timeout } | undefined;
      let ready = false;
      const take = () => {
        if (next >= files.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        const index = next++;
        const task: WorkerTask = { index, ...files[index]! };
        const timer = setTimeout(() => {
          const seconds = Number((options.budgetMs / 1000).toPrecision(3));
          finish(index, { result: fatalResult(files[index]!.file, `File took longer than ${seconds} s to lint; split or simplify it`) });
          replace();
        }, options.budgetMs);
        current = { index, timer };
        worker.postMessage(task);
      };
      // A worker stopped or failed: its file gets a finding, and a new worker goes on.
      const replace = (error?: unknown) => {
        // A worker that cannot even start: the caller lints in this thread instead.
        if (!ready && done < files.length) return reject(error ?? new Error('a worker could not start'));
        if (!current) return;
        clearTimeout(current.timer);
        finish(current.index, { result: couldNotLint(files[current.index]!.file, error ?? new Error('the worker stopped')) });
        current = undefined;
        worker.removeAllListeners();
        void worker.terminate();
        if (next < files.length) start();
      };
      worker.on('message', (reply: WorkerReply | 'ready') => {
        if (reply === 'ready') {
          ready = true;
          return take();
        }
        if (!current || reply.index !== current.index) return;
        clearTimeout(current.timer);
        finish(reply.index, { result: reply.result, parts: reply.parts });
        take();
      });
      worker.on('error', (error) => replace(error));
      worker.on('exit', () => replace());
    };
    if (files.length === 0) resolve([]);
    for (let i = 0; i < Math.min(options.size, files.length); i++) start();
  });
}
