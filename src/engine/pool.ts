// Works through many files on every core: a pool of worker processes, each
// doing its job (engine/worker.ts) on one file at a time. A file that takes
// longer than the time budget is stopped (its worker is ended and replaced)
// and gets a `fatal` result; a worker that fails costs only its file.
// Outcomes come back in the order of the files, so the output is the same
// whatever the pool's size.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../util/package.js';
import { couldNotLint, type FileResult } from './lint.js';
import { overBudget } from './budget.js';
import { setYoungGenerationGrowth } from './young-generation.js';
import type { WorkerInit, WorkerReply, WorkerTask } from './worker.js';

export interface PoolFile {
  file: string;
  path: string;
  /** Read already (to look it up in the cache): sent to the worker; else the worker reads it. */
  bytes?: Uint8Array;
}

export interface PoolOptions<T> {
  size: number;
  /** Workers started before the files were found (startEarly): taken over when they run with the flags this pool needs. */
  early?: EarlyWorkers;
  /** Milliseconds one file may take. */
  budgetMs: number;
  /** The outcome of a file that has no other: stopped, refused, or its worker failed. */
  failed: (file: string, result: FileResult) => T;
}

// Workers are processes, not threads, for the flags they run with: V8
// helps itself to every core with threads of its own (the garbage collector's
// and the optimizing compiler's), and two workers on a machine of two cores
// then slow each other down; `--single-threaded` keeps each worker to its own
// thread, a quarter faster in all. Each function is compiled to baseline code
// (Sparkplug) when first run, not after some runs in the interpreter: a
// worker's first hundred files took two and a half times as long as later
// ones, and 1,000 COEs take about a tenth less time (the same at 3,000).
// The heap is V8's default: a bounded one (96 MiB of old generation, 8 of
// semi-space) is collected far more often, and each full collection drops
// the optimized code of the parser's closures, which are compiled again
// (twice as many compiles): one worker linted 1,000 generated COEs about a
// tenth more slowly, for a peak 4 MiB lower (207 against 211 MiB PSS summed
// at 10,000 COEs). A worker holds nothing from one file to the next.
// Regular expressions keep V8's tiering (bytecode first, machine code after
// a first match): compiled straight to machine code (`--no-regexp-tier-up`,
// as `coe lint` itself does, bin/load-cli.js) a worker ran 0.4% fewer
// instructions over 500 COEs, but its first hundred files took 5 to 20%
// longer, and 500 took as long or longer (four alternating runs): the
// patterns made for each document were compiled to machine code too.
const WORKER_FLAGS = ['--single-threaded', '--always-sparkplug'];

// A worker's first few hundred files pay for V8 compiling the hot functions
// (a fifth of its instructions over 500 COEs), and that cost grows with how
// much it inlines. With half the inlining budget a worker runs 5% fewer
// instructions over 500 COEs (cachegrind), and 2% more a file once all is
// compiled: a worker with fewer files than this to lint inlines less. It
// also waits twice as long before it optimizes a function, which leaves
// out some that are barely hot: 1.5% fewer instructions again; and it does
// not optimize a loop in the middle of a call (on-stack replacement), only
// the function for its next call: 2.3 to 2.7% fewer again, and no
// pathological shape took longer than 400 ms. Two of the optimizing
// compiler's passes cost more to run than their code saves in so few files:
// without escape analysis and loop peeling, 2.4% fewer instructions again
// (33.20 against 34.05 billion over 500 COEs). Nor does it inline the array
// builtins (map, filter, forEach…) into optimized code: 1.5% fewer again over
// 500 COEs (32.88 against 33.37 billion), and files 501 to 1,000 cost the
// same with it as without. Twenty-two other passes and budgets tried gained at
// most 0.3% (README Performance).
const SHORT_SHARE = 2000;
const SHORT_FLAGS = [
  ...WORKER_FLAGS,
  '--max-inlined-bytecode-size-cumulative=460',
  '--interrupt-budget=135168',
  '--no-use-osr',
  '--no-turbo-escape',
  '--no-turbo-loop-peeling',
  '--no-turbo-inline-array-builtins',
];

// A worker with more files lets its old generation grow to one and a half
// times what the last full collection kept (plus the young generation), not
// V8's up to four times: V8 picks the factor from how fast the program
// allocates against how fast it collects, and on a fast machine it picked
// four. A full collection every few seconds costs little: over 2,000 COEs a
// worker ran 0.8% fewer instructions with 1.5 than with 2 (cachegrind:
// 117.5 against 118.4 billion), and a run of 10,000 COEs peaked at 225 to
// 229 MiB PSS summed, against 239 to 249 with 2. Semi-spaces of 8 MiB
// instead of 16 lowered the peak by some 30 MiB, but with two workers one of
// them ran up to half again as slowly (one alone did not).
const LONG_FLAGS = [...WORKER_FLAGS, '--heap-growing-percent=50'];

/** The V8 flags of a worker that will lint about `share` files. */
export function workerFlags(share: number): string[] {
  return share < SHORT_SHARE ? SHORT_FLAGS : LONG_FLAGS;
}

/** Workers started before the files are all found, for a pool to take over. */
export interface EarlyWorkers {
  flags: string[];
  workers: ChildProcess[];
}

/**
 * Starts `count` workers for a share of about `share` files each, while the
 * run still searches for its files: they load and warm up meanwhile (some
 * 130 ms), and the first file is linted that much sooner. The caller ends
 * those that no pool takes over (endEarly).
 */
export function startEarly(count: number, share: number): EarlyWorkers {
  const flags = workerFlags(share);
  const workers = Array.from({ length: count }, () => {
    const worker = startWorker(workerScript(), flags);
    // Until a pool listens: a worker that cannot start must not end this process.
    worker.on('error', () => undefined);
    return worker;
  });
  return { flags, workers };
}

