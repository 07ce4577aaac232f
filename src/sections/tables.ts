// Reading GFM tables: the first table of a section, its header and its cells.
import type { RootContent, Table, TableRow } from 'mdast';
import type { Cell } from '../model/types.js';
import { rangeOf, textOf } from '../model/text.js';

export function firstTable(nodes: RootContent[]): Table | undefined {
  return nodes.find((n): n is Table => n.type === 'table');
}

export function cellsOf(row: TableRow): Cell[] {
  return row.children.map((cell) => ({ text: textOf(cell), range: rangeOf(cell) }));
}

export function foldHeader(text: string): string {
  return text.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
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
