// Lesson and action item ids in a document: where each is defined (a
// lesson's opening `L<n>:`, an action item's ID cell) and referenced (the
// model's references), and the next free number.
import type { ListItem, Nodes, RootContent } from 'mdast';
import type { ActionItem, CoeDocument, Lesson, Point, Range, Reference, SectionKey } from '../model/types.js';
import { isIdCode, referencesIn, textRun } from '../model/text.js';
import { within } from './positions.js';

export type IdKind = Reference['kind'];

export interface IdOccurrence {
  id: string;
  kind: IdKind;
  range: Range;
  definition: boolean;
}

export interface LessonDefinition {
  lesson: Lesson;
  item: ListItem;
  /** The id token, when the lesson has one. */
  range: Range | undefined;
}

export interface ActionDefinition {
  item: ActionItem;
  /** The id token in the ID cell, when there is one. */
  range: Range | undefined;
}

/** The body nodes of the first section with this key (the one the model reads). */
export function sectionNodes(doc: CoeDocument, key: SectionKey): RootContent[] {
  const section = doc.sectionsByKey.get(key)?.[0];
  return section ? doc.root.children.slice(section.bodyStart, section.bodyEnd) : [];
}

/** The lessons with their list items, in the order of the model. */
export function lessonDefinitions(doc: CoeDocument): LessonDefinition[] {
  const lessons = doc.lessons ?? [];
  const items = sectionNodes(doc, 'lessons').flatMap((n) => (n.type === 'list' ? n.children : []));
  return lessons.flatMap((lesson, i) => {
    const item = items[i];
    if (!item) return [];
    return [{ lesson, item, range: lesson.id ? firstToken(item, doc, 'lessons', lesson.id) : undefined }];
  });
}

export function actionDefinitions(doc: CoeDocument): ActionDefinition[] {
  return (doc.actionItems?.items ?? []).map((item) => {
    const cell = item.cells.id;
    const range = cell && item.id ? tokensOf(cell.node, doc, 'action-items').find((r) => r.id === item.id)?.range : undefined;
    return { item, range };
  });
}

// The first text of a lesson item, as the parser reads its id.
function firstToken(item: ListItem, doc: CoeDocument, key: SectionKey, id: string): Range | undefined {
  let node: Nodes | undefined = item.children[0];
  while (node && 'children' in node && node.children.length > 0) node = node.children[0];
  if (node?.type !== 'text') return undefined;
  const first = referencesIn(textRun(node, doc.lines, key))[0];
  return first?.id === id ? first.range : undefined;
}

function tokensOf(node: Nodes, doc: CoeDocument, key: SectionKey): Reference[] {
  if (node.type === 'text' || (node.type === 'inlineCode' && isIdCode(node.value))) return referencesIn(textRun(node, doc.lines, key));
  if ('children' in node) return node.children.flatMap((c) => tokensOf(c as Nodes, doc, key));
  return [];
}

/** Every occurrence of every id: definitions and references, in file order. */
export function occurrences(doc: CoeDocument): IdOccurrence[] {
  const out: IdOccurrence[] = [];
  for (const d of lessonDefinitions(doc)) {
    if (d.range && d.lesson.id) out.push({ id: d.lesson.id, kind: 'lesson', range: d.range, definition: true });
  }
  for (const d of actionDefinitions(doc)) {
    if (d.range) out.push({ id: d.item.id, kind: 'action', range: d.range, definition: true });
  }
  for (const r of doc.references) out.push({ id: r.id, kind: r.kind, range: r.range, definition: false });
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
}

export function occurrenceAt(doc: CoeDocument, point: Point): IdOccurrence | undefined {
  return occurrences(doc).find((o) => within(o.range, point));
}

/** The next number not taken by any id of that kind, defined or referenced. */
export function nextNumber(doc: CoeDocument, kind: IdKind): number {
  const prefix = kind === 'lesson' ? 'L' : 'AI-';
  const taken = [
    ...(kind === 'lesson' ? (doc.lessons ?? []).map((l) => l.id) : (doc.actionItems?.items ?? []).map((i) => i.id)),
    ...doc.references.filter((r) => r.kind === kind).map((r) => r.id),
  ];
  let max = 0;
  for (const id of taken) {
    if (!id?.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isSafeInteger(n) && n > max) max = n;
  }
  return max + 1;
}

export function idOf(kind: IdKind, n: number): string {
  return kind === 'lesson' ? `L${n}` : `AI-${n}`;
}
