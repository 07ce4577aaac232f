// A worker of the pool (engine/pool.ts), a child process or a thread: told its job (lint,
// or read a COE's figures for report and actions) and the configuration
// first, then does it on the files it is sent, one at a time, and sends each
// outcome back. It parses each file once, as the main thread would.
import { parentPort } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/config.js';
import type { LintSettings } from './rule.js';
import { loadFile, loadRead } from './load.js';
import { couldNotLint, lintLoadedParts, type FileResult, type LintParts, type Loaded } from './lint.js';
import { entryOf, type PortfolioEntry } from '../portfolio/entry.js';

export type WorkerJob = 'lint' | 'summarize';

export interface WorkerInit {
  job: WorkerJob;
  config: ResolvedConfig;
  settings: LintSettings;
}

export interface WorkerTask {
  index: number;
  file: string;
  path: string;
  /** The file's bytes, read by the main thread. */
  bytes?: Uint8Array;
}

export interface WorkerReply<T> {
  index: number;
  outcome: T;
}

/** A file's lint result, and its parts for the cache when it parsed. */
export interface Outcome {
  result: FileResult;
  parts?: LintParts;
}

let init: WorkerInit | undefined;

const JOBS: Record<WorkerJob, (file: string, loaded: Loaded, init: WorkerInit) => unknown> = {
  lint: (file, loaded, { config, settings }) =>
    loaded.doc ? lintLoadedParts(file, loaded.doc, config, settings) : { result: loaded.result },
  summarize: (file, loaded): PortfolioEntry => entryOf(file, loaded),
};

const send = (message: unknown) => (parentPort ? parentPort.postMessage(message) : process.send!(message));

const onMessage = (message: WorkerInit | WorkerTask) => {
  if (!init) {
    init = message as WorkerInit;
    // Loaded: from now on a file's time is its own, not the worker's start-up.
    return void send('ready');
  }
  const task = message as WorkerTask;
  void run(task, init).then((outcome) => send({ index: task.index, outcome } satisfies WorkerReply<unknown>));
};
if (parentPort) parentPort.on('message', onMessage);
else process.on('message', onMessage);
// The pool is gone (its process ended): so is this worker.
process.on('disconnect', () => process.exit(0));

async function run(task: WorkerTask, init: WorkerInit): Promise<unknown> {
  const { job, config } = init;
  try {
    const loaded = task.bytes ? loadRead(task.file, { ok: true, bytes: task.bytes }, config) : await loadFile(task.file, task.path, config);
    return JOBS[job](task.file, loaded, init);
  } catch (error) {
    return JOBS[job](task.file, { result: couldNotLint(task.file, error) }, init);
  }
}
