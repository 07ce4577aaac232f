// `coe actions [PATH …]`: the ledger of format 6, every action item of every
// COE under the paths, one row each, filtered, as a table, CSV or JSON; with
// --check, exit 1 when a listed item is overdue, for a scheduled CI job.
import type { CommandIO } from './io.js';
import { loadConfig } from '../config/load.js';
import { loadPortfolio, portfolioInputs } from '../portfolio/load.js';
import type { Portfolio } from '../portfolio/types.js';
import { ledger, parseStatuses, type ActionFilters } from '../actions/ledger.js';
import { inWindow } from '../portfolio/window.js';
import { ACTIONS_FORMATS, renderActions, type ActionsFormat } from '../actions/render.js';
import { checkOutput, writeOutput } from '../files/write.js';
import { makeChalk } from '../util/color.js';
import { UsageError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import { parseDay, today } from '../util/time.js';
import { oneLine } from '../util/text.js';

export interface ActionsOptions {
  format?: string;
  status?: string;
  owner?: string;
  overdue?: boolean;
  dueBefore?: string;
  unvalidated?: boolean;
  coe?: string;
  since?: string;
  until?: string;
  now?: string;
  check?: boolean;
  output?: string;
  force?: boolean;
  config?: string;
  concurrency?: number | 'auto';
}

export async function runActions(
  paths: string[],
  options: ActionsOptions,
  io: CommandIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const format = (options.format ?? 'table') as ActionsFormat;
  if (!ACTIONS_FORMATS.includes(format))
    throw new UsageError(`Unknown format "${options.format}" (expected ${ACTIONS_FORMATS.join(', ')})`);
  const now = dateOption('--now', options.now ?? today());
  for (const [flag, value] of [
    ['--due-before', options.dueBefore],
    ['--since', options.since],
    ['--until', options.until],
  ] as const)
    if (value !== undefined) dateOption(flag, value);
  if (options.since && options.until && options.since > options.until)
    throw new UsageError(`--since ${options.since} is after --until ${options.until}: the window would hold no day`);
  if (options.owner !== undefined && options.owner.trim() === '') throw new UsageError('--owner names no one: give a team or a person');
  const filters: ActionFilters = {
    statuses: options.status === undefined ? undefined : parseStatuses(options.status),
    owner: options.owner,
    overdue: options.overdue,
    dueBefore: options.dueBefore,
    unvalidated: options.unvalidated,
    coe: options.coe,
  };

  const config = await loadConfig(io.cwd, options.config);
  const portfolio = await loadPortfolio(paths, config, io, options.concurrency ?? 'auto');
  if (portfolio.coes.length === 0 && portfolio.unreadable.length === 0) {
    const where = paths.length > 0 ? paths.join(', ') : config.docs;
    throw new UsageError(`No COE documents (Markdown with a "coe" frontmatter key) in ${where}: no action items to list`);
  }
  if (options.coe !== undefined) checkCoe(options.coe, portfolio);
  const window = inWindow(portfolio.coes, options.since, options.until);
  noteLeftOut(portfolio, window.unplaced, io);

  const rows = ledger(window.coes, now, filters);
  const toFile = options.output !== undefined;
  const text = renderActions(rows, format, {
    width: tableWidth(toFile ? {} : io.stdout, env),
    // Colour for a terminal only, never into a file.
    chalk: await (toFile ? makeChalk({}, {}) : makeChalk(io.stdout, env)),
    filtered: [...Object.values(filters), options.since, options.until].some((v) => v !== undefined && v !== false),
  });
  if (toFile) await write(options.output!, text, options.force === true, portfolio, io);
  else io.stdout.write(text);
  return options.check && rows.some((r) => r.daysOverdue !== null) ? 1 : 0;
}

function dateOption(flag: string, value: string): number {
  const day = parseDay(value);
  if (day === undefined) throw new UsageError(`${flag} "${value}" is not a date written YYYY-MM-DD`);
  return day;
}

// A --coe that names no COE is a slip, not an empty ledger: a CI job would pass on it.
function checkCoe(id: string, portfolio: Portfolio): void {
  const ids = portfolio.coes.map((c) => c.id);
  const folded = id.trim().toLowerCase();
  if (!ids.some((known) => known.toLowerCase() === folded))
    throw new UsageError(`No COE with the id "${id}" under the paths given${didYouMean(id, ids)}`);
}

// Nothing is left out in silence: one line on stderr per COE whose items are not listed.
function noteLeftOut(portfolio: Portfolio, unplaced: Portfolio['coes'], io: CommandIO): void {
  for (const u of portfolio.unreadable) io.stderr.write(`coe: ${u.file}: not listed, the COE cannot be read: ${oneLine(u.reason)}\n`);
  for (const d of portfolio.duplicates) io.stderr.write(`coe: ${d.file}: not listed, its id ${d.id} is the id of ${d.first}\n`);
  for (const c of unplaced)
    io.stderr.write(`coe: ${c.file}: not listed, its incident.start cannot be read to place it in --since/--until\n`);
}

/** Not a terminal (a pipe, a CI log, a file): a width that reads well there; CSV and JSON hold every word. */
export const DEFAULT_WIDTH = 100;

/** The columns to fit the table in: COLUMNS when set, else the terminal's, else DEFAULT_WIDTH. */
export function tableWidth(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): number {
  const fromEnv = columnsFrom(env);
  if (fromEnv !== undefined) return fromEnv;
  return stream.isTTY && stream.columns && stream.columns > 0 ? stream.columns : DEFAULT_WIDTH;
}

function columnsFrom(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.COLUMNS?.trim();
  return value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

// Not even --force may write the ledger over one of the COEs it read.
async function write(output: string, text: string, force: boolean, portfolio: Portfolio, io: CommandIO): Promise<void> {
  const inputs = await portfolioInputs(portfolio, (file) => io.resolve(file), 'one of the COEs listed');
  const target = io.resolve(output);
  await checkOutput(target, output, inputs);
  await writeOutput(target, output, text, force, inputs);
}
