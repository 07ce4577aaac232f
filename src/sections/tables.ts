// Reading GFM tables: the first table of a section, its header and its cells.
import type { RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Cell, Range } from '../model/types.js';
import { rangeOf, textOf } from '../model/text.js';
import { oneLine } from '../util/text.js';

export function firstTable(nodes: RootContent[]): Table | undefined {
  return nodes.find((n): n is Table => n.type === 'table');
}

export function cellsOf(row: TableRow): Cell[] {
  return row.children.map((cell) => ({ text: textOf(cell), range: cellTextRange(cell), node: cell }));
}

// A finding about a cell points at its text, not at the "|" that opens it.
// An empty cell points just after its "|".
export function cellTextRange(cell: TableCell): Range {
  const first = cell.children[0];
  const last = cell.children.at(-1);
  if (first && last) return { start: rangeOf(first).start, end: rangeOf(last).end };
  const range = rangeOf(cell);
  const after = { line: range.start.line, column: range.start.column + 1 };
  return { start: after, end: after };
}

export function foldHeader(text: string): string {
  return oneLine(text.toLowerCase().replace(/[*_`]/g, ''));
}

/** Maps each header cell to the first column whose matcher accepts it; each column once. */
export function matchColumns<C extends string>(
  header: TableRow,
  matchers: readonly (readonly [C, (folded: string) => boolean])[],
): (C | undefined)[] {
  const taken = new Set<C>();
  return header.children.map((cell) => {
    const folded = foldHeader(textOf(cell));
    for (const [column, accepts] of matchers) {
      if (!taken.has(column) && accepts(folded)) {
        taken.add(column);
        return column;
      }
    }
    return undefined;
  });
}
