// Inline control comments (format 3.9):
//   <!-- coe-disable RULE[, RULE] [-- reason] -->   <!-- coe-enable RULE -->
//   <!-- coe-disable-line RULE -->   <!-- coe-disable-next-line RULE -->
// A comment that begins `coe-` but names no directive is kept too, so that the
// engine can report it instead of letting it pass silently. Directives and
// rule ids are read in any case.
import type { ControlComment, Range } from '../model/types.js';

export const DIRECTIVES = ['disable', 'enable', 'disable-line', 'disable-next-line'] as const;

const COMMENT = /<!--([\s\S]*?)-->/g;

export function readControlComments(html: string, range: Range): ControlComment[] {
  if (!html.includes('coe-') && !/coe-/i.test(html)) return [];
  const out: ControlComment[] = [];
  for (const match of html.matchAll(COMMENT)) {
    const body = (match[1] ?? '').trim();
    if (!/^coe-/i.test(body)) continue;
    const [head = '', ...rest] = body.split(/\s+--(?:\s|$)/);
    const words = head.trim().split(/\s+/);
    // Case does not matter, as in markdownlint: COE-DISABLE-LINE is coe-disable-line.
    const directive = words[0]!.slice('coe-'.length).replace(/--.*$/, '').toLowerCase();
    const rules = words
      .slice(1)
      .join(' ')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((rule) => rule.toLowerCase());
    const known = (DIRECTIVES as readonly string[]).includes(directive);
    out.push({
      kind: known ? (directive as ControlComment['kind']) : 'unknown',
      directive: words[0]!,
      rules,
      reason: rest.join(' -- ').trim() || undefined,
      range: rangeWithin(html, range, match.index, match[0].length),
    });
  }
  return out;
}

// The place of a comment inside the HTML node that holds it.
function rangeWithin(html: string, range: Range, index: number, length: number): Range {
  const at = (offset: number) => {
    const before = html.slice(0, offset);
    const newlines = before.split('\n').length - 1;
    if (newlines === 0) return { line: range.start.line, column: range.start.column + offset };
    return { line: range.start.line + newlines, column: offset - before.lastIndexOf('\n') };
  };
  return { start: at(index), end: at(index + length) };
}
