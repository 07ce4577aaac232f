// Turns the paths and globs of the command line into files to lint.
// Folders and globs pass over Markdown that is not a COE; named files do not.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../util/errors.js';
import { pushAll } from '../util/arrays.js';

export interface Target {
  file: string;
  /** Named on the command line, not found in a folder or by a glob. */
  explicit: boolean;
}

export interface DiscoverOptions {
  cwd: string;
  include: string[];
  ignore: string[];
}

export async function discover(inputs: string[], options: DiscoverOptions): Promise<Target[]> {
  const targets: Target[] = [];
  for (const input of inputs) pushAll(targets, await expand(input, options));
  return dedupe(targets, options.cwd);
}

async function expand(input: string, options: DiscoverOptions): Promise<Target[]> {
  const absolute = path.resolve(options.cwd, input);
  const info = await stat(absolute).catch(() => undefined);
  if (info?.isDirectory()) {
    // The search lists symbolic links to FIFOs and devices too: reading
    // reports them. FIFOs and devices themselves it passes over.
    const { glob } = await globber();
    const found = await glob(options.include, globOptions(absolute, options.ignore));
    return found.map((f) => ({ file: relative(options.cwd, path.join(absolute, f)), explicit: false }));
  }
  // A FIFO or a device named on the command line is a finding of its own, never opened.
  if (info) return [{ file: relative(options.cwd, absolute), explicit: true }];
  const { glob, isDynamicPattern } = await globber();
  if (isDynamicPattern(input)) {
    const found = await glob([input], globOptions(options.cwd, options.ignore));
    if (found.length === 0) throw new UsageError(`No files match the pattern "${input}"`);
    return found.map((f) => ({ file: relative(options.cwd, path.join(options.cwd, f)), explicit: false }));
  }
  throw new UsageError(`${input}: no such file or folder`);
}

// Loaded when a folder or a pattern is given: `coe lint FILE` starts without it.
const globber = () => import('tinyglobby');

function globOptions(cwd: string, ignore: string[]) {
  return { cwd, ignore, onlyFiles: true, followSymbolicLinks: true, dot: false, expandDirectories: false };
}

function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

// One entry per real file: symbolic links can reach a file by several paths.
async function dedupe(targets: Target[], cwd: string): Promise<Target[]> {
  const seen = new Map<string, Target>();
  for (const target of targets) {
    const absolute = path.resolve(cwd, target.file);
    const real = await realpath(absolute).catch(() => absolute);
    const known = seen.get(real);
    if (!known) seen.set(real, target);
    else known.explicit ||= target.explicit;
  }
  return [...seen.values()].sort((a, b) => a.file.localeCompare(b.file));
}
