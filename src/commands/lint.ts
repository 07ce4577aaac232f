// `coe lint`: find the files, lint each one, report, and choose the exit code.
import { existsSync } from 'node:fs';
import { loadConfig } from '../config/load.js';
import { configFolder } from '../config/config.js';
import { discover, type Target } from '../files/discover.js';
import { poolSize } from '../engine/pool-size.js';
import { setYoungGenerationGrowth } from '../engine/young-generation.js';
import { UsageError } from '../util/errors.js';
import type { CommandIO } from './io.js';
import type { ReadResult } from '../files/read.js';
import { ReadAhead } from '../files/read-ahead.js';
import { fatalResult, lintBytes, lintOutcome, refusedResult, resultOfParts, type FileResult, type Outcome } from '../engine/lint.js';
import type { LintCache } from '../engine/cache.js';
import type { EarlyWorkers } from '../engine/worker-start.js';
import { startWorkersEarly, type StartedEarly } from './early-workers.js';
import { packageVersion } from '../util/package.js';
import { loadRead } from '../engine/load.js';
import { budgetMsOf, overBudget, withinBudget } from '../engine/budget.js';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { parseFewDocuments } from '../parse/frontmatter.js';
import { loadReporter, type Format } from '../reporters/index.js';
import type { ReportContext } from '../reporters/types.js';
import type { ResolvedConfig } from '../config/config.js';
import type { LintSettings } from '../engine/rule.js';
import { makeChalk } from '../util/color.js';
import { plural } from '../util/text.js';
import { today } from '../util/time.js';

export interface LintOptions {
  format: Format;
  now?: string;
  maxWarnings?: number;
  quiet?: boolean;
  config?: string;
  /** Lint the document read from standard input. */
  stdin?: boolean;
  /** The file name to report for standard input. */
  stdinFilename?: string;
  /** Pass over Markdown that is not a COE even when named (hooks name every changed file). */
  skipNonCoe?: boolean;
  /** Workers: a number (1 lints in this thread), or auto: the cores, for many files. */
  concurrency?: number | 'auto';
  /** Reuse the results of files that did not change (engine/cache.ts). */
  cache?: boolean;
  cacheLocation?: string;
}

// --cache: keyed by the version of coe and the configuration that bears on findings.
// Loaded only then (it needs node:crypto, which costs a start of coe lint).
async function openCache(options: LintOptions, config: ResolvedConfig, io: CommandIO): Promise<LintCache | undefined> {
  if (!options.cache && options.cacheLocation === undefined) return undefined;
  if (options.cacheLocation === '') throw new UsageError('--cache-location needs a path');
  const { cacheFileOf, configKey, LintCache } = await import('../engine/cache.js');
  const file = await cacheFileOf(options.cacheLocation, (f) => io.resolve(f));
  return LintCache.open(file, configKey(config, packageVersion()), (message) => io.stderr.write(`coe: warning: ${message}\n`));
}

export const STDIN_NAME = '<stdin>';

/** Up to this many files linted in this process are a short run (as bin/load-cli.js counts one). */
const FEW_DOCUMENTS = 4;

/** `early`: workers started as the command line was read (commands/early-workers.ts), ended here when no pool took them over. */
export async function runLint(paths: string[], options: LintOptions, io: CommandIO, early?: StartedEarly): Promise<number> {
  try {
    return await lint(paths, options, io, early);
  } finally {
    early?.end();
  }
}

