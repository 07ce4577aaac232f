// A worker of the pool (engine/pool.ts): lints the files it is sent, one at
// a time, with the configuration it was started with, and sends each result
// back. It reads and parses each file once, as the main thread would.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/config.js';
import type { LintSettings } from './rule.js';
import { loadFile } from './load.js';
import { couldNotLint, lintLoadedParts, type FileResult, type LintParts } from './lint.js';

export interface WorkerInit {
  config: ResolvedConfig;
  settings: LintSettings;
}

export interface WorkerTask {
  index: number;
  file: string;
  path: string;
}

export interface WorkerReply extends Outcome {
  index: number;
}

/** A file's result, and its parts for the cache when it parsed. */
export interface Outcome {
  result: FileResult;
  parts?: LintParts;
}

const { config, settings } = workerData as WorkerInit;

parentPort?.on('message', (task: WorkerTask) => {
  void lintOne(task).then((outcome) => parentPort!.postMessage({ index: task.index, ...outcome } satisfies WorkerReply));
});
// Loaded: from now on a file's time is its own, not the worker's start-up.
parentPort?.postMessage('ready');

async function lintOne(task: WorkerTask): Promise<Outcome> {
  try {
    const loaded = await loadFile(task.file, task.path, config);
    return loaded.doc ? lintLoadedParts(task.file, loaded.doc, config, settings) : { result: loaded.result };
  } catch (error) {
    return { result: couldNotLint(task.file, error) };
  }
}
