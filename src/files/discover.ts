// Turns the paths and globs of the command line into files to lint.
// Folders and globs pass over Markdown that is not a COE; named files do not.
//
// - A folder is searched for the `include` patterns, taken from the folder.
// - A glob picks what it matches among the files a search of its folder (the
//   part before the first wildcard) would pick: `docs/coe/**` finds the
//   Markdown under docs/coe, never an image beside it.
// - `ignore` patterns are taken from `base`, the folder of the configuration
//   file, whichever way the files are named: `drafts/**` in a configuration at
//   the root of a repository is the root's drafts folder, for `coe lint`,
//   `coe lint docs` and `coe lint 'docs/**/*.md'` alike. Outside that folder
//   only patterns that begin with `**/` (those of node_modules and .git) apply.
import { constants, readdir, readdirSync, type Dirent } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../util/errors.js';
import pMap from 'p-map';
import { pushAll } from '../util/arrays.js';
import { FS_AT_ONCE } from './read.js';

export interface Target {
  file: string;
  /** Named on the command line, not found in a folder or by a glob. */
  explicit: boolean;
  /** Why the path cannot be linted (a folder, named or met in a search, that cannot be read): reported as a `fatal` finding. */
  problem?: string;
  /** The inputs (indexes into what discover was given) that found it. */
  inputs: number[];
}

export interface DiscoverOptions {
  cwd: string;
  include: string[];
  ignore: string[];
  /** The folder `ignore` patterns are relative to: the configuration file's. Default: the folder searched, or `cwd` for a glob. */
  base?: string;
}

export async function discover(inputs: string[], options: DiscoverOptions): Promise<Target[]> {
  const targets: Target[] = [];
  for (const [i, input] of inputs.entries()) {
    pushAll(
      targets,
      (await expand(input, options)).map((t) => ({ ...t, inputs: [i] })),
    );
  }
  return dedupe(targets, options.cwd);
}

type Found = Omit<Target, 'inputs'>;

async function expand(input: string, options: DiscoverOptions): Promise<Found[]> {
  // path.resolve would read "" as the working directory.
  if (input === '') throw new UsageError('"": an empty path; give a file, a folder or a glob');
  const absolute = path.resolve(options.cwd, input);
  let info: Awaited<ReturnType<typeof stat>> | undefined;
  let failure: NodeJS.ErrnoException | undefined;
  try {
    info = await stat(absolute);
  } catch (error) {
    failure = error as NodeJS.ErrnoException;
  }
  if (info?.isDirectory()) {
    const unreadable = await cannotSearch(absolute);
    if (unreadable) return [{ file: relative(options.cwd, absolute), explicit: true, problem: `Folder could not be read: ${unreadable}` }];
    // The search lists symbolic links to FIFOs and devices too: reading
    // reports them. FIFOs and devices themselves it passes over.
    const unread: Unread = new Map();
    const found = await search(absolute, options.include, options.base ?? absolute, options.ignore, unread);
    return [...found.map((f) => ({ file: relative(options.cwd, f), explicit: false })), ...unreadTargets(unread, options.cwd)];
  }
  // A FIFO or a device named on the command line is a finding of its own, never opened.
  if (info) return [{ file: relative(options.cwd, absolute), explicit: true }];
  const { isDynamicPattern } = await globber();
  if (isDynamicPattern(input)) return expandGlob(input, options);
  // It exists but cannot be reached (a folder on the way that may not be
  // searched, a link that loops): reading it reports why, as a finding.
  if (failure && failure.code !== 'ENOENT' && failure.code !== 'ENOTDIR')
    return [{ file: relative(options.cwd, absolute), explicit: true }];
  throw new UsageError(`${input}: no such file or folder`);
}

async function expandGlob(input: string, options: DiscoverOptions): Promise<Found[]> {
  const { glob, escapePath } = await globber();
  const base = options.base ?? options.cwd;
  const { match, ignore } = rebase(options.cwd, base, [input], options.ignore, escapePath);
  const from = match === undefined ? options.cwd : base;
  const unread: Unread = new Map();
  const found = await glob(match ?? [input], globOptions(from, ignore, unread));
  const skipped = unreadTargets(unread, options.cwd);
  if (found.length === 0 && skipped.length === 0) throw new UsageError(`No files match the pattern "${input}"`);
  // What a search of the glob's folder would pick: Markdown, by the include patterns.
  const { default: picomatch } = await import('picomatch');
  // The base as a path: "docs/\\[old\\]" names the folder "docs/[old]".
  const folder = path.resolve(options.cwd, picomatch.scan(input).base.replace(/\\(.)/g, '$1'));
  const included = picomatch(options.include, { dot: false });
  const files = found.map((f) => path.resolve(from, f)).filter((f) => included(posix(path.relative(folder, f))));
  if (files.length === 0 && skipped.length === 0)
    throw new UsageError(
      `No files to lint match the pattern "${input}": it matches no ${options.include.join(' or ')} (the include setting)`,
    );
  return [...files.map((f) => ({ file: relative(options.cwd, f), explicit: false })), ...skipped];
}

