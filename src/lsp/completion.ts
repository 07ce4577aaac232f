// Completion: frontmatter keys and the values of `status` and
// `incident.detected_by`; section headings; the values of the action item
// and dependency columns (status, term, reach, lessons, as promised,
// failure mode); and `L<n>` / `AI-<n>` ids. The context is read from the
// model (where the line is: frontmatter, which section, which table cell)
// and the text typed before the cursor on the current line.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { Table, TableRow, Yaml } from 'mdast';
import { keysWithoutLine } from '../parse/frontmatter.js';
import type { Analysis } from './analysis.js';
import type { CoeDocument, SectionKey } from '../model/types.js';
import { DETECTION_SOURCES, frontmatterSchema, incidentSchema, STATUSES } from '../model/frontmatter-schema.js';
import { ACTION_STATUSES, AS_PROMISED, FAILURE_MODES, REACHES, TERMS } from '../model/vocabulary.js';
import { SECTIONS } from '../model/sections.js';
import { idOf, nextNumber, sectionNodes } from './ids.js';
import { columnsOf } from './tables.js';

interface Context {
  doc: CoeDocument;
  analysis: Analysis;
  /** 1-based line of the cursor. */
  line: number;
  /** The text of the current line before the cursor, as it is now. */
  before: string;
  /** The rest of the line after the cursor. */
  after: string;
  position: Position;
}

/** `text` is the document's current text of the cursor's line. */
export function completions(analysis: Analysis, doc: CoeDocument, position: Position, text: string): CompletionItem[] {
  const context: Context = {
    doc,
    analysis,
    line: position.line + 1,
    before: text.slice(0, position.character),
    after: text.slice(position.character),
    position,
  };
  const fm = doc.frontmatter.range;
  if (fm && context.line > fm.start.line && context.line < fm.end.line) return frontmatterItems(context);
  if (fm && context.line <= fm.end.line) return [];
  return headingItems(context) ?? cellItems(context) ?? idItems(context);
}

// The characters of a word being typed: a key, a value, an id.
const WORD_CHAR = /[A-Za-z0-9_-]/;

// The partial word before the cursor, replaced by the item chosen.
function partial(context: Context): { range: { start: Position; end: Position }; text: string } {
  let i = context.before.length;
  while (i > 0 && WORD_CHAR.test(context.before[i - 1]!)) i--;
  return { range: { start: { line: context.position.line, character: i }, end: context.position }, text: context.before.slice(i) };
}

function item(
  context: Context,
  label: string,
  kind: CompletionItemKind,
  extra: Partial<CompletionItem> = {},
  insert = label,
): CompletionItem {
  const { range } = partial(context);
  // The whole word is replaced, also what follows the cursor: "op|en" chosen as "open" stays "open".
  let rest = 0;
  while (rest < context.after.length && WORD_CHAR.test(context.after[rest]!)) rest++;
  const end = { line: range.end.line, character: range.end.character + rest };
  return { label, kind, textEdit: { range: { start: range.start, end }, newText: insert }, ...extra };
}

// ── frontmatter ──

const TOP_KEYS = Object.entries(frontmatterSchema().shape) as [string, { description?: string }][];
const INCIDENT_KEYS = Object.entries(incidentSchema.shape) as [string, { description?: string }][];

function frontmatterItems(context: Context): CompletionItem[] {
  const { before } = context;
  const colon = before.indexOf(':');
  if (colon >= 0) {
    // A value: after "key:" on this line.
    const key = before.slice(0, colon).trim().replace(/^- /, '');
    const values = key === 'status' ? STATUSES : key === 'detected_by' ? DETECTION_SOURCES : [];
    return values.map((v, i) => item(context, v, CompletionItemKind.EnumMember, { sortText: String(i).padStart(2, '0') }));
  }
  if (before.trim() !== partial(context).text) return [];
  const written = writtenKeys(context);
  const indented = before.length > 0 && before[0] === ' ';
  const parent = indented ? parentKey(context) : undefined;
  if (indented && parent !== 'incident') return [];
  const keys = parent === 'incident' ? INCIDENT_KEYS : TOP_KEYS;
  const prefix = parent ? `${parent}.` : '';
  return keys
    .filter(([key]) => !written.has(prefix + key))
    .map(([key, schema], i) =>
      item(context, key, CompletionItemKind.Property, { detail: schema.description, sortText: String(i).padStart(2, '0') }, `${key}: `),
    );
}

// The keys written, read without the line being typed: a half-typed key
// ("  cu") runs into the line after it, and hides the key written there.
function writtenKeys(context: Context): Set<string> {
  const keys = new Set(context.doc.frontmatter.positions.keys());
  const yaml = context.doc.root.children.find((n): n is Yaml => n.type === 'yaml');
  if (yaml) for (const key of keysWithoutLine(yaml, context.line)) keys.add(key);
  return keys;
}

