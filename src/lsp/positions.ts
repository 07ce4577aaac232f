// Points of the model (1-based lines and columns, in UTF-16 code units, as
// mdast counts them) and positions of the protocol (0-based, UTF-16).
import type { Position, Range as LspRange } from 'vscode-languageserver';
import type { Point, Range } from '../model/types.js';

export function toPosition(point: Point): Position {
  return { line: Math.max(0, point.line - 1), character: Math.max(0, point.column - 1) };
}

export function toLspRange(range: Range): LspRange {
  return { start: toPosition(range.start), end: toPosition(range.end) };
}

export function toPoint(position: Position): Point {
  return { line: position.line + 1, column: position.character + 1 };
}

export function comparePoints(a: Point, b: Point): number {
  return a.line - b.line || a.column - b.column;
}

/** Whether `point` is inside `range`, its end included (a cursor just after a token is on it). */
export function within(range: Range, point: Point): boolean {
  return comparePoints(range.start, point) <= 0 && comparePoints(point, range.end) <= 0;
}

export function overlaps(a: Range, b: Range): boolean {
  return comparePoints(a.start, b.end) <= 0 && comparePoints(b.start, a.end) <= 0;
}

/** The point at the start of a line. */
export function lineStart(line: number): Point {
  return { line, column: 1 };
}

/** The point at the end of a line of the document. */
export function lineEnd(lines: readonly string[], line: number): Point {
  return { line, column: (lines[line - 1] ?? '').length + 1 };
}
