// The rendered draft as a reader sees it, for the leak check: Markdown
// without its escapes and emphasis marks, HTML without its tags and with its
// character references decoded, JSON as its string values. A name split by
// markup ("wiki.*corp*.example.com", "orders-<em>api</em>") reads whole.
// Link targets are read too, decoded as a browser shows them. Each character
// of the view keeps the index in the draft it came from, for line numbers.
import { characterReference } from '../util/terms.js';
import { decodeReferences } from '../util/character-references.js';
import { readableUrl } from './redact.js';

// Where a block of the draft ends (a paragraph, heading, list item, table
// cell or row): no name reads across it, as none does across two units of
// the text customer-terms reads ("- payment" then "Service was restored" is
// not "payment service"). Not whitespace, and not part of a word.
export const BLOCK_END = '\u001e';

export interface ReaderView {
  text: string;
  /** For each character of `text`, its index in the draft. */
  index: ArrayLike<number>;
}

class ViewBuilder {
  private main = new Segments();
  private targets = new Segments();

  /** Characters of the draft from `from` to `to`, as they are. */
  copy(draft: string, from: number, to: number): void {
    if (to > from) this.main.push(draft.slice(from, to), from, true);
  }

  char(c: string, at: number): void {
    this.main.push(c, at, false);
  }

  /** A link target, on a line of its own after the text. */
  target(url: string, at: number): void {
    this.targets.push(`${readableUrl(url)}\n`, at, false);
  }

  done(): ReaderView {
    this.main.push('\n', 0, false);
    const text = this.main.text() + this.targets.text();
    const index = new Int32Array(text.length);
    const mainLength = this.main.fill(index, 0);
    this.targets.fill(index, mainLength);
    return { text, index };
  }
}

// Pieces of text, each with the draft index it starts at; a copied piece maps one to one.
class Segments {
  private pieces: string[] = [];
  private at: number[] = [];
  private copied: boolean[] = [];

  push(text: string, at: number, copied: boolean): void {
    this.pieces.push(text);
    this.at.push(at);
    this.copied.push(copied);
  }

  text(): string {
    return this.pieces.join('');
  }

  fill(index: Int32Array, offset: number): number {
    let k = offset;
    this.pieces.forEach((piece, p) => {
      for (let u = 0; u < piece.length; u++) index[k++] = this.copied[p] ? this.at[p]! + u : this.at[p]!;
    });
    return k - offset;
  }
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Markdown as rendered by render-markdown.ts: escapes undone, `*` and `[` markup dropped, code spans as written. */
export function markdownView(md: string): ReaderView {
  const view = new ViewBuilder();
  for (let i = 0; i < md.length;) {
    const c = md[i]!;
    if (c === '\\' && i + 1 < md.length && (md[i + 1] === '\n' || ASCII_PUNCTUATION.test(md[i + 1]!))) {
      view.char(md[i + 1]!, i + 1);
      i += 2;
    } else if (c === '`') {
      let n = 0;
      while (md[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      const close = md.indexOf(fence, i + n);
      const end = close === -1 ? md.length : close;
      view.copy(md, i + n, end);
      i = close === -1 ? md.length : close + n;
    } else if (c === ']' && md.startsWith('(<', i + 1)) {
      const close = md.indexOf('>)', i + 3);
      const end = close === -1 ? md.length : close;
      view.target(md.slice(i + 3, end), i + 3);
      i = close === -1 ? md.length : close + 2;
    } else if (c === '*' || c === '[') {
      i++;
    } else if (c === '\n') {
      view.char(BLOCK_END, i);
      i++;
    } else {
      let j = i + 1;
      while (j < md.length && !MARKDOWN_SPECIAL.has(md[j]!)) j++;
      view.copy(md, i, j);
      i = j;
    }
  }
  return view.done();
}

const MARKDOWN_SPECIAL = new Set(['\\', '`', ']', '*', '[', '\n']);

// Tags that do not break a line: a name split by them reads as one word.
const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'code', 'em', 'i', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u']);

/** HTML as a browser shows it: text between tags, character references decoded, link targets read. */
export function htmlView(html: string): ReaderView {
  const view = new ViewBuilder();
  for (let i = 0; i < html.length;) {
    const c = html[i]!;
    if (c === '<') {
      const close = html.indexOf('>', i);
      const end = close === -1 ? html.length : close + 1;
      const tag = html.slice(i, end);
      const name = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(tag)?.[1]?.toLowerCase();
      if (name === 'style' && !tag.startsWith('</')) {
        const styleEnd = html.indexOf('</style', end);
        i = styleEnd === -1 ? html.length : styleEnd;
        continue;
      }
      const href = /\shref="([^"]*)"/.exec(tag)?.[1];
      if (href !== undefined) view.target(decodeReferences(href), i);
      if (!name || !INLINE_TAGS.has(name)) view.char(BLOCK_END, i);
      i = end;
    } else if (c === '&') {
      const ref = characterReference(html, i);
      if (ref) for (const d of ref.value) view.char(d, i);
      else view.char('&', i);
      i += ref ? ref.length : 1;
    } else {
      let j = i + 1;
      while (j < html.length && html[j] !== '<' && html[j] !== '&') j++;
      view.copy(html, i, j);
      i = j;
    }
  }
  return view.done();
}

/** JSON as a program reads it: each string value, decoded, on its own line; URLs also as a browser shows them. */
export function jsonView(json: string): ReaderView {
  const view = new ViewBuilder();
  for (let i = json.indexOf('"'); i !== -1; i = json.indexOf('"', i)) {
    let end = i + 1;
    while (end < json.length && json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
    let value: string;
    try {
      value = JSON.parse(json.slice(i, end + 1)) as string;
    } catch {
      value = json.slice(i + 1, end);
    }
    // Paragraphs and list items of a value are a line each (blocksText).
    view.char(`${value.replaceAll('\n', BLOCK_END)}${BLOCK_END}`, i);
    if (/^(?:https?|mailto):/i.test(value)) view.target(value, i);
    i = end + 1;
  }
  return view.done();
}