// The top-level key whose block the line is in: the last one that starts above it.
function parentKey(context: Context): string | undefined {
  let found: { key: string; line: number } | undefined;
  for (const [path, range] of context.doc.frontmatter.positions) {
    if (path.includes('.') || range.start.line >= context.line) continue;
    if (!found || range.start.line > found.line) found = { key: path, line: range.start.line };
  }
  return found?.key;
}

// ── headings ──

function headingItems(context: Context): CompletionItem[] | undefined {
  const typed = context.before;
  const hashes = typed.length - typed.replace(/^#+/, '').length;
  if (hashes === 0 || hashes > 2 || !/^#+ ?[\p{L}\d ]*$/u.test(typed)) return undefined;
  const present = new Set(context.doc.sectionsByKey.keys());
  const range = { start: { line: context.position.line, character: 0 }, end: context.position };
  return SECTIONS.map((s, i) => {
    const missing = !present.has(s.key);
    const rank = (s.required && missing ? 0 : missing ? 1 : 2) * 100 + i;
    return {
      label: `## ${s.canonical}`,
      kind: CompletionItemKind.Module,
      detail: s.required ? (missing ? 'required section, missing' : 'required section') : 'optional section',
      filterText: `${typed.slice(0, hashes)}${typed.slice(hashes).trimStart() ? ` ${typed.slice(hashes).trimStart()}` : ''}${s.canonical}`,
      sortText: String(rank).padStart(4, '0'),
      textEdit: { range, newText: `## ${s.canonical}` },
    };
  });
}

// ── table cells ──

function cellItems(context: Context): CompletionItem[] | undefined {
  const found = rowAt(context, 'action-items') ?? rowAt(context, 'dependencies');
  if (!found) return undefined;
  const { key, table, row } = found;
  const index = cellIndex(row, context.position.character + 1);
  if (index === undefined) return undefined;
  const values = key === 'action-items' ? actionValues(context, table, index) : dependencyValues(context, table, index);
  return values;
}

function rowAt(context: Context, key: SectionKey): { key: SectionKey; table: Table; row: TableRow } | undefined {
  for (const node of sectionNodes(context.doc, key)) {
    if (node.type !== 'table') continue;
    const row = node.children.slice(1).find((r) => r.position?.start.line === context.line);
    if (row) return { key, table: node, row };
  }
  return undefined;
}

// The cell the cursor is in: the last that starts before it (cells after it may have moved as the line was typed).
function cellIndex(row: TableRow, column: number): number | undefined {
  let index: number | undefined;
  row.children.forEach((cell, i) => {
    if ((cell.position?.start.column ?? Infinity) < column) index = i;
  });
  return index;
}

function values(context: Context, list: readonly string[], kind = CompletionItemKind.EnumMember): CompletionItem[] {
  return list.map((v, i) => item(context, v, kind, { sortText: String(i).padStart(2, '0') }));
}

function actionValues(context: Context, table: Table, index: number): CompletionItem[] {
  const model = context.doc.actionItems;
  const column = columnsOf(table, model?.items ?? [], model?.table?.columns ?? [])?.[index];
  switch (column) {
    case 'status':
      return values(context, ACTION_STATUSES);
    case 'term':
      return values(context, TERMS);
    case 'reach':
      return values(context, REACHES);
    case 'lessons':
      return lessonItems(context);
    case 'id':
      return [
        item(context, idOf('action', nextNumber(context.doc, 'action')), CompletionItemKind.Reference, { detail: 'the next free id' }),
      ];
    default:
      return idItems(context);
  }
}

function dependencyValues(context: Context, table: Table, index: number): CompletionItem[] {
  const model = context.doc.dependencies?.table;
  const column = columnsOf(table, model?.rows ?? [], model?.columns ?? [])?.[index];
  if (column === 'asPromised') return values(context, AS_PROMISED);
  if (column === 'failureMode') return values(context, FAILURE_MODES);
  return idItems(context);
}

// ── ids ──

function idItems(context: Context): CompletionItem[] {
  const typed = partial(context).text;
  if (!/^(?:L\d*|AI?-?\d*)$/.test(typed) || typed === '') return [];
  return typed.startsWith('A') ? actionItems(context) : lessonItems(context);
}

function lessonItems(context: Context): CompletionItem[] {
  return (context.doc.lessons ?? []).flatMap((lesson, i) =>
    lesson.id
      ? [item(context, lesson.id, CompletionItemKind.Reference, { detail: lesson.text, sortText: String(i).padStart(4, '0') })]
      : [],
  );
}

function actionItems(context: Context): CompletionItem[] {
  return (context.doc.actionItems?.items ?? []).flatMap((a, i) =>
    a.id
      ? [
          item(context, a.id, CompletionItemKind.Reference, {
            detail: [a.status, a.action].filter(Boolean).join(': '),
            sortText: String(i).padStart(4, '0'),
          }),
        ]
      : [],
  );
}
