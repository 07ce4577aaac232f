// A worker of the pool (engine/pool.ts): does its job (lint, or read a COE's
// figures for report and actions) on the files it is sent, one at a time,
// with the configuration it was started with, and sends each outcome back.
// It parses each file once, as the main thread would.
import { parentPort, workerData } from 'node:worker_threads';
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

const { job, config, settings } = workerData as WorkerInit;

const JOBS: Record<WorkerJob, (file: string, loaded: Loaded) => unknown> = {
  lint: (file, loaded) => (loaded.doc ? lintLoadedParts(file, loaded.doc, config, settings) : { result: loaded.result }),
  summarize: (file, loaded): PortfolioEntry => entryOf(file, loaded),
};

parentPort?.on('message', (task: WorkerTask) => {
  void run(task).then((outcome) => parentPort!.postMessage({ index: task.index, outcome } satisfies WorkerReply<unknown>));
});
// Loaded: from now on a file's time is its own, not the worker's start-up.
parentPort?.postMessage('ready');

async function run(task: WorkerTask): Promise<unknown> {
  try {
    const loaded = task.bytes ? loadRead(task.file, { ok: true, bytes: task.bytes }, config) : await loadFile(task.file, task.path, config);
    return JOBS[job](task.file, loaded);
  } catch (error) {
    return JOBS[job](task.file, { result: couldNotLint(task.file, error) });
  }
}
