// Tidying what removing ids, handles and internal hosts left behind: "(see )",
// "(, )", "[ ]", a dangling arrow, ", ." and doubled spaces. Each step is one
// linear scan: text near a removal is whatever the author wrote, and a
// backtracking pattern over runs of separators took seconds on a few KB.

import { REMOVED } from '../util/terms.js';
import { arrowAt } from '../parse/references.js';

/** Stands where something was removed, until the text around it is tidied (NUL never survives decoding). */
export const MARK = REMOVED;

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
// The characters a removal leaves between two words: spaces, commas, semicolons and other marks.
const isSeparator = (c: string | undefined) => c === MARK || c === ',' || c === ';' || isSpace(c);

/** Drops the marks and what removing them left behind. */
export function tidyMarked(value: string): string {
  if (!value.includes(MARK)) return value;
  let s = collapseMarks(value);
  s = emptyBrackets(s, '(', ')', ['see also', 'see', 'cf.', 'cf']);
  s = emptyBrackets(s, '[', ']', []);
  s = danglingArrows(s);
  s = trailingSeparators(s);
  s = repeatedCommas(s);
  return closeGaps(s);
}

/** One mark for each run of marks (a removal masks every character it removed). */
export function collapseMarks(value: string): string {
  let out = '';
  let at = 0;
  for (let i = value.indexOf(MARK); i !== -1; i = value.indexOf(MARK, i)) {
    out += value.slice(at, i + 1);
    while (value[i] === MARK) i++;
    at = i;
  }
  return out + value.slice(at);
}

// The end of the run of separators that starts at `from`, and whether it holds a mark.
function separatorRun(s: string, from: number): { end: number; marked: boolean } {
  let end = from;
  let marked = false;
  while (end < s.length && isSeparator(s[end])) {
    if (s[end] === MARK) marked = true;
    end++;
  }
  return { end, marked };
}

// "(see AI-1, AI-2)", "(L1)", "[AI-3]" with every id removed: the brackets go too.
function emptyBrackets(s: string, open: string, close: string, leads: string[]): string {
  if (!s.includes(open)) return s;
  let out = '';
  let at = 0;
  for (let i = s.indexOf(open); i !== -1; i = s.indexOf(open, i + 1)) {
    if (i < at) continue;
    let inner = i + 1;
    while (isSpace(s[inner])) inner++;
    const starts = [...leads.filter((w) => s.slice(inner, inner + w.length).toLowerCase() === w).map((w) => inner + w.length), i + 1];
    for (const start of starts) {
      const run = separatorRun(s, start);
      if (run.marked && s[run.end] === close) {
        // A space keeps the words around apart: "cell-(AI-1)router" is not "cell-router".
        out += `${s.slice(at, i)} ${MARK}`;
        at = run.end + 1;
        break;
      }
    }
  }
  return out + s.slice(at);
}

// "→ L2" or "-> AI-1, AI-2" (any arrow the lint reads) at the end of a sentence with the ids removed: the arrow goes too.
function danglingArrows(s: string): string {
  let out = '';
  let at = 0;
  for (let i = 0; i < s.length; i++) {
    const arrow = arrowAt(s, i);
    if (arrow === 0) continue;
    const run = separatorRun(s, i + arrow);
    const last = lastRemovable(s, i + arrow, run.end);
    if (last === undefined) continue;
    let start = i;
    while (start > at && isSpace(s[start - 1])) start--;
    out += s.slice(at, start) + MARK;
    at = last + 1;
    i = last;
  }
  return out + s.slice(at);
}

// The last mark of a run after an arrow that only ends a phrase: the run reaches the end of the
// text or closing punctuation, or a comma or semicolon follows the mark.
function lastRemovable(s: string, from: number, end: number): number | undefined {
  const closes = end === s.length || '.:)]'.includes(s[end]!);
  let comma = -1;
  let lastMark = -1;
  let markBeforeComma = -1;
  for (let k = from; k < end; k++) {
    if (s[k] === MARK) lastMark = k;
    else if (s[k] === ',' || s[k] === ';') {
      comma = k;
      markBeforeComma = lastMark;
    }
  }
  if (closes && lastMark !== -1) return lastMark;
  if (comma !== -1 && markBeforeComma !== -1) return markBeforeComma;
  return undefined;
}

// "fixed it, AI-1." -> "fixed it." : a comma left before closing punctuation goes.
function trailingSeparators(s: string): string {
  let out = '';
  let at = 0;
  for (let i = 0; i < s.length;) {
    if (!isSeparator(s[i])) {
      i++;
      continue;
    }
    const run = separatorRun(s, i);
    if (run.end < s.length && ').!?'.includes(s[run.end]!)) {
      let lastMark = -1;
      for (let k = run.end - 1; k >= i && lastMark === -1; k--) if (s[k] === MARK) lastMark = k;
      let first = -1;
      for (let k = i; k < lastMark && first === -1; k++) if (s[k] === ',' || s[k] === ';') first = k;
      if (first !== -1) {
        out += s.slice(at, first) + MARK;
        at = run.end;
      }
    }
    i = run.end;
  }
  return out + s.slice(at);
}

// "A, AI-1, AI-2, B" -> "A, B": commas around removed items become one.
function repeatedCommas(s: string): string {
  let out = '';
  let at = 0;
  for (let i = s.indexOf(','); i !== -1; i = s.indexOf(',', i + 1)) {
    if (i < at) continue;
    let end = i + 1;
    for (;;) {
      let k = end;
      let marked = false;
      while (k < s.length && (s[k] === MARK || isSpace(s[k]))) {
        if (s[k] === MARK) marked = true;
        k++;
      }
      if (!marked || s[k] !== ',') break;
      end = k + 1;
    }
    if (end > i + 1) {
      out += s.slice(at, i) + ',';
      at = end;
      i = end - 1;
    }
  }
  return out + s.slice(at);
}

// A removed piece leaves one space between words, none before punctuation or after "(".
// At either end of the text a space stays: it may separate the text from bold or a link.
function closeGaps(s: string): string {
  let out = '';
  let at = 0;
  for (let i = s.indexOf(MARK); i !== -1; i = s.indexOf(MARK, i)) {
    let start = i;
    while (start > at && (s[start - 1] === ' ' || s[start - 1] === '\t')) start--;
    let end = i;
    while (end < s.length && (s[end] === ' ' || s[end] === '\t' || s[end] === MARK)) end++;
    const gap = s.slice(start, end);
    const before = s[start - 1];
    const after = s[end];
    const closed = before === '(' || (after !== undefined && '.,;:!?)]'.includes(after)) ? '' : /[ \t]/.test(gap) ? ' ' : '';
    out += s.slice(at, start) + closed;
    at = end;
    i = end;
  }
  return out + s.slice(at);
}

/** Soft line breaks become one space, with the spaces and tabs around them. */
export function reflow(value: string): string {
  if (!value.includes('\n')) return value;
  const lines = value.split('\n');
  return lines
    .map((line, k) => {
      let from = 0;
      let to = line.length;
      if (k > 0) while (from < to && (line[from] === ' ' || line[from] === '\t')) from++;
      if (k < lines.length - 1) {
        if (line[to - 1] === '\r') to--;
        while (to > from && (line[to - 1] === ' ' || line[to - 1] === '\t')) to--;
      }
      return line.slice(from, to);
    })
    .join(' ');
}
