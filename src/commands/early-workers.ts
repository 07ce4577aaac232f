// The workers of a pool, started before the files are found when the
// folders named hold enough Markdown right inside them (markdownAtTop): they
// load and warm up while this process loads the linter and its
// configuration and searches for the files. `end` ends those that no pool
// took over. Kept apart from the linter, which it starts before (cli.ts).
import { markdownAtTop } from '../files/discover.js';
import { poolSize } from '../engine/pool-size.js';
import type { EarlyWorkers } from '../engine/worker-start.js';

export interface StartedEarly {
  workers: EarlyWorkers;
  end: () => void;
}

export async function startWorkersEarly(inputs: string[], cwd: string, concurrency: number | 'auto'): Promise<StartedEarly | undefined> {
  const estimate = markdownAtTop(inputs, cwd);
  const size = poolSize(estimate, concurrency);
  if (size <= 1) return undefined;
  // Loaded only here: a lint of a few files in this process never loads node:child_process (and net, dgram).
  const { endEarly, startEarly } = await import('../engine/worker-start.js');
  try {
    const workers = startEarly(size, Math.ceil(estimate / size));
    return { workers, end: () => endEarly(workers) };
  } catch {
    return undefined; // no child process here: the pool finds that out again, and the files are linted here
  }
}

/**
 * The workers of `coe lint PATHS…`, started as soon as the command line is
 * read: some 30 ms before the linter and the configuration are loaded, while
 * the second core has nothing else to do. None for standard input or a run
 * with a cache (it lints only the files that changed), nor without paths (the
 * docs folder is known from the configuration: the lint starts them then).
 */
export async function lintWorkersEarly(
  paths: string[],
  options: { stdin?: boolean; cache?: boolean; cacheLocation?: string; concurrency?: number | 'auto' },
  cwd: string,
): Promise<StartedEarly | undefined> {
  if (paths.length === 0 || options.stdin || options.cache || options.cacheLocation !== undefined) return undefined;
  return startWorkersEarly(paths, cwd, options.concurrency ?? 'auto');
}
