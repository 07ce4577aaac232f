// `coe export FILE`: the customer-facing RCA draft. Read and lint the COE,
// build the RCA model, render it, check the rendering for internal names,
// then write it (stdout, or -o FILE without overwriting).
import { open, realpath } from 'node:fs/promises';
import type { CommandIO } from './lint.js';
import { UsageError } from '../files/discover.js';
import { loadConfig } from '../config/load.js';
import { readLimited } from '../files/read.js';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { decode, parseCoeDocument } from '../parse/document.js';
import { lintDocument, parseOptionsOf } from '../engine/lint.js';
import type { Message } from '../engine/rule.js';
import { today } from '../util/time.js';
import { plural } from '../util/text.js';
import { exportDocument } from '../export/index.js';
import { describeLeak, type Leak } from '../export/leaks.js';
import { EXPORT_FORMATS, isExportFormat } from '../export/renderers.js';

export interface ExportOptions {
  format?: string;
  output?: string;
  force?: boolean;
  config?: string;
}

export async function runExport(file: string, options: ExportOptions, io: CommandIO): Promise<number> {
  const format = options.format ?? 'markdown';
  if (!isExportFormat(format)) throw new UsageError(`Unknown export format "${format}" (expected ${EXPORT_FORMATS.join(', ')})`);
  const config = await loadConfig(io.cwd, options.config);
  // Not even --force may write the draft over the COE it came from.
  if (options.output && (await sameFile(io.resolve(options.output), io.resolve(file)))) {
    throw new UsageError(`-o ${options.output} is the COE being exported; write the draft to another file`);
  }

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
  if (errors.length > 0 || leaks.length > 0) {
    io.stderr.write(refusal(file, errors, leaks, options.force === true));
    if (!options.force) return 1;
  }

  if (options.output) await writeNew(io.resolve(options.output), options.output, output, options.force === true);
  else io.stdout.write(output);
  return 0;
}

function fail(io: CommandIO, message: string): number {
  io.stderr.write(`coe: ${message}\n`);
  return 1;
}

function refusal(file: string, errors: Message[], leaks: Leak[], forced: boolean): string {
  const reasons = [
    errors.length > 0 ? `it has ${plural(errors.length, 'lint error')}` : '',
    leaks.length > 0 ? `${plural(leaks.length, 'internal name')} would reach customers` : '',
  ].filter(Boolean);
  const why = reasons.join(', and ');
  const lines = [forced ? `coe: --force: exporting ${file} although ${why}:` : `coe: refusing to export ${file}: ${why}:`];
  for (const m of errors) lines.push(`  ${file}:${m.line}:${m.column}  ${m.message}  (${m.ruleId})`);
  for (const leak of leaks) lines.push(`  leak: ${describeLeak(leak)}`);
  if (!forced) {
    const fixes = [
      errors.length > 0 ? 'fix the errors (coe lint shows them)' : '',
      leaks.length > 0 ? 'give each internal name a glossary entry or reword it' : '',
    ].filter(Boolean);
    lines.push(`To export: ${fixes.join('; ')}. Or use --force.`);
  }
  return `${lines.join('\n')}\n`;
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)]);
  return x === y;
}

// Never overwrites without --force: 'wx' fails when the file exists.
async function writeNew(target: string, shown: string, text: string, force: boolean): Promise<void> {
  let handle;
  try {
    handle = await open(target, force ? 'w' : 'wx');
    await handle.writeFile(text, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${shown} already exists; choose another file or use --force to overwrite it`);
    if (code === 'ENOENT') throw new UsageError(`Cannot write ${shown}: its folder does not exist`);
    if (code === 'EISDIR') throw new UsageError(`Cannot write ${shown}: it is a folder`);
    if (code === 'EACCES') throw new UsageError(`Cannot write ${shown}: permission denied`);
    throw error;
  } finally {
    await handle?.close();
  }
}
