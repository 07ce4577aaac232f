// Small helpers over mdast nodes: ranges, plain text, words, and text runs
// that map an index in a node's text back to a line and column in the file.
import type { Nodes, Text, InlineCode, Code } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Point, Range, Reference, SectionKey, TextRun } from './types.js';

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
  if (SPACED.has(node.type) && 'children' in node) return (node.children as Nodes[]).map(rawText).join(' ');
  return toString(node);
}

// Scripts written without spaces between words: a dictionary segmenter counts them.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

export function countWords(text: string): number {
  let count = 0;
  for (const run of text.match(UNSPACED) ?? []) {
    for (const segment of segmenter.segment(run)) if (segment.isWordLike) count++;
  }
  const words = text.replace(UNSPACED, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’.,:/-]*/gu);
  return count + (words ? words.length : 0);
}

/** Builds a run for a text-bearing node, locating each of its lines in the file. */
export function textRun(node: Text | InlineCode | Code, lines: string[], section: SectionKey | undefined): TextRun {
  const range = rangeOf(node);
  const parts = node.value.split('\n');
  const lineStarts: Point[] = [];
  // Fenced code starts its value on the line after the fence.
  const firstLine = node.type === 'code' ? range.start.line + 1 : range.start.line;
  parts.forEach((part, k) => {
    const line = firstLine + k;
    if (k === 0 && node.type !== 'code') {
      lineStarts.push({ line, column: range.start.column + (node.type === 'inlineCode' ? backticks(lines, range) : 0) });
      return;
    }
    const source = lines[line - 1] ?? '';
    const probe = part.slice(0, 16);
    const at = probe ? source.indexOf(probe) : -1;
    const column = at >= 0 ? at + 1 : source.length - source.trimStart().length + 1;
    lineStarts.push({ line, column });
  });
  const lineOffsets: number[] = [];
  let offset = 0;
  for (const part of parts) {
    lineOffsets.push(offset);
    offset += part.length + 1;
  }
  return { text: node.value, range, lineStarts, lineOffsets, section };
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
const REFERENCE = /(?<![\p{L}\p{N}_-])(?:L[1-9]\d*|AI-[1-9]\d*)(?![\p{L}\p{N}_]|-[\p{L}\p{N}])/gu;

const ID_LIST = /^\s*(?:L[1-9]\d*|AI-[1-9]\d*)(?:\s*,\s*(?:L[1-9]\d*|AI-[1-9]\d*))*\s*$/;

/** Inline code that holds only ids (`L1`, `AI-2, AI-3`) is written as code for looks: its ids are references. */
export function isIdCode(value: string): boolean {
  return ID_LIST.test(value);
}

/** The `L<n>` and `AI-<n>` tokens of a run. */
export function referencesIn(run: TextRun): Reference[] {
  const refs: Reference[] = [];
  for (const match of run.text.matchAll(REFERENCE)) {
    const id = match[0];
    refs.push({
      kind: id.startsWith('AI-') ? 'action' : 'lesson',
      id,
      range: rangeAt(run, match.index, id.length),
      section: run.section,
    });
  }
  return refs;
}
