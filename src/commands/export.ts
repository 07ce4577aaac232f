// `coe export FILE`: the customer-facing RCA draft. Read and lint the COE,
// build the RCA model, render it, check the rendering for internal names,
// then write it (stdout, or -o FILE without overwriting).
import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { CommandIO } from './io.js';
import { UsageError } from '../util/errors.js';
import { loadConfig } from '../config/load.js';
import { fileKind as kindOf, notRegularMessage, readLimited } from '../files/read.js';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { decode, parseCoeDocument } from '../parse/document.js';
import { lintDocument, parseOptionsOf } from '../engine/lint.js';
import type { Message } from '../engine/rule.js';
import { today } from '../util/time.js';
import { plural } from '../util/text.js';
import { exportDocument } from '../export/index.js';
import { describeLeak, type Leak } from '../export/leaks.js';
import { EXPORT_FORMATS, exportFormatOf } from '../export/renderers.js';

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
  if (options.output) await checkTarget(io.resolve(options.output), options.output, coe);

  const read = await readLimited(io.resolve(file), DEFAULT_LIMITS.maxBytes);
  if (!read.ok) throw new UsageError(`Cannot export ${file}: ${read.message}`);
  const decoded = decode(read.bytes);
  if (!decoded.ok) return fail(io, `Cannot export ${file}: ${decoded.fatal.message}`);
  const parsed = parseCoeDocument(file, decoded.text, parseOptionsOf(config));
  if (!parsed.ok) return fail(io, `Cannot export ${file}: ${parsed.fatal.message} (line ${parsed.fatal.line})`);
  const doc = parsed.doc;

  const errors = lintDocument(doc, config, { now: today(), internalTerms: config.internalTerms }).filter((m) => m.severity === 'error');
  const { output, leaks, warnings } = exportDocument(doc, config, format);

  for (const warning of warnings) io.stderr.write(`coe: warning: ${file}: ${warning}\n`);
  const found: Problems = { errors, leaks, allowErrors: options.allowLintErrors === true, allowLeaks: options.allowLeaks === true };
  if (errors.length > 0 || leaks.length > 0) {
    const refused = (errors.length > 0 && !found.allowErrors) || (leaks.length > 0 && !found.allowLeaks);
    io.stderr.write(report(file, found, refused));
    if (refused) return 1;
  }

  if (options.output) await writeDraft(io.resolve(options.output), options.output, output, options.force === true, coe);
  else io.stdout.write(output);
  return 0;
}

function fail(io: CommandIO, message: string): number {
  io.stderr.write(`coe: ${message}\n`);
  return 1;
}

interface Problems {
  errors: Message[];
  leaks: Leak[];
  allowErrors: boolean;
  allowLeaks: boolean;
}

// What stands in the way of the export, and which override lets it through: each check has its own.
function report(file: string, p: Problems, refused: boolean): string {
  const reasons = [
    p.errors.length > 0 ? `it has ${plural(p.errors.length, 'lint error')}` : '',
    p.leaks.length > 0 ? `${plural(p.leaks.length, 'internal name')} would reach customers` : '',
  ].filter(Boolean);
  const why = reasons.join(', and ');
  const used = [p.errors.length > 0 && p.allowErrors ? '--allow-lint-errors' : '', p.leaks.length > 0 && p.allowLeaks ? '--allow-leaks' : ''].filter(Boolean);
  const lines = [refused ? `coe: refusing to export ${file}: ${why}:` : `coe: ${used.join(', ')}: exporting ${file} although ${why}:`];
  for (const m of p.errors) lines.push(`  ${file}:${m.line}:${m.column}  ${m.message}  (${m.ruleId})`);
  for (const leak of p.leaks) lines.push(`  leak: ${describeLeak(leak)}`);
  if (refused) {
    const blockErrors = p.errors.length > 0 && !p.allowErrors;
    const blockLeaks = p.leaks.length > 0 && !p.allowLeaks;
    const fixes = [
      blockErrors ? 'fix the errors (coe lint shows them)' : '',
      blockLeaks && p.leaks.some((l) => !l.domain) ? 'give each internal name a glossary entry or reword it' : '',
      blockLeaks && p.leaks.some((l) => l.domain) ? 'take out each internal address' : '',
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

// Not even --force may write the draft over the COE it came from, under any
// name (the same path, a symbolic link, a hard link), nor into a FIFO or a device.
async function checkTarget(path: string, shown: string, coe: Stats): Promise<void> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch {
    return; // no such file yet, or a dangling link: the write says what is wrong
  }
  if (sameFile(info, coe)) throw new UsageError(`-o ${shown} is the COE being exported; write the draft to another file`);
  if (!info.isFile() && !info.isDirectory()) throw new UsageError(`Cannot write ${shown}: it is ${kindOf(info)}, not a regular file`);
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

// Never overwrites without --force (O_EXCL fails when the file exists), and
// never truncates before knowing what was opened: with --force the file is
// opened without truncating, checked, then emptied.
async function writeDraft(target: string, shown: string, text: string, force: boolean, coe: Stats): Promise<void> {
  const { O_WRONLY, O_CREAT, O_EXCL, O_NONBLOCK } = constants;
  let handle: FileHandle | undefined;
  try {
    handle = await open(target, O_WRONLY | O_CREAT | O_NONBLOCK | (force ? 0 : O_EXCL), 0o666);
    const info = await handle.stat();
    if (sameFile(info, coe)) throw new UsageError(`-o ${shown} is the COE being exported; write the draft to another file`);
    if (!info.isFile()) throw new UsageError(`Cannot write ${shown}: it is ${kindOf(info)}, not a regular file`);
    await handle.truncate(0);
    await handle.writeFile(text, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${shown} already exists; choose another file or use --force to overwrite it`);
    if (code === 'ENOENT') throw new UsageError(`Cannot write ${shown}: its folder does not exist`);
    if (code === 'EISDIR') throw new UsageError(`Cannot write ${shown}: it is a folder`);
    if (code === 'EACCES') throw new UsageError(`Cannot write ${shown}: permission denied`);
    if (code === 'ENXIO') throw new UsageError(`Cannot write ${shown}: it is a FIFO, not a regular file`);
    throw error;
  } finally {
    await handle?.close();
  }
}

function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES') return 'permission denied';
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'ENOTDIR') return 'no such file';
  if (e.code === 'ELOOP') return 'too many symbolic links';
  return e.message;
}
