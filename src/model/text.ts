// Small helpers over mdast nodes: ranges, plain text, words, and text runs
// that map an index in a node's text back to a line and column in the file.
import type { Nodes, Text, InlineCode, Code } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Point, Range, Reference, SectionKey, TextRun } from './types.js';
import { wholePattern } from '../util/regex.js';

export function rangeOf(node: { position?: { start: Point; end: Point } | undefined }): Range {
  const p = node.position;
  if (!p) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return { start: { line: p.start.line, column: p.start.column }, end: { line: p.end.line, column: p.end.column } };
}

// Containers whose children are separate blocks, cells or items: their text
// is joined with a space so that words at the seams stay apart.
const SPACED = new Set(['root', 'list', 'listItem', 'table', 'tableRow', 'blockquote']);

export function textOf(node: Nodes | Nodes[]): string {
  return rawText(node).replace(/\s+/g, ' ').trim();
}

function rawText(node: Nodes | Nodes[]): string {
  if (Array.isArray(node)) return node.map(rawText).join(' ');
  if (node.type === 'html') return withoutComments(node.value);
  if ('children' in node) return (node.children as Nodes[]).map(rawText).join(SPACED.has(node.type) ? ' ' : '');
  return toString(node);
}

// A comment never renders, so its words are not the reader's: "cell-<!-- x -->router"
// reads "cell-router". Other raw HTML keeps its text, as before.
function withoutComments(html: string): string {
  return html.includes('<!--') ? html.replace(/<!--[\s\S]*?(?:-->|$)/g, '') : html;
}

// Scripts written without spaces between words: a dictionary segmenter counts them.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;
let segmenter: Intl.Segmenter | undefined;
// Most text is ASCII, where the Unicode pattern below counts exactly as this one does.
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[A-Za-z0-9][A-Za-z0-9'.,:/-]*/g;

export function countWords(text: string): number {
  if (ASCII.test(text)) return text.match(ASCII_WORD)?.length ?? 0;
  let count = 0;
  for (const run of text.match(UNSPACED) ?? []) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const segment of segmenter.segment(run)) if (segment.isWordLike) count++;
  }
  const words = text.replace(UNSPACED, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’.,:/-]*/gu);
  return count + (words ? words.length : 0);
}

/** Builds a run for a text-bearing node, locating each of its characters in the file. */
export function textRun(node: Text | InlineCode | Code, lines: string[], section: SectionKey | undefined): TextRun {
  const range = rangeOf(node);
  const breaks = node.type === 'text' ? alignText(node.value, lines, range) : codeBreaks(node, lines, range);
  return { text: node.value, range, lineStarts: breaks.starts, lineOffsets: breaks.offsets, section };
}

interface Breaks {
  /** Where the character at each offset sits in the file; the ones after it follow on the same line. */
  starts: Point[];
  offsets: number[];
}

// A text node's value differs from its source: escapes (`\*`) and entities
// (`&amp;`) are decoded, and continuation lines lose their indentation and
// container markers (`>`). Walk both at once and add a break point wherever
// they part, so every character maps to its own column.
function alignText(value: string, lines: string[], range: Range): Breaks {
  const starts: Point[] = [];
  const offsets: number[] = [];
  let line = range.start.line;
  let src = lines[line - 1] ?? '';
  let pos = range.start.column - 1;
  const mark = (index: number) => {
    starts.push({ line, column: pos + 1 });
    offsets.push(index);
  };
  mark(0);
  let i = 0;
  while (i < value.length) {
    const ch = value[i]!;
    if (ch === '\n') {
      i++;
      line++;
      src = lines[line - 1] ?? '';
      pos = resync(src, 0, value, i);
      mark(i);
      continue;
    }
    if (src[pos] === ch) {
      i++;
      pos++;
      continue;
    }
    if (src[pos] === '\\' && src[pos + 1] === ch) {
      pos++;
      mark(i);
      continue;
    }
    const semi = src[pos] === '&' ? src.indexOf(';', pos) : -1;
    if (semi > pos && semi - pos <= 32) {
      // An entity decodes to one or a few characters: all of them sit at the "&".
      let k = 1;
      while (k < 4 && i + k < value.length && value[i + k] !== src[semi + 1]) k++;
      i += k;
      pos = semi + 1;
      mark(i);
      continue;
    }
    // Anything else: find where the value goes on in this line.
    pos = resync(src, pos, value, i);
    mark(i);
    i++;
    pos++;
  }
  return { starts, offsets };
}

