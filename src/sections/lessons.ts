// Lessons: a list whose items begin with their id, `L<n>`, then ":", "." or a dash.
import type { List, Nodes } from 'mdast';
import type { Lesson } from '../model/types.js';
import { pointKey, rangeOf, referencesIn, textOf, textRun } from '../model/text.js';
import type { SectionInput } from './context.js';

const LESSON_ID = /^(L[1-9]\d*)\s*[:.\-\u2013\u2014]\s*/;
// The id alone, then the text: `**L1** Health checks…`, which lacks its separator.
const BARE_ID = /^(L[1-9]\d*)\s+(?=\S)/;

export function parseLessons(input: SectionInput): Lesson[] {
  // Every list of the section: lessons may be grouped under level-3 headings.
  const items = input.nodes.filter((n): n is List => n.type === 'list').flatMap((list) => list.children);
  return items.map((item) => {
    const first = item.children[0];
    const text = first ? textOf(first) : '';
    const match = LESSON_ID.exec(text) ?? BARE_ID.exec(text);
    if (match && first) markDefinition(first, input);
    const separator = match === null || LESSON_ID.test(text);
    const range = rangeOf(item);
    const textRange = first ? rangeOf(first) : range;
    return { id: match?.[1], separator, text: match ? text.slice(match[0].length) : text, range, textRange };
  });
}

// The first text node begins with the id (inside **bold** or not); the id defines, not references.
function markDefinition(node: Nodes, input: SectionInput): void {
  let current: Nodes | undefined = node;
  while (current && 'children' in current && current.children.length > 0) current = current.children[0];
  if (current?.type !== 'text') return;
  const first = referencesIn(textRun(current, input.lines, input.key))[0];
  if (first && first.kind === 'lesson') input.definitions.add(pointKey(first.range.start));
}
