// Reads every COE under the paths into a portfolio: one parse per file, with
// the parser and model of `coe lint`. A COE that cannot be read is listed as
// unreadable, never dropped; other Markdown is passed over. With many files,
// the worker pool of `coe lint` parses them on every core and sends back only
// the figures, so the documents are never held together.
import { poolSize } from '../engine/pool-size.js';
import { configFolder, type ResolvedConfig } from '../config/config.js';
import { discover } from '../files/discover.js';
import { ReadAhead } from '../files/read-ahead.js';
import { loadRead } from '../engine/load.js';
import { budgetMsOf, overBudget, withinBudget } from '../engine/budget.js';
import { today } from '../util/time.js';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import type { CommandIO } from '../commands/io.js';
import { entryOf, failedEntry, type PortfolioEntry } from './entry.js';
import type { Portfolio, PortfolioCoe } from './types.js';
import type { Protected } from '../files/write.js';
import { stat } from 'node:fs/promises';

export async function loadPortfolio(
  paths: string[],
  config: ResolvedConfig,
  io: CommandIO,
  concurrency: number | 'auto' = 'auto',
): Promise<Portfolio> {
  const inputs = paths.length > 0 ? paths : [config.docs];
  const targets = await discover(inputs, { cwd: io.cwd, include: config.include, ignore: config.ignore, base: configFolder(config) });
  const files = targets.filter((t) => t.problem === undefined).map((t) => ({ file: t.file, path: io.resolve(t.file) }));
  const portfolio: Portfolio = { coes: [], unreadable: [], duplicates: [] };
  // A path the search could not read (a folder without permission) is listed with its reason, as `coe lint` reports it.
  for (const t of targets) if (t.problem !== undefined) portfolio.unreadable.push({ file: t.file, reason: t.problem });
  const shared = new Map<string, string>();
  for (const entry of await entriesOf(files, config, concurrency)) {
    if ('coe' in entry) portfolio.coes.push(shareStrings(entry.coe, shared));
    else if ('unreadable' in entry) portfolio.unreadable.push(entry.unreadable);
  }
  // The same documents give the same bytes, whatever order the files were found in.
  portfolio.coes.sort((a, b) => compare(a.id, b.id) || compare(a.file, b.file));
  portfolio.unreadable.sort((a, b) => compare(a.file, b.file));
  // An id names one COE: a second file with it is listed, not counted twice.
  const byId = new Map<string, string>();
  portfolio.coes = portfolio.coes.filter((coe) => {
    const first = byId.get(coe.id);
    if (first === undefined) byId.set(coe.id, coe.file);
    else portfolio.duplicates.push({ file: coe.file, id: coe.id, first });
    return first === undefined;
  });
  return portfolio;
}

async function entriesOf(
  files: { file: string; path: string }[],
  config: ResolvedConfig,
  concurrency: number | 'auto',
): Promise<PortfolioEntry[]> {
  const size = poolSize(files.length, concurrency);
  if (size > 1) {
    const { runInPool } = await import('../engine/pool.js');
    try {
      // `settings` is for linting; the figures do not read it.
      const init = { job: 'summarize' as const, config, settings: { now: today(), internalTerms: config.internalTerms } };
      return await runInPool(files, init, { size, budgetMs: budgetMsOf(config), failed: failedEntry });
    } catch {
      // No worker could start (a sandbox that allows no child process): read them here.
    }
  }
  const reader = new ReadAhead(
    files.map((f) => f.path),
    DEFAULT_LIMITS.maxBytes,
  );
  const entries: PortfolioEntry[] = [];
  const budgetMs = budgetMsOf(config);
  for (const [i, f] of files.entries()) {
    const read = await reader.read(i);
    const entry = withinBudget(budgetMs, () => entryOf(f.file, loadRead(f.file, read, config)));
    entries.push(entry.done ? entry.value : failedEntry(f.file, overBudget(f.file, budgetMs)));
  }
  return entries;
}

// Each COE comes as a copy of its own (from a worker, or out of its
// document), and ten thousand hold the same owners, statuses, terms, dates
// and tags many times over: one string for each value, and each action item
// holds its COE's id and file, keeps the portfolio near a third smaller.
function shareStrings(coe: PortfolioCoe, shared: Map<string, string>): PortfolioCoe {
  const one = <T extends string | undefined>(value: T): T => {
    if (value === undefined) return value;
    const known = shared.get(value) as T | undefined;
    if (known !== undefined) return known;
    shared.set(value, value);
    return value;
  };
  coe.status = one(coe.status);
  coe.owner = one(coe.owner);
  coe.detectedBy = one(coe.detectedBy);
  coe.services = coe.services.map(one);
  coe.regions = coe.regions.map(one);
  coe.tags = coe.tags.map(one);
  for (const action of coe.actions) {
    action.coeId = coe.id;
    action.file = coe.file;
    action.term = one(action.term);
    action.owner = one(action.owner);
    action.due = one(action.due);
    action.dueWritten = one(action.dueWritten);
    action.status = one(action.status);
    action.reach = one(action.reach);
    action.lessons = action.lessons.map(one);
  }
  return coe;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every file a portfolio read (COEs, unreadable ones, those whose id another
 * holds), as files `-o` must never replace, not even with --force.
 */
export async function portfolioInputs(portfolio: Portfolio, resolve: (file: string) => string, what: string): Promise<Protected[]> {
  const files = [
    ...portfolio.coes.map((c) => c.file),
    ...portfolio.unreadable.map((u) => u.file),
    ...portfolio.duplicates.map((d) => d.file),
  ];
  const inputs: Protected[] = [];
  for (const file of files) {
    const info = await stat(resolve(file)).catch(() => undefined);
    if (info) inputs.push({ info, what: `${file}, ${what}` });
  }
  return inputs;
}
