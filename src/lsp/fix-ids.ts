// Quick fixes about ids: give a lesson its id (or the separator after it, or
// an id of its own), add an action item row with the next free AI-<n>, add
// a lesson that is referenced but missing.
import type { List, Table } from 'mdast';
import type { ActionColumn, CoeDocument } from '../model/types.js';
import type { Message } from '../engine/rule.js';
import { escapeMarkdown } from '../util/markdown.js';
import { insert, insertLinesAfter, replace, type Edit } from './edits.js';
import { idOf, lessonDefinitions, nextNumber, sectionNodes } from './ids.js';
import { columnsOf } from './tables.js';

export interface Fix {
  title: string;
  edits: Edit[];
}

const at = (m: Message) => (r: { start: { line: number; column: number } }) => r.start.line === m.line && r.start.column === m.column;

/** Fixes of `lessons-have-actions`. */
export function lessonFixes(doc: CoeDocument, message: Message): Fix[] {
  const def = lessonDefinitions(doc).find((d) => at(message)(d.lesson.textRange));
  if (!def) return [];
  const text = message.message;
  if (text.startsWith('This lesson has no id')) {
    const start = def.item.children[0]?.position?.start;
    if (!start) return [];
    const id = idOf('lesson', nextNumber(doc, 'lesson'));
    return [{ title: `Give this lesson the id ${id}`, edits: [insert(start, `**${id}:** `)] }];
  }
  if (!def.lesson.id || !def.range) return [];
  if (text.includes('has no ":" after its id')) {
    return [{ title: `Write "${def.lesson.id}:"`, edits: [insert(def.range.end, ':')] }];
  }
  if (text.includes('is defined twice')) {
    const id = idOf('lesson', nextNumber(doc, 'lesson'));
    return [{ title: `Give this lesson its own id ${id}`, edits: [replace(def.range, id)] }];
  }
  if (text.includes('has no action item')) {
    const row = actionRow(doc, { lessons: def.lesson.id });
    return row ? [{ title: `Add action item ${row.id} for ${def.lesson.id}`, edits: [row.edit] }] : [];
  }
  return [];
}

/** Fixes of `references-exist`: define what is referenced. */
export function referenceFixes(doc: CoeDocument, message: Message): Fix[] {
  const ref = doc.references.find((r) => at(message)(r.range));
  if (!ref) return [];
  if (ref.kind === 'action') {
    const row = actionRow(doc, { id: ref.id });
    return row ? [{ title: `Add action item ${ref.id} to the Action items table`, edits: [row.edit] }] : [];
  }
  const edit = lessonItem(doc, ref.id);
  return edit ? [{ title: `Add lesson ${ref.id} under Lessons`, edits: [edit] }] : [];
}

/** A new row at the end of the first action items table, its cells in the header's order. */
export function actionRow(doc: CoeDocument, given: { id?: string; lessons?: string }): { id: string; edit: Edit } | undefined {
  const table = sectionNodes(doc, 'action-items').find((n): n is Table => n.type === 'table');
  const end = table?.position?.end;
  if (!table || !end) return undefined;
  const columns = columnsOf(table, doc.actionItems?.items ?? [], doc.actionItems?.table?.columns ?? []);
  if (!columns) return undefined;
  const id = given.id ?? idOf('action', nextNumber(doc, 'action'));
  const owner = doc.frontmatter.data.owner;
  const values: Partial<Record<ActionColumn, string>> = {
    id,
    action: 'TODO',
    term: 'TODO',
    owner: owner ? escapeMarkdown(owner) : 'TODO',
    due: 'TODO',
    status: 'open',
    lessons: given.lessons ?? '',
  };
  const cells = columns.map((c) => (c ? (values[c] ?? '') : ''));
  const indent = ' '.repeat(Math.max(0, (table.position?.start.column ?? 1) - 1));
  return { id, edit: insertLinesAfter(doc, end.line, [`${indent}| ${cells.join(' | ')} |`]) };
}

/** A new lesson item after the last one, in the list's own bullet. */
export function lessonItem(doc: CoeDocument, id: string): Edit | undefined {
  const section = doc.sectionsByKey.get('lessons')?.[0];
  if (!section) return undefined;
  const lists = sectionNodes(doc, 'lessons').filter((n): n is List => n.type === 'list');
  const item = lists.at(-1)?.children.at(-1);
  const text = `**${id}:** TODO`;
  if (!item?.position) return insertLinesAfter(doc, section.range.end.line, ['', `- ${text}`]);
  const start = item.position.start;
  const content = item.children[0]?.position?.start;
  const line = doc.lines[start.line - 1] ?? '';
  const prefix = content && content.line === start.line ? line.slice(0, content.column - 1) : `${line.slice(0, start.column - 1)}- `;
  return insertLinesAfter(doc, item.position.end.line, [prefix + text]);
}
