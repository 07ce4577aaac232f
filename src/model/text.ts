// Small helpers over mdast nodes: ranges, plain text, words, text runs that
// map an index in a node's text back to a line and column in the file, and
// a block's text as a reader sees it, joined from such runs.
import type { Code, Html, Image, ImageReference, InlineCode, Nodes, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Point, Range, Reference, SectionKey, TextRun } from './types.js';
import { wholePattern } from '../util/regex.js';
import { oneLine } from '../util/text.js';
import { lastAtOrBefore } from '../util/arrays.js';
import { characterReferenceAt } from '../util/character-references.js';
import { decodedPieces, shownPieces, type HtmlPiece } from '../util/html-text.js';
import { addressSpans, mayHoldAddress, within } from '../util/addresses.js';
import type { TermMatch } from '../util/terms.js';

export function rangeOf(node: { position?: { start: Point; end: Point } | undefined }): Range {
  const p = node.position;
  if (!p) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return { start: { line: p.start.line, column: p.start.column }, end: { line: p.end.line, column: p.end.column } };
}

// Containers whose children are separate blocks, cells or items: their text
// is joined with a space so that words at the seams stay apart.
const SPACED = new Set(['root', 'list', 'listItem', 'table', 'tableRow', 'blockquote']);

export function textOf(node: Nodes | Nodes[]): string {
  return oneLine(rawText(node));
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

// Most text is ASCII, where the Unicode pattern below counts exactly as
// /[A-Za-z0-9][A-Za-z0-9'.,:/-]*/g does: a word starts at a letter or digit
// and goes on over letters, digits and ' . , : / -. Counted in one pass.
const WORD_START = asciiTable('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
const WORD_GOES_ON = asciiTable("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.,:/-");

function asciiTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** The words of an ASCII text; undefined when it holds any other character. */
function asciiWords(text: string): number | undefined {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return undefined;
    if (inWord) inWord = WORD_GOES_ON[c] === 1;
    else if (WORD_START[c] === 1) {
      count++;
      inWord = true;
    }
  }
  return count;
}

export function countWords(text: string): number {
  const ascii = asciiWords(text);
  if (ascii !== undefined) return ascii;
  let count = 0;
  for (const run of text.match(UNSPACED) ?? []) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const segment of segmenter.segment(run)) if (segment.isWordLike) count++;
  }
  const words = text.replace(UNSPACED, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019.,:/-]*/gu);
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
  let i = 0;
  // A line of the value written in the source as it reads, with no "&": the
  // loop below would only step through it, character by character.
  const passSame = () => {
    const nl = value.indexOf('\n', i);
    const end = nl === -1 ? value.length : nl;
    const amp = src.indexOf('&', pos);
    if (end > i && (amp === -1 || amp >= pos + end - i) && src.startsWith(value.slice(i, end), pos)) {
      pos += end - i;
      i = end;
    }
  };
  mark(0);
  passSame();
  while (i < value.length) {
    const ch = value[i]!;
    const ref = src[pos] === '&' ? decodedReference(src, pos, value, i) : undefined;
    if (ref) {
      i += ref.value.length;
      pos += ref.length;
      mark(i);
      continue;
    }
    if (ch === '\n') {
      i++;
      line++;
      src = lines[line - 1] ?? '';
      pos = resync(src, 0, value, i);
      mark(i);
      passSame();
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

// The character reference at `pos` of the source when the value holds it
// decoded at `index`, not as written (as raw HTML does): read exactly, it
// keeps the columns after it right when references follow each other
// ("&lt;&copy;") or a decoded "&" ("&amp;") looks like the source's.
function decodedReference(src: string, pos: number, value: string, index: number) {
  const ref = characterReferenceAt(src, pos);
  return ref && value.startsWith(ref.value, index) && !value.startsWith(src.slice(pos, pos + ref.length), index) ? ref : undefined;
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
  const k = lastAtOrBefore(run.lineOffsets, index);
  const start = run.lineStarts[k] ?? run.range.start;
  return { line: start.line, column: start.column + (index - (run.lineOffsets[k] ?? 0)) };
}

export function rangeAt(run: TextRun, index: number, length: number): Range {
  return { start: pointAt(run, index), end: pointAt(run, index + length) };
}

/** One piece of a block's text, and the node it was read from. */
export interface Leaf {
  /** The node's value, character for character (a masked copy keeps its length). */
  text: string;
  /** A text, inline code, code or HTML node; none for a line break or a removed image, which have no place of their own. */
  node: Nodes | undefined;
  /** Where a leaf read from no node of its own starts; its characters follow on that line, one column each. */
  at?: Point;
}

/** Text joined from leaves, with where each of its characters is in the file. */
export interface JoinedText {
  text: string;
  /** Where the character at `index` is; one with no place of its own is at the end of the leaf before it. Undefined when no leaf has a place. */
  pointAt(index: number): Point | undefined;
}

/** The leaves' texts joined, each character mapped back through its leaf's node. */
export function joinLeaves(leaves: readonly Leaf[], lines: string[]): JoinedText {
  const offsets: number[] = [];
  let text = '';
  for (const leaf of leaves) {
    offsets.push(text.length);
    text += leaf.text;
  }
  // A block may hold thousands of matches: each leaf's run is built once, when first asked for.
  const runs: (TextRun | null | undefined)[] = [];
  const runOf = (k: number) => (runs[k] === undefined ? (runs[k] = leafRun(leaves[k]!, lines) ?? null) : runs[k]);
  return {
    text,
    pointAt(index) {
      const k = lastAtOrBefore(offsets, index);
      for (let j = Math.min(k, leaves.length - 1); j >= 0; j--) {
        const run = runOf(j);
        if (run) return pointAt(run, j === k ? index - offsets[k]! : run.text.length);
      }
      return undefined;
    },
  };
}

function leafRun({ text, node, at }: Leaf, lines: string[]): TextRun | undefined {
  if (at)
    return {
      text,
      range: { start: at, end: { line: at.line, column: at.column + text.length } },
      lineStarts: [at],
      lineOffsets: [0],
      section: undefined,
    };
  if (!node?.position) return undefined;
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return textRun(node, lines, undefined);
  // Raw HTML keeps its characters: aligned as text, it maps through a container's line prefixes too.
  if (node.type === 'html') return textRun({ type: 'text', value: node.value, position: node.position }, lines, undefined);
  return undefined;
}

/** A text of a block as a reader sees it, in leaves. */
export interface RenderedLeaves {
  leaves: Leaf[];
  /**
   * Whether the text may show a word that no line of the source holds: one
   * joined across markup or a comment, or written with escapes or character
   * references. When not, reading the lines is enough.
   */
  differs: boolean;
}

/**
 * The texts of a paragraph, heading or table cell as a reader sees them.
 * First its text: joined across emphasis, links, images and inline HTML (its
 * tags and comments drop out), with escapes and character references decoded
 * and line breaks as "\n". Then each image's alt text, apart: a reader does
 * not see it between the words around it. A block of HTML: first what a
 * browser shows of it (comments and inline tags drop out, other tags end a
 * line, references decoded as in HTML); then the block as written with its
 * references decoded, since its comments and attributes hold words too.
 */
export function renderedLeaves(block: Nodes, lines: string[]): RenderedLeaves[] {
  if (block.type === 'html') return [htmlLeaves(block, lines, shownPieces), htmlLeaves(block, lines, decodedPieces)];
  const out: RenderedLeaves = { leaves: [], differs: false };
  const alts: RenderedLeaves[] = [];
  let last = '';
  const add = (text: string, node: Nodes | undefined, verbatim: boolean) => {
    if (!verbatim || (/\S/.test(last) && /^\S/.test(text))) out.differs = true;
    out.leaves.push({ text, node });
    if (text) last = text[text.length - 1]!;
  };
  const visit = (n: Nodes): void => {
    if (n.type === 'text') add(n.value, n, sourceLength(n) === n.value.length);
    else if (n.type === 'inlineCode') add(n.value, n, true);
    else if (n.type === 'break') add('\n', undefined, true);
    else if ((n.type === 'image' || n.type === 'imageReference') && n.alt) alts.push(altLeaves(n, lines));
    else if ('children' in n) for (const child of n.children) visit(child);
  };
  visit(block);
  return [out, ...alts];
}

// Escapes and character references make a text's source longer than its value.
const sourceLength = (n: Text): number | undefined =>
  n.position && n.position.end.offset !== undefined && n.position.start.offset !== undefined
    ? n.position.end.offset - n.position.start.offset
    : undefined;

// Each line of a piece is a leaf placed where it is written, its characters
// one column each (a reference, or a tag read as "\n", is placed at its start).
function htmlLeaves(html: Html, lines: string[], read: (value: string) => HtmlPiece[]): RenderedLeaves {
  const place = placesIn(html, lines);
  const leaves: Leaf[] = [];
  let text = '';
  const add = (value: string, at: number) => {
    const start = place?.(at);
    leaves.push(start ? { text: value, node: undefined, at: start } : { text: value, node: undefined });
    text += value;
  };
  for (const piece of read(html.value)) {
    if (!piece.verbatim) add(piece.text, piece.at);
    else for (const line of linesOf(piece.text)) add(line.text, piece.at + line.at);
  }
  return { leaves, differs: text !== html.value };
}

// The lines of a text and the line ends between them, each with its index.
function linesOf(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch !== undefined && ch !== '\n' && ch !== '\r') continue;
    if (i > from) out.push({ text: text.slice(from, i), at: from });
    if (ch !== undefined) out.push({ text: ch, at: i });
    from = i + 1;
  }
  return out;
}

