// Action items: a table with the columns of section 3.7, matched by header text.
import type { Nodes, Table, TableRow } from 'mdast';
import type { ActionColumn, ActionItem, ActionItemsModel, Reference, TextRun } from '../model/types.js';
import { isIdCode, pointKey, rangeOf, referencesIn, textRun } from '../model/text.js';
import type { SectionInput } from './context.js';
import { cellsOf, matchColumns } from './tables.js';

/** The required columns; Reach (format 3.7) is optional. */
export const ACTION_COLUMNS: readonly ActionColumn[] = ['id', 'action', 'term', 'owner', 'due', 'status', 'lessons', 'validation'];

export const ACTION_HEADERS: Record<ActionColumn, string> = {
  id: 'ID',
  action: 'Action',
  term: 'Term',
  owner: 'Owner',
  due: 'Due',
  status: 'Status',
  lessons: 'Lessons',
  validation: 'Validation',
  reach: 'Reach',
};

const named =
  (...names: string[]) =>
  (folded: string) =>
    names.some((n) => folded === n || folded.startsWith(`${n} `) || folded.startsWith(`${n}(`));

const MATCHERS = [
  ['id', named('id', '#')],
  ['action', named('action', 'actions', 'action item', 'what')],
  ['term', named('term')],
  ['owner', named('owner', 'owners')],
  ['due', named('due', 'due date')],
  ['status', named('status')],
  ['lessons', named('lessons', 'lesson')],
  ['validation', named('validation', 'validated by', 'verification')],
  ['reach', named('reach')],
] as const;

export function parseActionItems(input: SectionInput): ActionItemsModel {
  // Every table of the section (teams split them by term, say); the first
  // one's header stands for the columns.
  const tables = input.nodes.filter((n): n is Table => n.type === 'table');
  const table = tables[0];
  if (!table) return { table: undefined, items: [], range: input.range };
  const header = table.children[0];
  const found = header ? present(matchColumns<ActionColumn>(header, MATCHERS)) : [];
  return {
    table: {
      columns: found,
      missingColumns: ACTION_COLUMNS.filter((c) => !found.includes(c)),
      headerRange: header ? rangeOf(header) : rangeOf(table),
    },
    items: tables.flatMap((t) => {
      const [head, ...rows] = t.children;
      const columns = head ? matchColumns<ActionColumn>(head, MATCHERS) : [];
      return rows.map((row) => readItem(row, columns, input));
    }),
    range: input.range,
  };
}

function present(columns: (ActionColumn | undefined)[]): ActionColumn[] {
  return columns.filter((c): c is ActionColumn => c !== undefined);
}

function readItem(row: TableRow, columns: (ActionColumn | undefined)[], input: SectionInput): ActionItem {
  const cells = cellsOf(row);
  const item: ActionItem = {
    cells: {},
    id: '',
    action: '',
    term: '',
    owner: '',
    due: '',
    status: '',
    validation: '',
    reach: '',
    lessons: [],
    range: rangeOf(row),
  };
  columns.forEach((column, i) => {
    const cell = cells[i];
    if (!column || !cell) return;
    item.cells[column] = cell;
    if (column === 'lessons') item.lessons = lessonRefs(row.children[i]!, input);
    else item[column] = cell.text;
    // The ID cell defines the id; it is not a reference to it.
    if (column === 'id') {
      const runs = collectText(row.children[i]!).map((t) => textRun(t, input.lines, input.key));
      runs.flatMap(referencesIn).forEach((r) => input.definitions.add(pointKey(r.range.start)));
    }
  });
  item.status = item.status.toLowerCase();
  item.reach = item.reach.toLowerCase();
  item.term = item.term.toLowerCase();
  return item;
}

function lessonRefs(cell: Nodes, input: SectionInput): Reference[] {
  const runs: TextRun[] = collectText(cell).map((t) => textRun(t, input.lines, 'action-items'));
  return runs.flatMap(referencesIn).filter((r) => r.kind === 'lesson');
}

function collectText(node: Nodes): Extract<Nodes, { type: 'text' | 'inlineCode' }>[] {
  if (node.type === 'text') return [node];
  if (node.type === 'inlineCode' && isIdCode(node.value)) return [node];
  if ('children' in node) return node.children.flatMap((c) => collectText(c as Nodes));
  return [];
}