/** Absolute paths of the files under `root` that `include` picks and `ignore` (relative to `base`) does not pass over. */
async function search(root: string, include: string[], base: string, ignorePatterns: string[], unread: Unread): Promise<string[]> {
  const { glob, escapePath } = await globber();
  const { match, ignore } = rebase(root, base, include, ignorePatterns, escapePath);
  if (match === undefined) return (await glob(include, globOptions(root, ignore, unread))).map((f) => path.join(root, f));
  return (await glob(match, globOptions(base, ignore, unread))).map((f) => path.join(base, f));
}

/**
 * The patterns `patterns` (relative to `from`) made relative to `base`, so
 * that the ignore patterns, relative to `base`, apply as written. `match` is
 * undefined when `from` is outside `base`: then the patterns stay relative to
 * `from`, with only the ignore patterns that apply anywhere (`**∕…`).
 */
function rebase(
  from: string,
  base: string,
  patterns: string[],
  ignorePatterns: string[],
  escapePath: (p: string) => string,
): { match: string[] | undefined; ignore: string[] } {
  const rel = path.relative(base, from);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { match: undefined, ignore: ignorePatterns.filter((p) => p.startsWith('**/')) };
  const prefix = rel === '' ? '' : `${escapePath(posix(rel))}/`;
  return { match: patterns.map((p) => (path.isAbsolute(p) ? p : prefix + p)), ignore: ignorePatterns };
}

// Loaded when a folder or a pattern is given (picomatch too, for a pattern):
// `coe lint FILE` starts without them.
const globber = () => import('tinyglobby');

function globOptions(cwd: string, ignore: string[], unread: Unread) {
  return { cwd, ignore, onlyFiles: true, followSymbolicLinks: true, dot: false, expandDirectories: false, fs: { readdir: noting(unread) } };
}

/** Folders a search could not read (absolute paths), and why. */
type Unread = Map<string, string>;

// The search's readdir: fdir, under tinyglobby, passes over a folder it
// cannot read in silence, and tinyglobby does not let its errors through.
function noting(unread: Unread): typeof readdir {
  type Done = (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void;
  const read = (folder: string, options: { withFileTypes: true }, done: Done) =>
    readdir(folder, options, (error, entries) => {
      // A folder removed during the search holds nothing to lint.
      if (error && error.code !== 'ENOENT' && error.code !== 'ENOTDIR') unread.set(path.resolve(folder), reasonOf(error));
      done(error, entries);
    });
  return read as typeof readdir;
}

// Each folder the search could not read is a finding, as a named one is.
function unreadTargets(unread: Unread, cwd: string): Found[] {
  return [...unread].map(([folder, why]) => ({
    file: relative(cwd, folder),
    explicit: false,
    problem: `Folder could not be read: ${why}`,
  }));
}

/** Why a folder named on the command line cannot be searched, if it cannot. */
async function cannotSearch(folder: string): Promise<string | undefined> {
  try {
    await access(folder, constants.R_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    return reasonOf(error);
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
}

function posix(file: string): string {
  return file.split(path.sep).join('/');
}

function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

// One entry per real file: symbolic links can reach a file by several paths.
async function dedupe(targets: Target[], cwd: string): Promise<Target[]> {
  const seen = new Map<string, Target>();
  // Some at a time (FS_AT_ONCE): one after another, a thousand files waited some 70 ms.
  const reals = await pMap(
    targets,
    (target) => {
      const absolute = path.resolve(cwd, target.file);
      return realpath(absolute).catch(() => absolute);
    },
    { concurrency: FS_AT_ONCE },
  );
  for (const [i, target] of targets.entries()) {
    const real = reals[i]!;
    const known = seen.get(real);
    if (!known) seen.set(real, target);
    else {
      known.explicit ||= target.explicit;
      known.inputs = [...new Set([...known.inputs, ...target.inputs])];
    }
  }
  return [...seen.values()].sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * A quick first count, before discover: the names that the default patterns
 * take (.md, .markdown) right inside the folders among the inputs, no
 * deeper. An estimate: discover also finds what lies deeper, and counts a
 * file once however many links name it. Lets a run start its workers while
 * it searches (commands/lint.ts); a wrong estimate costs only workers
 * started for nothing, or not started early.
 */
export function markdownAtTop(inputs: string[], cwd: string): number {
  let count = 0;
  for (const input of inputs) {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.resolve(cwd, input), { withFileTypes: true });
    } catch {
      continue; // not a folder, or not one to read: discover says which
    }
    for (const entry of entries) if (!entry.isDirectory() && MARKDOWN_NAME.test(entry.name)) count++;
  }
  return count;
}

const MARKDOWN_NAME = /\.(?:md|markdown)$/;