// Where the character at an index of an HTML node's value is in the file.
// Each line of the value ends its line of the source, which may start with
// a container's prefix ("> ", indentation); counted from the end, a tab the
// container took part of, which is spaces in the value, moves nothing after it.
function placesIn(html: Html, lines: string[]): ((index: number) => Point) | undefined {
  const first = html.position?.start.line;
  if (first === undefined) return undefined;
  const value = html.value;
  const starts = [0];
  const lengths: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '\n' && value[i] !== '\r') continue;
    lengths.push(i - starts[starts.length - 1]!);
    if (value[i] === '\r' && value[i + 1] === '\n') i++;
    starts.push(i + 1);
  }
  lengths.push(value.length - starts[starts.length - 1]!);
  const columns = lengths.map((length, k) => (lines[first + k - 1] ?? '').length - length + 1);
  return (index) => {
    const k = lastAtOrBefore(starts, index);
    return { line: first + k, column: columns[k]! + index - starts[k]! };
  };
}

// The alt text is written after the "![". Markup in it is flattened, so a
// column just after markup may be approximate.
function altLeaves(image: Image | ImageReference, lines: string[]): RenderedLeaves {
  const value = image.alt ?? '';
  const p = image.position;
  const start = p && {
    line: p.start.line,
    column: p.start.column + 2,
    offset: p.start.offset === undefined ? undefined : p.start.offset + 2,
  };
  const node: Text = { type: 'text', value, ...(p && start ? { position: { start, end: p.end } } : {}) };
  const verbatim = !!start && !value.includes('\n') && (lines[start.line - 1] ?? '').startsWith(value, start.column - 1);
  return { leaves: [{ text: value, node }], differs: !verbatim };
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
  let addresses: TermMatch[] | undefined;
  for (const match of text.matchAll(REFERENCE)) {
    // An id in an address is part of it: "https://jira.example.com/browse/AI-42" references nothing.
    addresses ??= mayHoldAddress(text) ? addressSpans(text) : [];
    if (!within(addresses, { index: match.index, length: match[0].length })) out.push({ id: match[0], index: match.index });
  }
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
