// `coe lint --cache`, in the manner of ESLint's: a file's results are reused
// when its content, the configuration that bears on linting and the version
// of coe are the same as when they were kept. What depends on the date is
// kept as facts (see `Dated` in engine/rule.ts) and judged again on each
// run, so a cached result is still right on another day. A cache that cannot
// be read or written is passed over with a warning, never a wrong result.
import { createHash } from 'node:crypto';
import { readFile, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import type { FileResult, LintParts } from './lint.js';
import { makeFolders } from '../util/folders.js';
import pMap from 'p-map';
import { FS_AT_ONCE } from '../files/read.js';

const CACHE_FILE = 'lint-cache.json';
export const DEFAULT_CACHE_LOCATION = path.join('node_modules', '.cache', 'coe', CACHE_FILE);

/**
 * The file the cache is kept in: `--cache-location` as given, or
 * `lint-cache.json` in it when it names a folder (one that exists, or a path
 * that ends with a slash), as ESLint takes a folder.
 */
export async function cacheFileOf(location: string | undefined, resolve: (file: string) => string): Promise<string> {
  if (location === undefined) return resolve(DEFAULT_CACHE_LOCATION);
  const file = resolve(location);
  const folder =
    location.endsWith('/') ||
    location.endsWith(path.sep) ||
    (await stat(file).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  return folder ? path.join(file, CACHE_FILE) : file;
}

/** What is kept of one file: its parts when it parsed, else its (fatal) result. */
export interface CacheEntry {
  hash: string;
  isCoe: boolean;
  parts?: LintParts;
  result?: FileResult;
}

interface CacheFile {
  kind: 'coe-lint-cache';
  /** The version of coe and the configuration, hashed: a change of either empties the cache. */
  key: string;
  /** The hash of the entries as written: a cache damaged or edited since is not read. */
  sum: string;
  entries: Record<string, CacheEntry>;
}

const sumOf = (entriesJson: string): string => createHash('sha1').update(entriesJson).digest('hex');

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** What of the configuration changes the findings of a file (not where files are, nor time limits). */
export function configKey(config: ResolvedConfig, version: string): string {
  const bearing = {
    version,
    rules: config.rules,
    sections: config.sections,
    idPrefix: config.idPrefix,
    internalTerms: config.internalTerms,
    internalDomains: config.internalDomains,
  };
  return createHash('sha1').update(JSON.stringify(bearing)).digest('hex');
}

export class LintCache {
  private changed = false;
  /** The files this run looked up or linted: the others are checked for on saving. */
  private readonly seen = new Set<string>();
  /** The files this run linted, whose entries it writes. */
  private readonly updated = new Set<string>();

  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly entries: Map<string, CacheEntry>,
    private readonly warn: (message: string) => void,
    /** False when the file holds something else, which is never overwritten. */
    private readonly writable = true,
  ) {}

  /** The content hash a file's entry is kept under. */
  hash(bytes: Uint8Array): string {
    return contentHash(bytes);
  }

  /** Opens the cache at `location`; one that cannot be read, or was kept for another configuration, starts empty. */
  static async open(location: string, key: string, warn: (message: string) => void): Promise<LintCache> {
    // A link is written through, to the file it names (which may not be there yet).
    const file = await realpath(location).catch(() =>
      readlink(location).then(
        (target) => path.resolve(path.dirname(location), target),
        () => location,
      ),
    );
    const kind = await stat(file).then(
      (s) => (s.isFile() ? 'file' : 'other'),
      () => 'none',
    );
    // /dev/null, a FIFO (whose read would block), a folder: neither read nor replaced.
    if (kind === 'other') {
      warn(`the cache ${location} is not a regular file: linting every file, without a cache`);
      return new LintCache(file, key, new Map(), warn, false);
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        warn(`the cache ${location} cannot be read (${(error as Error).message}): linting every file`);
      return new LintCache(file, key, new Map(), warn);
    }
    const data = parse(text);
    if (!data && !mayReplace(text)) {
      warn(`${location} is not a coe cache: linting every file, and leaving that file as it is (give --cache-location another path)`);
      return new LintCache(file, key, new Map(), warn, false);
    }
    if (!data) {
      warn(`the cache ${location} is damaged: linting every file, and writing it afresh`);
      return new LintCache(file, key, new Map(), warn);
    }
    return new LintCache(file, key, data.key === key ? new Map(Object.entries(data.entries)) : new Map(), warn);
  }

  get(file: string, hash: string): CacheEntry | undefined {
    this.seen.add(file);
    const entry = this.entries.get(file);
    return entry?.hash === hash ? entry : undefined;
  }

  set(file: string, entry: CacheEntry): void {
    this.seen.add(file);
    this.entries.set(file, entry);
    this.updated.add(file);
    this.changed = true;
  }

  /** Writes the cache, whole, in a new file renamed over the old one. A failure is a warning. */
  async save(): Promise<void> {
    if (!this.changed || !this.writable) return;
    await this.takeOthers();
    await this.dropGone();
    const entries = JSON.stringify(Object.fromEntries(this.entries));
    // Written by hand to stringify the entries once; `kind` first (see mayReplace).
    const text = `{"kind":"coe-lint-cache","key":${JSON.stringify(this.key)},"sum":"${sumOf(entries)}","entries":${entries}}`;
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      await makeFolders(path.dirname(this.file));
      await writeFile(temp, text);
      await rename(temp, this.file);
    } catch (error) {
      this.warn(`the cache ${this.file} cannot be written (${(error as Error).message}): the next run lints every file again`);
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }

  // Runs at the same time on one cache (pre-commit runs a hook on batches of
  // files in parallel): each keeps what the others wrote since it opened the
  // cache, for the files it did not lint itself. An entry is checked against
  // the file's content when read, so taking one is never a wrong result.
  private async takeOthers(): Promise<void> {
    const isFile = await stat(this.file).then(
      (s) => s.isFile(),
      () => false,
    );
    const text = isFile ? await readFile(this.file, 'utf8').catch(() => undefined) : undefined;
    const data = text === undefined ? undefined : parse(text);
    if (data?.key !== this.key) return;
    for (const [file, entry] of Object.entries(data.entries)) {
      if (!this.updated.has(file)) this.entries.set(file, entry);
    }
  }

  // Entries of files that are gone (deleted, renamed) are dropped, so that
  // the cache does not grow for ever; a file this run did not name may
  // still be there, and keeps its entry.
  private async dropGone(): Promise<void> {
    const unseen = [...this.entries.keys()].filter((file) => !this.seen.has(file));
    // Some at a time: a hook that names a few files of a large repository leaves thousands unseen.
    const gone = await pMap(
      unseen,
      (file) =>
        stat(file).then(
          () => false,
          (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
        ),
      { concurrency: FS_AT_ONCE },
    );
    unseen.forEach((file, i) => {
      if (gone[i]) this.entries.delete(file);
    });
  }
}

// A file that coe may write over: empty, or a cache of its own that is
// damaged (each is written whole, `kind` first). Anything else at the cache
// location is the user's: a mistyped --cache-location must not cost a file.
function mayReplace(text: string): boolean {
  const start = text.trimStart();
  return start === '' || start.startsWith('{"kind":"coe-lint-cache"');
}

function parse(text: string): CacheFile | undefined {
  try {
    const data = JSON.parse(text) as Partial<CacheFile>;
    if (data.kind !== 'coe-lint-cache' || typeof data.key !== 'string' || typeof data.entries !== 'object' || data.entries === null)
      return undefined;
    // JSON.stringify gives back the text it wrote: a changed entry changes the sum.
    if (data.sum !== sumOf(JSON.stringify(data.entries))) return undefined;
    for (const entry of Object.values(data.entries)) {
      if (typeof entry?.hash !== 'string' || typeof entry.isCoe !== 'boolean' || (entry.parts === undefined && entry.result === undefined))
        return undefined;
    }
    return data as CacheFile;
  } catch {
    return undefined;
  }
}
