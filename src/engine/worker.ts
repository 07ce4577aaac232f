// A worker of the pool (engine/pool.ts), a child process: told its job (lint,
// or read a COE's figures for report and actions) and the configuration
// first, then does it on the files it is sent, one at a time, and sends each
// outcome back. It parses each file once, as the main thread would.
import { DEFAULT_CONFIG, type ResolvedConfig } from '../config/config.js';
import type { LintSettings } from './rule.js';
import { loadRead } from './load.js';
import { warmUpBytes } from './warm-up.js';
import { readLimitedSync, type ReadResult } from '../files/read.js';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { couldNotLint, lintOutcome, type Loaded } from './lint.js';
import { entryOf, type PortfolioEntry } from '../portfolio/entry.js';
import { collectBetweenFiles } from './young-generation.js';

export type WorkerJob = 'lint' | 'summarize';

export interface WorkerInit {
  job: WorkerJob;
  config: ResolvedConfig;
  settings: LintSettings;
  /** Send a lint's parts back with its result: only the cache keeps them. */
  keepParts?: boolean;
}

export interface WorkerTask {
  index: number;
  file: string;
  path: string;
  /** The file's bytes, when the main process read them already (to look them up in the cache); else the worker reads the file. */
  bytes?: Uint8Array;
}

export interface WorkerReply<T> {
  index: number;
  outcome: T;
}

let init: WorkerInit | undefined;

const JOBS: Record<WorkerJob, (file: string, loaded: Loaded, init: WorkerInit) => unknown> = {
  lint: (file, loaded, { config, settings, keepParts }) => lintOutcome(file, loaded, config, settings, keepParts ?? false),
  summarize: (file, loaded): PortfolioEntry => entryOf(file, loaded),
};

const send = (message: unknown): void => void process.send!(message);

const onMessage = (message: WorkerInit | WorkerTask) => {
  if (!init) {
    init = message as WorkerInit;
    // Loaded and warm: from now on a file's time is its own, not the worker's start-up.
    return void send('ready');
  }
  const task = message as WorkerTask;
  // One file at a time, read when its turn comes (files/read.ts says why
  // not ahead): the outcomes go back in the order the files were sent.
  send({ index: task.index, outcome: run(task, init) } satisfies WorkerReply<unknown>);
  collectBetweenFiles();
};
process.on('message', onMessage);
// The pool is gone (its process ended): so is this worker.
process.on('disconnect', () => process.exit(0));
warmUp();

// Before the first file: the sample's cost is the worker's start-up
// (engine/warm-up.ts). Done as the worker starts, with the default
// configuration, not when it is told its job: a pool may start its workers
// before it has found the files (engine/worker-start.ts, startEarly), and
// they warm up meanwhile.
function warmUp(): void {
  const bytes = warmUpBytes();
  const sample: WorkerInit = { job: 'lint', config: DEFAULT_CONFIG, settings: { now: '2026-12-01', internalTerms: [] } };
  try {
    if (bytes) JOBS.lint('warm-up.md', loadRead('warm-up.md', { ok: true, bytes }, sample.config), sample);
  } catch {
    // Only the first file is slower.
  }
}

function run(task: WorkerTask, init: WorkerInit): unknown {
  const { job, config } = init;
  const read: ReadResult = task.bytes ? { ok: true, bytes: task.bytes } : readLimitedSync(task.path, DEFAULT_LIMITS.maxBytes);
  try {
    return JOBS[job](task.file, loadRead(task.file, read, config), init);
  } catch (error) {
    return JOBS[job](task.file, { result: couldNotLint(task.file, error) }, init);
  }
}
