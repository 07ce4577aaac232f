// Edits as the quick fixes make them: in the model's points, written with
// the document's own line ending, and handed to the client as a
// WorkspaceEdit. The server applies nothing itself.
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { CoeDocument, Point, Range } from '../model/types.js';
import { comparePoints, lineEnd, toLspRange } from './positions.js';

export interface Edit {
  range: Range;
  text: string;
}

export function insert(at: Point, text: string): Edit {
  return { range: { start: at, end: at }, text };
}

export function replace(range: Range, text: string): Edit {
  return { range, text };
}

/** The document's line ending: CRLF when its first line ends so. */
export function eolOf(doc: CoeDocument): string {
  const first = doc.source.indexOf('\n');
  return first > 0 && doc.source[first - 1] === '\r' ? '\r\n' : '\n';
}

/** Inserts whole lines after line `line` (1-based; 0 for the top), each ended by a line ending. */
export function insertLinesAfter(doc: CoeDocument, line: number, lines: string[]): Edit {
  const eol = eolOf(doc);
  const body = lines.join(eol);
  if (line < doc.lines.length) return insert({ line: line + 1, column: 1 }, body + eol);
  // After the last line, which has no line ending of its own.
  return insert(lineEnd(doc.lines, doc.lines.length), eol + body);
}

/** Inserts whole lines before line `line`. */
export function insertLinesBefore(doc: CoeDocument, line: number, lines: string[]): Edit {
  return insertLinesAfter(doc, line - 1, lines);
}

/** Whether a line is blank (or past the end). */
export function isBlank(doc: CoeDocument, line: number): boolean {
  return (doc.lines[line - 1] ?? '').trim() === '';
}

/** The text with the edits applied, for checking what a fix would make before it is offered. */
export function applyEdits(lines: readonly string[], eol: string, edits: Edit[]): string {
  const offsets: number[] = [];
  let total = 0;
  for (const line of lines) {
    offsets.push(total);
    total += line.length + eol.length;
  }
  const text = lines.join(eol);
  const at = (p: Point) => Math.min(text.length, (offsets[p.line - 1] ?? text.length) + p.column - 1);
  const sorted = [...edits].sort((a, b) => comparePoints(b.range.start, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, at(e.range.start)) + e.text + out.slice(at(e.range.end));
  return out;
}

export function workspaceEdit(uri: string, version: number, versioned: boolean, edits: Edit[]): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map((e) => ({ range: toLspRange(e.range), newText: e.text }));
  return versioned ? { documentChanges: [{ textDocument: { uri, version }, edits: textEdits }] } : { changes: { [uri]: textEdits } };
}
