// The ledger as a terminal table, fitted to a width: the Action text is cut
// with "…", never an id or a date. Rather than leave the Action less than a
// third of the width, Lessons, Reach and Term give way, in that order; the
// Owner is cut (to no less than 12 columns) only when the Action would have
// fewer than 20; narrower still, each item takes two lines: ids, due date,
// status and days overdue, then, indented, the Owner and the Action; and
// where even that first line would not fit, three (the due date and days
// overdue on a line of their own).
import type { ChalkInstance } from 'chalk';
import type { ActionRow } from './schema.js';
import { cut, displayWidth, padEnd, terminalText } from './width.js';

type Key = 'coe' | 'id' | 'action' | 'term' | 'owner' | 'due' | 'status' | 'reach' | 'lessons' | 'overdue';

const HEADERS: Record<Key, string> = {
  coe: 'COE',
  id: 'AI',
  action: 'Action',
  term: 'Term',
  owner: 'Owner',
  due: 'Due',
  status: 'Status',
  reach: 'Reach',
  lessons: 'Lessons',
  overdue: 'Overdue',
};

const ORDER: Key[] = ['coe', 'id', 'action', 'term', 'owner', 'due', 'status', 'reach', 'lessons', 'overdue'];
/** The columns that give way to the Action, first to last. */
const GIVE_WAY: Key[] = ['lessons', 'reach', 'term'];
const GAP = '  ';
/** The Action is not cut below this, while a column can give way. */
export const MIN_ACTION = 20;
/** The Owner is not cut below this on a one-line item. */
const OWNER_MIN = 12;
/** The indent of the Action line of a two-line item. */
const INDENT = '    ';

export interface TableOptions {
  /** Columns to fit in; undefined: no limit, nothing cut. */
  width: number | undefined;
  chalk: ChalkInstance;
  /** Whether filters were given, for the message when no item is left. */
  filtered: boolean;
}

const DATE_WIDTH = 'YYYY-MM-DD'.length;

function cellOf(row: ActionRow, key: Key): string {
  switch (key) {
    case 'coe':
      return terminalText(row.coe);
    case 'id':
      return terminalText(row.id);
    case 'due':
      // A Due that is not a date, as written, in no more room than a date takes.
      return row.due ?? cut(terminalText(row.dueWritten), DATE_WIDTH);
    case 'lessons':
      return terminalText(row.lessons.join(', '));
    case 'reach':
      return terminalText(row.reach ?? '');
    case 'overdue':
      return row.daysOverdue === null ? '' : `${row.daysOverdue} d`;
    default:
      return terminalText(row[key]);
  }
}

export function renderTable(rows: ActionRow[], options: TableOptions): string {
  if (rows.length === 0) return options.filtered ? 'No action items match the filters.\n' : 'No action items.\n';
  const cells = rows.map((row) => Object.fromEntries(ORDER.map((k) => [k, cellOf(row, k)])) as Record<Key, string>);
  const natural = Object.fromEntries(
    ORDER.map((k) => [k, Math.max(displayWidth(HEADERS[k]), ...cells.map((c) => displayWidth(c[k])))]),
  ) as Record<Key, number>;
  const layout = fit(natural, options.width);
  const { chalk } = options;
  const paint = (key: Key, text: string) => (key === 'overdue' && text.trim() !== '' ? chalk.red(text) : text);
  const line = (keys: Key[], values: Record<Key, string>, header: boolean) =>
    keys
      .map((k, i) => {
        const text = cut(values[k], layout.widths[k]);
        const padded = i === keys.length - 1 ? text : padEnd(text, layout.widths[k]);
        return header ? chalk.bold(padded) : paint(k, padded);
      })
      .join(GAP)
      .trimEnd();
  // The second line of a two-line item is indented under the first.
  const item = (values: Record<Key, string>, header: boolean) =>
    layout.lines.map((keys, i) => (i === 0 ? '' : INDENT) + line(keys, values, header));
  const out = [...item(HEADERS, true), ...cells.flatMap((c) => item(c, false))];
  const overdue = rows.filter((r) => r.daysOverdue !== null).length;
  out.push('', `${rows.length} action item${rows.length === 1 ? '' : 's'}, ${overdue} overdue`);
  return `${out.join('\n')}\n`;
}

interface Layout {
  /** The columns of each line of an item: one line, or two. */
  lines: Key[][];
  widths: Record<Key, number>;
}

export function fit(natural: Record<Key, number>, width: number | undefined): Layout {
  if (width === undefined) return { lines: [ORDER], widths: natural };
  // A column gives way rather than leave the Action less than a third of the width.
  const wanted = Math.min(natural.action, Math.max(MIN_ACTION, Math.floor(width / 3)));
  const least = Math.min(natural.action, MIN_ACTION);
  const oneLine = (keys: Key[], owner: number): Layout => {
    const widths = { ...natural, owner };
    return { lines: [keys], widths: { ...widths, action: Math.min(natural.action, roomFor(keys, widths, width)) } };
  };
  let keys = ORDER;
  for (let given = 0; given <= GIVE_WAY.length; given++) {
    keys = ORDER.filter((k) => !GIVE_WAY.slice(0, given).includes(k));
    if (roomFor(keys, natural, width) >= wanted) return oneLine(keys, natural.owner);
  }
  if (roomFor(keys, natural, width) >= least) return oneLine(keys, natural.owner);
  // Then the Owner is cut, down to OWNER_MIN, before an item takes two lines.
  const room = roomFor(keys, { ...natural, owner: 0 }, width);
  const owner = Math.min(natural.owner, Math.max(OWNER_MIN, room - wanted));
  if (room - owner >= least) return oneLine(keys, owner);
  // Two lines an item: the ids, date and state, then who and what, indented;
  // three, when the first would not fit: the ids and state, then the date and
  // days overdue. Ids, dates and states are never cut.
  const second = width - INDENT.length;
  const ownerWidth = Math.min(natural.owner, Math.max(OWNER_MIN, second - GAP.length - MIN_ACTION));
  const first = keys.filter((k) => k !== 'action' && k !== 'owner');
  const firstLines: Key[][] =
    spanOf(first, natural) <= width ? [first] : [first.filter((k) => k !== 'due' && k !== 'overdue'), ['due', 'overdue']];
  return {
    lines: [...firstLines, ['owner', 'action']],
    widths: {
      ...natural,
      owner: ownerWidth,
      action: Math.min(natural.action, Math.max(second - GAP.length - ownerWidth, HEADERS.action.length)),
    },
  };
}

// The columns left for the Action on a line of `keys`.
function roomFor(keys: Key[], widths: Record<Key, number>, width: number): number {
  return (
    width -
    spanOf(
      keys.filter((k) => k !== 'action'),
      widths,
    ) -
    GAP.length
  );
}

// The columns taken by `keys` side by side, gaps included.
function spanOf(keys: Key[], widths: Record<Key, number>): number {
  return keys.reduce((sum, k) => sum + widths[k], 0) + GAP.length * Math.max(0, keys.length - 1);
}
