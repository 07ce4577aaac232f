// `coe export FILE`: the customer-facing RCA draft. Read and lint the COE,
// build the RCA model, render it, check the rendering for internal names,
// then write it (stdout, or -o FILE without overwriting).
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { CommandIO } from './io.js';
import { UsageError } from '../util/errors.js';
import { loadConfig } from '../config/load.js';
import { notRegularMessage, readLimited } from '../files/read.js';
import { checkOutput, writeOutput } from '../files/write.js';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { decode, parseCoeDocument } from '../parse/document.js';
import { lintDocument, parseOptionsOf } from '../engine/lint.js';
import { budgetMsOf, budgetSeconds, withinBudget } from '../engine/budget.js';
import type { Message } from '../engine/rule.js';
import { today } from '../util/time.js';
import { plural } from '../util/text.js';
import { exportDocument } from '../export/index.js';
import { describeLeak, type Leak } from '../export/leaks.js';
import { EXPORT_FORMATS, exportFormatOf, type ExportFormat } from '../export/renderers.js';
import type { ResolvedConfig } from '../config/config.js';

export interface ExportOptions {
  format?: string;
  output?: string;
  /** Overwrite an existing -o file; nothing else. */
  force?: boolean;
  allowLintErrors?: boolean;
  allowLeaks?: boolean;
  config?: string;
}

export async function runExport(file: string, options: ExportOptions, io: CommandIO): Promise<number> {
  const format = exportFormatOf(options.format ?? 'md');
  if (!format) throw new UsageError(`Unknown export format "${options.format}" (expected ${EXPORT_FORMATS.join(', ')})`);
  const config = await loadConfig(io.cwd, options.config);

  // Before opening anything: a FIFO or a device would block the read, or take the draft.
  const coe = await regularFile(io.resolve(file), (why) => `Cannot export ${file}: ${why}`);
  const inputs = [{ info: coe, what: 'the COE being exported' }];
  if (options.output) await checkOutput(io.resolve(options.output), options.output, inputs);

  const read = await readLimited(io.resolve(file), DEFAULT_LIMITS.maxBytes);
  // Over the size limit is like over the line limit: a file that cannot be parsed (exit 1).
  if (!read.ok && read.head) return fail(io, `Cannot export ${file}: ${read.message}`);
  if (!read.ok) throw new UsageError(`Cannot export ${file}: ${read.message}`);
  const decoded = decode(read.bytes);
  if (!decoded.ok) return fail(io, `Cannot export ${file}: ${decoded.fatal.message}`);
  const budgetMs = budgetMsOf(config);
  const built = withinBudget(budgetMs, () => build(file, decoded.text, config, format));
  if (!built.done)
    return fail(io, `Cannot export ${file}: it took longer than ${budgetSeconds(budgetMs)} s (fileTimeout); split or simplify it`);
  if (!built.value.ok) return fail(io, `Cannot export ${file}: ${built.value.fatal.message} (line ${built.value.fatal.line})`);
  const { errors, output, leaks, warnings, unreadable } = built.value;

  for (const warning of warnings) io.stderr.write(`coe: warning: ${file}: ${warning}\n`);
  const found: Problems = {
    errors,
    leaks,
    unreadable,
    allowErrors: options.allowLintErrors === true,
    allowLeaks: options.allowLeaks === true,
  };
  const unchecked = leaks.length > 0 || unreadable.length > 0;
  if (errors.length > 0 || unchecked) {
    const refused = (errors.length > 0 && !found.allowErrors) || (unchecked && !found.allowLeaks);
    io.stderr.write(report(file, found, refused));
    if (refused) return 1;
  }

  if (options.output) await writeOutput(io.resolve(options.output), options.output, output, options.force === true, inputs);
  else io.stdout.write(output);
  return 0;
}

// Parse, lint and render: the work that fileTimeout bounds.
function build(file: string, text: string, config: ResolvedConfig, format: ExportFormat) {
  const parsed = parseCoeDocument(file, text, parseOptionsOf(config));
  if (!parsed.ok) return { ok: false as const, fatal: parsed.fatal };
  const errors = lintDocument(parsed.doc, config, { now: today(), internalTerms: config.internalTerms }).filter(
    (m) => m.severity === 'error',
  );
  return { ok: true as const, errors, ...exportDocument(parsed.doc, config, format) };
}

function fail(io: CommandIO, message: string): number {
  io.stderr.write(`coe: ${message}\n`);
  return 1;
}

interface Problems {
  errors: Message[];
  leaks: Leak[];
  /** Frontmatter keys whose names could not be read, so the leak check could not look for them. */
  unreadable: string[];
  allowErrors: boolean;
  allowLeaks: boolean;
}

// What stands in the way of the export, and which override lets it through: each check has its own.
function report(file: string, p: Problems, refused: boolean): string {
  const reasons = [
    p.errors.length > 0 ? `it has ${plural(p.errors.length, 'lint error')}` : '',
    p.leaks.length > 0 ? `${plural(p.leaks.length, 'internal name')} would reach customers` : '',
    p.unreadable.length > 0
      ? `its frontmatter's ${p.unreadable.join(', ')} could not be read, so the draft cannot be checked for them`
      : '',
  ].filter(Boolean);
  const why = reasons.join(', and ');
  const used = [
    p.errors.length > 0 && p.allowErrors ? '--allow-lint-errors' : '',
    (p.leaks.length > 0 || p.unreadable.length > 0) && p.allowLeaks ? '--allow-leaks' : '',
  ].filter(Boolean);
  const lines = [refused ? `coe: refusing to export ${file}: ${why}:` : `coe: ${used.join(', ')}: exporting ${file} although ${why}:`];
  for (const m of p.errors) lines.push(`  ${file}:${m.line}:${m.column}  ${m.message}  (${m.ruleId})`);
  for (const leak of p.leaks) lines.push(`  leak: ${describeLeak(leak)}`);
  if (refused) {
    const blockErrors = p.errors.length > 0 && !p.allowErrors;
    const blockLeaks = (p.leaks.length > 0 || p.unreadable.length > 0) && !p.allowLeaks;
    const fixes = [
      blockErrors ? 'fix the errors (coe lint shows them)' : '',
      blockLeaks && p.leaks.some((l) => !l.domain) ? 'give each internal name a glossary entry or reword it' : '',
      blockLeaks && p.leaks.some((l) => l.domain) ? 'take out each internal address' : '',
      blockLeaks && p.unreadable.length > 0 ? 'fix the frontmatter (coe lint shows where)' : '',
    ].filter(Boolean);
    const flags = [blockErrors ? '--allow-lint-errors' : '', blockLeaks ? '--allow-leaks' : ''].filter(Boolean);
    lines.push(`To export: ${fixes.join('; ')}. Or use ${flags.join(' and ')}.`);
  }
  return `${lines.join('\n')}\n`;
}

// The COE must be a regular file: stat, which follows links, before any open.
async function regularFile(path: string, message: (why: string) => string): Promise<Stats> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw new UsageError(message(`File could not be read: ${describeError(error)}`));
  }
  if (!info.isFile()) throw new UsageError(message(notRegularMessage(info)));
  return info;
}

function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES') return 'permission denied';
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'ENOTDIR') return 'no such file';
  if (e.code === 'ELOOP') return 'too many symbolic links';
  return e.message;
}