async function lint(paths: string[], options: LintOptions, io: CommandIO, early: StartedEarly | undefined): Promise<number> {
  if (options.stdinFilename !== undefined && !options.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (options.stdin && paths.length > 0) throw new UsageError('Give either paths or --stdin, not both');
  const config = await loadConfig(io.cwd, options.config);
  const settings: LintSettings = { now: options.now ?? today(), internalTerms: config.internalTerms };
  const skipNonCoe = options.skipNonCoe === true;
  if (options.stdin && (options.cache || options.cacheLocation !== undefined))
    io.stderr.write('coe: warning: --cache is not used with --stdin: standard input is linted every time\n');
  const results = options.stdin
    ? [await lintStdin(options.stdinFilename ?? STDIN_NAME, config, settings, io)].filter((r) => r.isCoe || !skipNonCoe)
    : await lintFiles(paths, config, settings, io, skipNonCoe, options.concurrency ?? 'auto', await openCache(options, config, io), early);
  // Warnings count towards --max-warnings even when --quiet does not print them (as in ESLint).
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const shown = options.quiet ? results.map(onlyErrors) : results;

  const reporter = await loadReporter(options.format);
  const output = reporter(shown, await reportContext(io));
  if (output) io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);

  const errors = shown.reduce((n, r) => n + r.errorCount, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`coe: ${plural(warnings, 'warning')}, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

async function lintFiles(
  paths: string[],
  config: ResolvedConfig,
  settings: LintSettings,
  io: CommandIO,
  skipNonCoe: boolean,
  concurrency: number | 'auto',
  cache: LintCache | undefined,
  startedEarly: StartedEarly | undefined,
): Promise<FileResult[]> {
  const inputs = paths.length > 0 ? paths : [config.docs];
  if (paths.length === 0 && !existsSync(io.resolve(config.docs)))
    throw new UsageError(
      `${config.docs}: no such folder: the docs folder (${config.path ? 'the "docs" key of the configuration' : 'default docs/coe'}) does not exist; create it, or run coe init`,
    );
  // Without a cache, a folder that holds enough files for a pool gets its workers while it is searched.
  const early = startedEarly ?? (cache ? undefined : await startWorkersEarly(inputs, io.cwd, concurrency));
  let targets: Target[];
  let done: FileResult[];
  try {
    targets = await discover(inputs, { cwd: io.cwd, include: config.include, ignore: config.ignore, base: configFolder(config) });
    // A path that cannot be linted at all (a folder that cannot be read) is a finding of its own.
    const linted = targets.filter((t) => t.problem === undefined);
    done = await lintAll(
      linted.map((t) => t.file),
      config,
      settings,
      io,
      concurrency,
      cache,
      early?.workers,
    );
  } finally {
    early?.end();
  }
  let next = 0;
  const all = targets.map((t) => (t.problem === undefined ? done[next++]! : fatalResult(t.file, t.problem)));
  // Folders and globs pass over Markdown that is not a COE; named files too with --skip-non-coe.
  const kept = all.map((result, i) => result.isCoe || (targets[i]!.explicit && !skipNonCoe));
  const results = all.filter((_, i) => kept[i]);
  const none = (where: string[]) => `no COE documents (Markdown with a "coe" frontmatter key) in ${where.join(', ')}`;
  // A new docs repository has no COE yet: that is no failure (contract, section 5).
  if (paths.length === 0) {
    if (results.length === 0) io.stderr.write(`coe: ${none(inputs)} yet; nothing to lint. Write one with: coe new\n`);
    return results;
  }
  // --skip-non-coe passes over what is not a COE, and says so only when that is everything.
  if (skipNonCoe) {
    if (results.length === 0) io.stderr.write(`coe: ${none(paths)}; nothing to lint\n`);
    return results;
  }
  // Each path named with nothing to lint is bad usage, whatever the others hold.
  const empty = paths.filter((_, n) => !targets.some((t, i) => kept[i] && t.inputs.includes(n)));
  if (empty.length > 0) throw new UsageError(`Nothing to lint: ${none(empty)}`);
  return results;
}

interface Job {
  index: number;
  file: string;
  path: string;
  /** Read already (to look it up in the cache), with its content hash. */
  bytes?: Uint8Array;
  hash?: string;
}

// The results in the order of the files, whatever the pool's size: the output is the same.
async function lintAll(
  files: string[],
  config: ResolvedConfig,
  settings: LintSettings,
  io: CommandIO,
  concurrency: number | 'auto',
  cache: LintCache | undefined,
  early?: EarlyWorkers,
): Promise<FileResult[]> {
  const results = new Array<FileResult>(files.length);
  const jobs: Job[] = [];
  // With a cache, every file is read first, to look up its content.
  const reader = cache
    ? new ReadAhead(
        files.map((f) => io.resolve(f)),
        DEFAULT_LIMITS.maxBytes,
        16,
      )
    : undefined;
  for (const [index, file] of files.entries()) {
    const job: Job = { index, file, path: io.resolve(file) };
    if (cache && reader) {
      const read = await reader.read(index);
      if (!read.ok) {
        results[index] = refusedResult(file, read.message, read.head, config);
        continue;
      }
      job.bytes = read.bytes;
      job.hash = cache.hash(read.bytes);
      const kept = cache.get(job.path, job.hash);
      if (kept) {
        results[index] = kept.parts ? resultOfParts(file, kept.isCoe, kept.parts, config, settings) : { ...kept.result!, file };
        continue;
      }
    }
    jobs.push(job);
  }
  const outcomes = await lintJobs(jobs, config, settings, concurrency, cache !== undefined, early);
  jobs.forEach((job, i) => {
    const { result, parts, transient } = outcomes[i]!;
    results[job.index] = result;
    if (cache && job.hash && !transient)
      cache.set(job.path, parts ? { hash: job.hash, isCoe: result.isCoe, parts } : { hash: job.hash, isCoe: result.isCoe, result });
  });
  await cache?.save();
  return results;
}

// A file's parts are kept for the cache only: without it, a run of many files holds results alone.
async function lintJobs(
  jobs: Job[],
  config: ResolvedConfig,
  settings: LintSettings,
  concurrency: number | 'auto',
  keepParts: boolean,
  early?: EarlyWorkers,
): Promise<Outcome[]> {
  const size = poolSize(jobs.length, concurrency);
  if (size > 1) {
    const { runInPool } = await import('../engine/pool.js');
    try {
      const failed = (_file: string, result: FileResult): Outcome => ({ result, transient: true });
      return await runInPool(jobs, { job: 'lint', config, settings, keepParts }, { size, budgetMs: budgetMsOf(config), failed, early });
    } catch {
      // No worker could start (a sandbox that allows no child process): lint here.
    }
  }
  if (jobs.length <= FEW_DOCUMENTS) parseFewDocuments();
  // Held while the files were found (bin/load-cli.js), in case workers would lint them.
  setYoungGenerationGrowth(jobs.length <= FEW_DOCUMENTS ? 16 : 2);
  const reader = readerOf(jobs);
  const outcomes: Outcome[] = [];
  const budgetMs = budgetMsOf(config);
  for (const [i, job] of jobs.entries()) {
    const read = await reader.read(i);
    const linted = withinBudget(budgetMs, () => lintJob(job, read, config, settings, keepParts));
    outcomes.push(linted.done ? linted.value : { result: overBudget(job.file, budgetMs), transient: true });
  }
  return outcomes;
}

// The files not read yet (a cache reads them first) are read ahead of their lint.
function readerOf(jobs: Job[]): ReadAhead {
  return new ReadAhead(
    jobs.map((job) => (job.bytes ? undefined : job.path)),
    DEFAULT_LIMITS.maxBytes,
  );
}

// Whatever goes wrong with one file is a finding of that file; the run goes on.
function lintJob(job: Job, read: ReadResult, config: ResolvedConfig, settings: LintSettings, keepParts: boolean): Outcome {
  const loaded = loadRead(job.file, job.bytes ? { ok: true, bytes: job.bytes } : read, config);
  return lintOutcome(job.file, loaded, config, settings, keepParts);
}

// Standard input is linted like a file named on the command line.
async function lintStdin(file: string, config: ResolvedConfig, settings: LintSettings, io: CommandIO): Promise<FileResult> {
  const read = await readStream(io.stdin, DEFAULT_LIMITS.maxBytes);
  if (!read.ok) return fatalResult(file, read.message);
  parseFewDocuments();
  const budgetMs = budgetMsOf(config);
  const linted = withinBudget(budgetMs, () => lintBytes(file, read.bytes, config, settings));
  return linted.done ? linted.value : overBudget(file, budgetMs);
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      // Past the limit, read on without keeping, so the writer is not cut off.
      if (size <= maxBytes) chunks.push(bytes);
    }
  } catch (error) {
    return { ok: false, message: `Standard input could not be read: ${(error as Error).message}` };
  }
  if (size > maxBytes) return { ok: false, message: `Input is larger than the limit of ${maxBytes} bytes` };
  return { ok: true, bytes: Buffer.concat(chunks) };
}

async function reportContext(io: CommandIO): Promise<ReportContext> {
  const [{ reportRules }, { packageVersion, REPOSITORY_URL, ruleDocsUrl }] = await Promise.all([
    import('../docs/catalog.js'),
    import('../docs/project.js'),
  ]);
  const rules = reportRules();
  const known = new Set(rules.map((r) => r.id));
  return {
    chalk: await makeChalk(io.stdout),
    cwd: io.cwd,
    ruleUrl: (id) => (known.has(id) ? ruleDocsUrl(id) : undefined),
    rules,
    tool: { name: 'coe', version: packageVersion(), informationUri: REPOSITORY_URL },
  };
}

function onlyErrors(result: FileResult): FileResult {
  return { ...result, messages: result.messages.filter((m) => m.severity === 'error'), warningCount: 0 };
}