/** Ends the workers started early that no pool took over. */
export function endEarly(early: EarlyWorkers | undefined): void {
  for (const worker of early?.workers.splice(0) ?? []) worker.kill('SIGKILL');
}

// A worker started early, still alive, with these flags; the others are ended.
function takeEarly(early: EarlyWorkers | undefined, flags: string[]): ChildProcess | undefined {
  if (!early || early.flags.join(' ') !== flags.join(' ')) return undefined;
  for (let worker = early.workers.shift(); worker; worker = early.workers.shift()) {
    if (worker.connected && worker.exitCode === null && worker.signalCode === null) return worker;
    worker.kill('SIGKILL');
  }
  return undefined;
}

function startWorker(script: string, flags: string[]): ChildProcess {
  return fork(script, [], {
    execArgv: flags,
    env: workerEnv(process.env),
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
}

/**
 * A worker's environment: this process's, without NODE_EXTRA_CA_CERTS. Node
 * reads and parses the certificates it names as a process starts (for a
 * system's bundle some 400 million instructions, 50 ms on a machine of two
 * cores), and a worker reads files and lints them: it never connects anywhere.
 */
export function workerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _certificates, ...rest } = env;
  return rest;
}

/** The worker script: beside this module when built by tsc, else the bundle's, started by bin/worker.js from its code cache. */
export function workerScript(): string {
  const sibling = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.js');
  return existsSync(sibling) ? sibling : packagePath('bin', 'worker.js');
}

// Each worker has the next file waiting in its queue while it lints one, so
// that it never waits for this thread to wake up and send it work.
const DEPTH = 2;

// While the workers lint, this process hands out files and keeps results:
// its young generation keeps the size it has instead of growing to 2 × 16
// MiB as the results come in; it grows again for what this process does after.
export async function runInPool<T>(files: PoolFile[], init: WorkerInit, options: PoolOptions<T>): Promise<T[]> {
  setYoungGenerationGrowth(1);
  try {
    return await poolRun(files, init, options);
  } finally {
    setYoungGenerationGrowth(2);
  }
}

function poolRun<T>(files: PoolFile[], init: WorkerInit, options: PoolOptions<T>): Promise<T[]> {
  const results = new Array<{ outcome: T } | undefined>(files.length);
  let next = 0;
  let done = 0;
  // Tasks sent to a worker that was stopped before it began them: sent again.
  const retry: WorkerTask[] = [];
  const script = workerScript();
  const flags = workerFlags(Math.ceil(files.length / Math.max(1, options.size)));

  return new Promise((resolve, reject) => {
    const finish = (index: number, outcome: T) => {
      if (results[index]) return;
      results[index] = { outcome };
      if (++done === files.length) resolve(results.map((r) => r!.outcome));
    };
    const fail = (index: number, result: FileResult) => finish(index, options.failed(files[index]!.file, result));
    // The next task to send, or undefined when there is none left.
    const nextTask = (): WorkerTask | undefined => {
      const again = retry.shift();
      if (again) return again;
      if (next >= files.length) return undefined;
      const index = next++;
      const { file, path, bytes } = files[index]!;
      // A worker reads its own file, so that this process's memory stays small.
      return bytes ? { index, file, path, bytes } : { index, file, path };
    };

    const start = () => {
      const worker = takeEarly(options.early, flags) ?? startWorker(script, flags);
      worker.send(init);
      // Sent and not answered, in the order sent: the first is the one being linted.
      const queue: { task: WorkerTask; timer?: NodeJS.Timeout }[] = [];
      let ready = false;
      let stopped = false;

      // The budget of a file runs from when its worker begins it.
      const arm = () => {
        const head = queue[0];
        if (head && !head.timer) head.timer = setTimeout(() => stop(overBudget(head.task.file, options.budgetMs)), options.budgetMs);
      };
      const fill = () => {
        while (!stopped && queue.length < DEPTH) {
          const task = nextTask();
          if (!task) break;
          queue.push({ task });
          worker.send(task);
          arm();
        }
        if (!stopped && queue.length === 0) {
          stopped = true;
          worker.kill('SIGKILL');
        }
      };
      // The worker is stopped, or failed: its current file gets `result`, the
      // files waiting behind it go to another worker, and a new one starts.
      const stop = (result: FileResult | undefined, error?: unknown) => {
        if (stopped) return;
        // A worker that cannot even start: the caller lints in this thread instead.
        if (!ready) return reject(error ?? new Error('a worker could not start'));
        stopped = true;
        const [head, ...waiting] = queue.splice(0);
        if (head) {
          clearTimeout(head.timer);
          fail(head.task.index, result ?? couldNotLint(head.task.file, error ?? new Error('the worker stopped')));
        }
        retry.push(...waiting.map((w) => w.task));
        worker.removeAllListeners();
        worker.on('error', () => undefined);
        worker.kill('SIGKILL');
        if (done < files.length) start();
      };

      worker.on('message', (reply: WorkerReply<T> | 'ready') => {
        if (reply === 'ready') {
          ready = true;
          return fill();
        }
        const head = queue[0];
        if (!head || reply.index !== head.task.index) return;
        clearTimeout(head.timer);
        queue.shift();
        finish(reply.index, reply.outcome);
        arm();
        fill();
      });
      worker.on('error', (error) => stop(undefined, error));
      worker.on('exit', () => stop(undefined));
    };

    if (files.length === 0) resolve([]);
    for (let i = 0; i < Math.min(options.size, files.length); i++) start();
  });
}
