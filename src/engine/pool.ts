// Works through many files on every core: a pool of worker processes, each
// doing its job (engine/worker.ts) on one file at a time. A file that takes
// longer than the time budget is stopped (its worker is ended and replaced)
// and gets a `fatal` result; a worker that fails costs only its file.
// Outcomes come back in the order of the files, so the output is the same
// whatever the pool's size.
import { couldNotLint, type FileResult } from './lint.js';
import { overBudget } from './budget.js';
import { setYoungGenerationGrowth } from './young-generation.js';
import type { WorkerInit, WorkerReply, WorkerTask } from './worker.js';
import { startWorker, takeEarly, workerFlags, workerScript, type EarlyWorkers } from './worker-start.js';

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
