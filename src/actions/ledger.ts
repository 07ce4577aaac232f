// The ledger of `coe actions` (format 6): every action item of every COE as a
// row, with its days overdue at `now`, narrowed by the filters and put in a
// deterministic order. A pure function of the portfolio and the options.
import { ACTION_STATUSES, PENDING_STATUSES, isOneOf } from '../model/vocabulary.js';
import type { PortfolioAction, PortfolioCoe } from '../portfolio/types.js';
import { UsageError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import { DAY_MS, parseDay } from '../util/time.js';
import type { ActionRow } from './schema.js';

export interface ActionFilters {
  /** Statuses to keep, lower case (already checked against the vocabulary). */
  statuses?: readonly string[];
  /** An owner, matched whole, case folded. */
  owner?: string;
  overdue?: boolean;
  /** YYYY-MM-DD: keeps items due strictly before this date. */
  dueBefore?: string;
  /** `done` but not yet `validated`. */
  unvalidated?: boolean;
  /** A COE id, case folded. */
  coe?: string;
}

/** The row of an item; `now` is a day in ms since the epoch (UTC midnight). */
export function rowOf(item: PortfolioAction, now: number): ActionRow {
  return {
    coe: item.coeId,
    id: item.id,
    action: item.action,
    term: item.term,
    owner: item.owner,
    due: item.due ?? null,
    dueWritten: item.dueWritten,
    status: item.status,
    reach: item.reach === '' ? null : item.reach,
    lessons: item.lessons,
    daysOverdue: daysOverdue(item, now),
    validation: item.validation,
    file: item.file,
    line: item.line,
  };
}

/** Days past due of an open or in-progress item; null when not overdue (an item due today is not). */
export function daysOverdue(item: Pick<PortfolioAction, 'due' | 'status'>, now: number): number | null {
  const due = item.due === undefined ? undefined : parseDay(item.due);
  if (due === undefined || !isOneOf(PENDING_STATUSES, item.status) || due >= now) return null;
  return Math.round((now - due) / DAY_MS);
}

/** Every row of the COEs that passes the filters, in ledger order. */
export function ledger(coes: PortfolioCoe[], now: number, filters: ActionFilters = {}): ActionRow[] {
  const keep = matcher(filters);
  return coes
    .flatMap((coe) => coe.actions)
    .map((item) => rowOf(item, now))
    .filter(keep)
    .sort(byLedgerOrder);
}

function matcher(filters: ActionFilters): (row: ActionRow) => boolean {
  const owner = filters.owner === undefined ? undefined : fold(filters.owner);
  const coe = filters.coe === undefined ? undefined : fold(filters.coe);
  const dueBefore = filters.dueBefore;
  return (row) =>
    (filters.statuses === undefined || filters.statuses.includes(row.status)) &&
    (owner === undefined || fold(row.owner) === owner) &&
    (!filters.overdue || row.daysOverdue !== null) &&
    // Both are YYYY-MM-DD, so the strings compare as the dates do.
    (dueBefore === undefined || (row.due !== null && row.due < dueBefore)) &&
    (!filters.unvalidated || row.status === 'done') &&
    (coe === undefined || fold(row.coe) === coe);
}

export const fold = (s: string) => s.normalize('NFC').trim().toLowerCase();

/** By due date (items with none last), then COE id, then AI id (AI-2 before AI-10): `coe actions` and `coe report` list items so. */
export function byDueOrder(a: Pick<ActionRow, 'due' | 'coe' | 'id'>, b: Pick<ActionRow, 'due' | 'coe' | 'id'>): number {
  return compare(a.due ?? '\uffff', b.due ?? '\uffff') || compare(a.coe, b.coe) || compareIds(a.id, b.id);
}

/** The ledger's order: by due date, COE id and AI id, then file and line. */
export function byLedgerOrder(a: ActionRow, b: ActionRow): number {
  return byDueOrder(a, b) || compare(a.file, b.file) || a.line - b.line;
}

function compareIds(a: string, b: string): number {
  const na = /^AI-(\d+)$/i.exec(a.trim());
  const nb = /^AI-(\d+)$/i.exec(b.trim());
  if (na && nb) return Number(na[1]) - Number(nb[1]) || compare(a, b);
  return compare(a, b);
}

// Code unit order, the same in every locale.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The statuses of `--status open,in-progress`, lower case; an unknown one is bad usage. */
export function parseStatuses(list: string): string[] {
  const statuses = list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const expected = `expected one or more of ${ACTION_STATUSES.join(', ')}, comma-separated`;
  if (statuses.length === 0) throw new UsageError(`--status "${list}" names no status: ${expected}`);
  for (const status of statuses) {
    if (!isOneOf(ACTION_STATUSES, status))
      throw new UsageError(`Unknown status "${status}" in --status${didYouMean(status, ACTION_STATUSES)}: ${expected}`);
  }
  return [...new Set(statuses)];
}
