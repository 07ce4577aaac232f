// `coe lint`: find the files, lint each one, report, and choose the exit code.
import { loadConfig } from '../config/load.js';
import { discover, UsageError } from '../files/discover.js';
import { readLimited } from '../files/read.js';
import { fatalResult, lintBytes, type FileResult } from '../engine/lint.js';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { loadReporter, type Format } from '../reporters/index.js';
import { makeChalk } from '../util/color.js';
import { today } from '../util/time.js';

export interface LintOptions {
  format: Format;
  now?: string;
  maxWarnings?: number;
  quiet?: boolean;
  config?: string;
}

export async function runLint(paths: string[], options: LintOptions, io: CommandIO): Promise<number> {
  const config = await loadConfig(io.cwd, options.config);
  const inputs = paths.length > 0 ? paths : [config.docs];
  const targets = await discover(inputs, { cwd: io.cwd, include: config.include, ignore: config.ignore });
  const settings = { now: options.now ?? today(), internalTerms: config.internalTerms };

  const results: FileResult[] = [];
  for (const target of targets) {
    const read = await readLimited(io.resolve(target.file), DEFAULT_LIMITS.maxBytes);
    const result = read.ok ? lintBytes(target.file, read.bytes, config, settings) : fatalResult(target.file, read.message);
    // Folders and globs pass over Markdown that is not a COE.
    if (result.isCoe || target.explicit) results.push(options.quiet ? onlyErrors(result) : result);
  }
  if (results.length === 0) throw new UsageError(`Nothing to lint: no COE documents (Markdown with a "coe" frontmatter key) in ${inputs.join(', ')}`);

  const reporter = await loadReporter(options.format);
  const output = reporter(results, { chalk: makeChalk(io.stdout), cwd: io.cwd });
  if (output) io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`coe: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function onlyErrors(result: FileResult): FileResult {
  return { ...result, messages: result.messages.filter((m) => m.severity === 'error'), warningCount: 0 };
}

export interface CommandIO {
  cwd: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  resolve(file: string): string;
}
