// The ledger as a terminal table, fitted to a width: the Action text is cut
// with "…", never an id or a date. Rather than leave the Action less than a
// third of the width, Lessons, Reach and Term give way, in that order; then
// the Owner is cut; narrower still, each item takes two lines, the Action on
// the second.
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

function cellOf(row: ActionRow, key: Key): string {
  switch (key) {
    case 'coe':
      return terminalText(row.coe);
    case 'id':
      return terminalText(row.id);
    case 'due':
      return row.due ?? '';
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
  const out: string[] = [];
  const actionLine = (text: string, header: boolean) => {
    const cutText = cut(text, layout.widths.action);
    return `${INDENT}${header ? chalk.bold(cutText) : cutText}`.trimEnd();
  };
  out.push(line(layout.keys, HEADERS, true));
  if (layout.stacked) out.push(actionLine(HEADERS.action, true));
  for (const c of cells) {
    out.push(line(layout.keys, c, false));
    if (layout.stacked) out.push(actionLine(c.action, false));
  }
  const overdue = rows.filter((r) => r.daysOverdue !== null).length;
  out.push('', `${rows.length} action item${rows.length === 1 ? '' : 's'}, ${overdue} overdue`);
  return `${out.join('\n')}\n`;
}

interface Layout {
  /** The columns of the (first) line. */
  keys: Key[];
  widths: Record<Key, number>;
  /** Two lines an item: the Action on the second. */
  stacked: boolean;
}

export function fit(natural: Record<Key, number>, width: number | undefined): Layout {
  if (width === undefined) return { keys: ORDER, widths: natural, stacked: false };
  // A column gives way rather than leave the Action less than a third of the width.
  const wanted = Math.min(natural.action, Math.max(MIN_ACTION, Math.floor(width / 3)));
  const least = Math.min(natural.action, MIN_ACTION);
  const line = (keys: Key[], owner: number): Layout => {
    const widths = { ...natural, owner };
    return { keys, widths: { ...widths, action: Math.min(natural.action, roomFor(keys, widths, width)) }, stacked: false };
  };
  let keys = ORDER;
  for (let given = 0; given <= GIVE_WAY.length; given++) {
    keys = ORDER.filter((k) => !GIVE_WAY.slice(0, given).includes(k));
    if (roomFor(keys, natural, width) >= wanted) return line(keys, natural.owner);
  }
  if (roomFor(keys, natural, width) >= least) return line(keys, natural.owner);
  // Then the Owner is cut, down to OWNER_MIN, before an item takes two lines.
  const room = roomFor(keys, { ...natural, owner: 0 }, width);
  const owner = Math.min(natural.owner, Math.max(OWNER_MIN, room - wanted));
  if (room - owner >= least) return line(keys, owner);
  // Two lines an item, the Action on the second; the Owner cut if the first would not fit.
  const first = keys.filter((k) => k !== 'action');
  const ownerRoom =
    width -
    spanOf(
      first.filter((k) => k !== 'owner'),
      natural,
    ) -
    GAP.length;
  return {
    keys: first,
    widths: {
      ...natural,
      owner: Math.min(natural.owner, Math.max(ownerRoom, HEADERS.owner.length)),
      action: Math.min(natural.action, Math.max(width - INDENT.length, HEADERS.action.length)),
    },
    stacked: true,
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
