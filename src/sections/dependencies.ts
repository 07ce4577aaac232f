// Dependencies: a table with columns found by keyword, or a "None …" paragraph.
import type { DependenciesModel, DependencyColumn, DependencyRow } from '../model/types.js';
import { countWords, rangeOf, textOf } from '../model/text.js';
import type { SectionInput } from './context.js';
import { cellsOf, firstTable, matchColumns } from './tables.js';

export const DEPENDENCY_COLUMNS: readonly DependencyColumn[] = [
  'dependency',
  'promise',
  'asPromised',
  'implementation',
  'failureMode',
  'blastRadius',
];

export const DEPENDENCY_HEADERS: Record<DependencyColumn, string> = {
  dependency: 'Dependency',
  promise: 'Promise',
  asPromised: 'As promised',
  implementation: 'Our implementation',
  failureMode: 'Failure mode',
  blastRadius: 'Blast radius',
};

const has =
  (...words: string[]) =>
  (folded: string) =>
    words.some((w) => folded.includes(w));

// More specific keywords first: "As promised" also holds "promise".
const MATCHERS = [
  ['asPromised', has('as promised', 'performed')],
  ['failureMode', has('failure mode')],
  ['blastRadius', has('blast radius')],
  ['implementation', has('implementation')],
  ['promise', has('promise', 'sla')],
  ['dependency', has('dependency', 'dependencies')],
] as const;

export function parseDependencies(input: SectionInput): DependenciesModel {
  const model: DependenciesModel = { table: undefined, none: undefined, range: input.range };
  const table = firstTable(input.nodes);
  if (table) {
    const [header, ...rows] = table.children;
    const columns = header ? matchColumns<DependencyColumn>(header, MATCHERS) : [];
    const found = columns.filter((c): c is DependencyColumn => c !== undefined);
    model.table = {
      columns: found,
      missingColumns: DEPENDENCY_COLUMNS.filter((c) => !found.includes(c)),
      rows: rows.map((row) => {
        const cells = cellsOf(row);
        const out: DependencyRow = { cells: {}, references: [], range: rangeOf(row) };
        columns.forEach((column, i) => {
          const cell = cells[i];
          if (column && cell) out.cells[column] = cell;
        });
        return out;
      }),
      range: rangeOf(table),
    };
    return model;
  }
  const none = input.nodes.find((n) => n.type === 'paragraph' && /^none\b/i.test(textOf(n)));
  if (none) {
    const text = textOf(none);
    model.none = { text, words: countWords(text), range: rangeOf(none) };
  }
  return model;
}
