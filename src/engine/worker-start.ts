// How a worker of the pool starts: its V8 flags and its environment, and
// workers started before a run has found its files (startEarly). Kept apart
// from the pool so that `coe lint` can start them before it loads the linter
// (cli.ts, commands/early-workers.ts).
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../util/package.js';

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
// `--expose-gc`: a worker collects its young generation between two files
// (engine/young-generation.ts, collectBetweenFiles).
const WORKER_FLAGS = ['--single-threaded', '--always-sparkplug', '--expose-gc'];

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

/** A worker started early, still alive, with these flags; the others are ended. */
export function takeEarly(early: EarlyWorkers | undefined, flags: string[]): ChildProcess | undefined {
  if (!early || early.flags.join(' ') !== flags.join(' ')) return undefined;
  for (let worker = early.workers.shift(); worker; worker = early.workers.shift()) {
    if (worker.connected && worker.exitCode === null && worker.signalCode === null) return worker;
    worker.kill('SIGKILL');
  }
  return undefined;
}

export function startWorker(script: string, flags: string[]): ChildProcess {
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
