// `coe lint`: find the files, lint each one, report, and choose the exit code.
import { loadConfig } from '../config/load.js';
import { discover } from '../files/discover.js';
import { UsageError } from '../util/errors.js';
import type { CommandIO } from './io.js';
import type { ReadResult } from '../files/read.js';
import { fatalResult, lintBytes, lintLoaded, type FileResult } from '../engine/lint.js';
import { loadFile } from '../engine/load.js';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { loadReporter, type Format } from '../reporters/index.js';
import type { ReportContext } from '../reporters/types.js';
import type { ResolvedConfig } from '../config/config.js';
import type { LintSettings } from '../engine/rule.js';
import { makeChalk } from '../util/color.js';
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
}

export const STDIN_NAME = '<stdin>';

export async function runLint(paths: string[], options: LintOptions, io: CommandIO): Promise<number> {
  if (options.stdinFilename !== undefined && !options.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (options.stdin && paths.length > 0) throw new UsageError('Give either paths or --stdin, not both');
  const config = await loadConfig(io.cwd, options.config);
  const settings: LintSettings = { now: options.now ?? today(), internalTerms: config.internalTerms };
  const skipNonCoe = options.skipNonCoe === true;
  const results = options.stdin
    ? [await lintStdin(options.stdinFilename ?? STDIN_NAME, config, settings, io)].filter((r) => r.isCoe || !skipNonCoe)
    : await lintFiles(paths, config, settings, io, skipNonCoe);
  const shown = options.quiet ? results.map(onlyErrors) : results;

  const reporter = await loadReporter(options.format);
  const output = reporter(shown, await reportContext(io));
  if (output) io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);

  const errors = shown.reduce((n, r) => n + r.errorCount, 0);
  const warnings = shown.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`coe: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
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
): Promise<FileResult[]> {
  const inputs = paths.length > 0 ? paths : [config.docs];
  const targets = await discover(inputs, { cwd: io.cwd, include: config.include, ignore: config.ignore });
  const results: FileResult[] = [];
  for (const target of targets) {
    const result = await lintFile(target.file, config, settings, io);
    // Folders and globs pass over Markdown that is not a COE; named files too with --skip-non-coe.
    if (result.isCoe || (target.explicit && !skipNonCoe)) results.push(result);
  }
  if (results.length > 0) return results;
  const none = `no COE documents (Markdown with a "coe" frontmatter key) in ${inputs.join(', ')}`;
  // A new docs repository has no COE yet: that is no failure (contract, section 5).
  if (paths.length === 0) io.stderr.write(`coe: ${none} yet; nothing to lint. Write one with: coe new\n`);
  else if (skipNonCoe) io.stderr.write(`coe: ${none}; nothing to lint\n`);
  else throw new UsageError(`Nothing to lint: ${none}`);
  return results;
}

// Whatever goes wrong with one file is a finding of that file; the run goes on.
async function lintFile(file: string, config: ResolvedConfig, settings: LintSettings, io: CommandIO): Promise<FileResult> {
  const loaded = await loadFile(file, io.resolve(file), config);
  return loaded.doc ? lintLoaded(file, loaded.doc, config, settings) : loaded.result;
}

// Standard input is linted like a file named on the command line.
async function lintStdin(file: string, config: ResolvedConfig, settings: LintSettings, io: CommandIO): Promise<FileResult> {
  const read = await readStream(io.stdin, DEFAULT_LIMITS.maxBytes);
  return read.ok ? lintBytes(file, read.bytes, config, settings) : fatalResult(file, read.message);
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
    chalk: makeChalk(io.stdout),
    cwd: io.cwd,
    ruleUrl: (id) => (known.has(id) ? ruleDocsUrl(id) : undefined),
    rules,
    tool: { name: 'coe', version: packageVersion(), informationUri: REPOSITORY_URL },
  };
}

function onlyErrors(result: FileResult): FileResult {
  return { ...result, messages: result.messages.filter((m) => m.severity === 'error'), warningCount: 0 };
}
