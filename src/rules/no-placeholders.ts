// No TODO, TBD, FIXME, ??? or {{…}} left from a template, in the body prose
// or in a frontmatter value. Code and HTML comments (template guidance) are
// not prose, so they are never read here.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import type { CoeDocument, Range } from '../model/types.js';
import { rangeAt } from '../model/text.js';
import { PLACEHOLDER_WORDS, placeholderFinder, type Placeholder, type PlaceholderFinder as Find } from '../util/placeholders.js';

// Options:
//   words: the placeholder words, matched whole and case-sensitively, since
//          templates write them in capitals and "a todo list" is English
//          (default TODO, TBD, FIXME). `???` standing alone and `{{…}}` are always placeholders.
const options = z.strictObject({
  words: z.array(z.string().min(1)).default([...PLACEHOLDER_WORDS]),
});

function message(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `Placeholder "${shown}" is left from the template: write the real content in its place, or remove it`;
}

function proseFindings(doc: CoeDocument, find: Find): RuleFinding[] {
  return doc.prose.flatMap((run) =>
    find(run.text).map((hit) => ({ message: message(hit.text), range: rangeAt(run, hit.index, hit.text.length) })),
  );
}

// A frontmatter value's placeholders, placed in the file: the scalar's own
// source text is searched so quotes and folding do not shift the column.
function frontmatterFindings(doc: CoeDocument, find: Find): RuleFinding[] {
  return doc.frontmatter.strings.flatMap((entry) => {
    const inValue = find(entry.value);
    if (inValue.length === 0) return [];
    const inSource = sourceHits(doc.lines, entry.range, find);
    const placed = inSource.length === inValue.length ? inSource : inValue.map((hit) => ({ hit, range: entry.range }));
    return placed.map(({ hit, range }) => ({ message: message(hit.text), range }));
  });
}

function sourceHits(lines: string[], range: Range, find: Find): { hit: Placeholder; range: Range }[] {
  const out: { hit: Placeholder; range: Range }[] = [];
  for (let line = range.start.line; line <= range.end.line; line++) {
    const text = lines[line - 1] ?? '';
    const from = line === range.start.line ? range.start.column - 1 : 0;
    const to = line === range.end.line ? range.end.column - 1 : text.length;
    for (const hit of find(text.slice(from, to))) {
      const column = from + hit.index + 1;
      out.push({ hit, range: { start: { line, column }, end: { line, column: column + hit.text.length } } });
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'no-placeholders',
    severity: 'error',
    draftSeverity: 'warn',
    description: 'No TODO, TBD, FIXME, ??? or {{…}} left from a template',
    options,
    docs: {
      rationale:
        'A COE is scaffolded from a template whose blanks are marked `TODO`, `TBD`, `FIXME`, `???` or `{{…}}`. ' +
        'A marker left behind means a question is still open, so the rule warns while the COE is a `draft` and is an ' +
        'error from `review` on. Code and HTML comments (template guidance) are not read; words match whole and in ' +
        'capitals, so "a todo list" or "TODOS" are not placeholders.',
      fail: dedent(`
        ## Customer summary

        Between 06:48 and 07:58 UTC, about 3% of orders failed. TODO: confirm the count with the data team. {no-placeholders}
        We will finish the fix by {{due date}}. {no-placeholders}
      `),
      pass: dedent(`
        ## Customer summary

        Between 06:48 and 07:58 UTC, 2,140 orders (3%) failed.
        We will finish the fix by October 31, 2025.
      `),
    },
  },
  check({ doc, options }) {
    const find = placeholderFinder(options.words);
    return [...frontmatterFindings(doc, find), ...proseFindings(doc, find)];
  },
});
