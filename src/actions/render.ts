// The ledger in the formats of `coe actions`: a table for the terminal, CSV
// for spreadsheets, JSON (schemas/actions.schema.json) for scripts.
import { csvText } from './csv.js';
import { renderTable, type TableOptions } from './render-table.js';
import type { ActionRow } from './schema.js';

export const ACTIONS_FORMATS = ['table', 'csv', 'json'] as const;
export type ActionsFormat = (typeof ACTIONS_FORMATS)[number];

/** The CSV columns: format 6's, then what a spreadsheet needs to find the item. */
export const CSV_HEADER = [
  'COE',
  'AI',
  'Action',
  'Term',
  'Owner',
  'Due',
  'Status',
  'Reach',
  'Lessons',
  'Days overdue',
  'Validation',
  'File',
  'Line',
];

export function renderCsv(rows: ActionRow[]): string {
  return csvText(
    CSV_HEADER,
    rows.map((r) => [
      r.coe,
      r.id,
      r.action,
      r.term,
      r.owner,
      r.due ?? r.dueWritten,
      r.status,
      r.reach,
      r.lessons.join(', '),
      r.daysOverdue,
      r.validation,
      r.file,
      r.line,
    ]),
  );
}

export function renderJson(rows: ActionRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export function renderActions(rows: ActionRow[], format: ActionsFormat, table: TableOptions): string {
  if (format === 'csv') return renderCsv(rows);
  if (format === 'json') return renderJson(rows);
  return renderTable(rows, table);
}