// The column in `src`, at or after `from`, where `value` goes on at `index`.
function resync(src: string, from: number, value: string, index: number): number {
  const probe = value.slice(index, index + 8).split('\n')[0]!;
  if (probe) {
    const at = src.indexOf(probe, from);
    if (at >= 0) return at;
  }
  let pos = from;
  while (pos < src.length && /[\s>]/.test(src[pos]!)) pos++;
  return pos;
}

// Code keeps its characters; only the lines move (a fence opens the block,
// and indentation is stripped from code in a list).
function codeBreaks(node: InlineCode | Code, lines: string[], range: Range): Breaks {
  const parts = node.value.split('\n');
  const starts: Point[] = [];
  // Fenced code starts its value on the line after the fence.
  const firstLine = node.type === 'code' ? range.start.line + 1 : range.start.line;
  parts.forEach((part, k) => {
    const line = firstLine + k;
    if (k === 0 && node.type !== 'code') {
      starts.push({ line, column: range.start.column + backticks(lines, range) });
      return;
    }
    const source = lines[line - 1] ?? '';
    const probe = part.slice(0, 16);
    const at = probe ? source.indexOf(probe) : -1;
    const column = at >= 0 ? at + 1 : source.length - source.trimStart().length + 1;
    starts.push({ line, column });
  });
  const offsets: number[] = [];
  let offset = 0;
  for (const part of parts) {
    offsets.push(offset);
    offset += part.length + 1;
  }
  return { starts, offsets };
}

function backticks(lines: string[], range: Range): number {
  const source = lines[range.start.line - 1] ?? '';
  let i = range.start.column - 1;
  let n = 0;
  while (source[i] === '`') {
    i++;
    n++;
  }
  // CommonMark strips one space after the opening backticks when it pads both ends.
  return source[i] === ' ' && n > 0 ? n + 1 : n;
}

export function pointKey(point: Point): string {
  return `${point.line}:${point.column}`;
}

/** Where the character at `index` of a run's text sits in the file. */
export function pointAt(run: TextRun, index: number): Point {
  // The last line that starts at or before `index` (binary search).
  let lo = 0;
  let hi = run.lineOffsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (run.lineOffsets[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  const start = run.lineStarts[lo] ?? run.range.start;
  return { line: start.line, column: start.column + (index - (run.lineOffsets[lo] ?? 0)) };
}

export function rangeAt(run: TextRun, index: number, length: number): Range {
  return { start: pointAt(run, index), end: pointAt(run, index + length) };
}

// Whole tokens only: "L7-balancer" and "XAI-9" are not references.
const REFERENCE = wholePattern(['L[1-9]\\d*', 'AI-[1-9]\\d*'], 'g');

const ID_LIST = /^\s*(?:L[1-9]\d*|AI-[1-9]\d*)(?:\s*,\s*(?:L[1-9]\d*|AI-[1-9]\d*))*\s*$/;

/** Inline code that holds only ids (`L1`, `AI-2, AI-3`) is written as code for looks: its ids are references. */
export function isIdCode(value: string): boolean {
  return ID_LIST.test(value);
}

/** The `L<n>` and `AI-<n>` tokens of a text, whole, with their index. */
// Every reference holds one of these: most text holds none, and the whole-token pattern is costly.
const MAYBE_REFERENCE = /L[1-9]|AI-[1-9]/;

export function referenceTokens(text: string): { id: string; index: number }[] {
  const out: { id: string; index: number }[] = [];
  if (!MAYBE_REFERENCE.test(text)) return out;
  for (const match of text.matchAll(REFERENCE)) out.push({ id: match[0], index: match.index });
  return out;
}

export function referenceAt(run: TextRun, token: { id: string; index: number }): Reference {
  return {
    kind: token.id.startsWith('AI-') ? 'action' : 'lesson',
    id: token.id,
    range: rangeAt(run, token.index, token.id.length),
    section: run.section,
  };
}

/** The `L<n>` and `AI-<n>` tokens of a run. */
export function referencesIn(run: TextRun): Reference[] {
  return referenceTokens(run.text).map((token) => referenceAt(run, token));
}
