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

export function textOf(node: Nodes | Nodes[]): string {
  const text = Array.isArray(node) ? node.map((n) => toString(n)).join('\n\n') : toString(node);
  return text.replace(/\s+/g, ' ').trim();
}

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,:/-]*/gu);
  return words ? words.length : 0;
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
  return { text: node.value, range, lineStarts, section };
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

/** Where the character at `index` of a run's text sits in the file. */
export function pointAt(run: TextRun, index: number): Point {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < index && i < run.text.length; i++) {
    if (run.text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  const start = run.lineStarts[line] ?? run.range.start;
  return { line: start.line, column: start.column + (index - lineStart) };
}

export function rangeAt(run: TextRun, index: number, length: number): Range {
  return { start: pointAt(run, index), end: pointAt(run, index + length) };
}

const REFERENCE = /\b(?:L[1-9]\d*|AI-[1-9]\d*)\b/g;

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
