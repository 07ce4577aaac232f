// Which column of the model each header cell of a table is. The model keeps
// the columns it matched, not their places, so the places are read from the
// cells of its rows (each knows its node); a table with no rows yet has
// them in the header's order when every header cell matched.
import type { Table, TableCell } from 'mdast';
import type { Cell } from '../model/types.js';

export function columnsOf<C extends string>(
  table: Table,
  rows: readonly { cells: Partial<Record<C, Cell>> }[],
  matched: readonly C[],
): (C | undefined)[] | undefined {
  const header = table.children[0];
  if (!header) return undefined;
  const index = new Map<TableCell, number>();
  for (const row of table.children.slice(1)) row.children.forEach((cell, i) => index.set(cell, i));
  const columns: (C | undefined)[] = header.children.map(() => undefined);
  for (const row of rows) {
    let known = false;
    for (const [column, cell] of Object.entries(row.cells) as [C, Cell | undefined][]) {
      const i = cell ? index.get(cell.node) : undefined;
      if (i !== undefined && i < columns.length) {
        columns[i] = column;
        known = true;
      }
    }
    if (known) return columns;
  }
  return matched.length === header.children.length ? [...matched] : undefined;
}
