// The text of a block of raw HTML as a browser shows it, in pieces that each
// know where they are in the block: a scanner, not a parser, that reads each
// character once (a document may be written to be slow to read).
import { htmlReferenceAt } from './character-references.js';

/** A piece of a block's text, at `at` in the block as written. */
export interface HtmlPiece {
  text: string;
  at: number;
  /** The text is the block's own characters from `at` on; otherwise it stands for the reference or tag written there. */
  verbatim: boolean;
}

// Tags a browser shows as nothing between the words around them: "AKIA<b></b>IOSF" reads "AKIAIOSF".
const INLINE = new Set(
  'a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd label mark nobr q rb rp rt rtc ruby s samp small span strike strong sub sup time tt u var wbr'.split(
    ' ',
  ),
);

/**
 * What a browser shows of a block of HTML: comments and inline tags drop
 * out, any other tag ends a line ("\n"), and character references are
 * decoded as in HTML (`&#73` and `&amp` need no ";").
 */
export function shownPieces(html: string): HtmlPiece[] {
  return piecesOf(html, true);
}

/** A block of HTML as written, tags and comments included, with its character references decoded as in HTML. */
export function decodedPieces(html: string): HtmlPiece[] {
  return piecesOf(html, false);
}

function piecesOf(html: string, readMarkup: boolean): HtmlPiece[] {
  const pieces: HtmlPiece[] = [];
  let from = 0;
  const flush = (to: number) => {
    if (to > from) pieces.push({ text: html.slice(from, to), at: from, verbatim: true });
  };
  let i = 0;
  while (i < html.length) {
    const markup = readMarkup && html[i] === '<' ? markupAt(html, i) : undefined;
    const ref = html[i] === '&' ? htmlReferenceAt(html, i) : undefined;
    if (!markup && !ref) {
      i++;
      continue;
    }
    flush(i);
    if (markup?.separates) pieces.push({ text: '\n', at: i, verbatim: false });
    if (ref) pieces.push({ text: ref.value, at: i, verbatim: false });
    i = markup ? markup.end : i + ref!.length;
    from = i;
  }
  flush(html.length);
  return pieces;
}

interface Markup {
  /** Where the text goes on after it. */
  end: number;
  /** Whether it keeps the words around it apart. */
  separates: boolean;
}

// The tag, comment or declaration that starts at the "<" at `at`, as a
// browser's tokenizer reads it; none when the "<" is text ("a < b").
function markupAt(html: string, at: number): Markup | undefined {
  const next = html[at + 1];
  if (next === '!' && html.startsWith('<!--', at)) return { end: commentEnd(html, at + 4), separates: false };
  if (next === '!' || next === '?') return { end: closeOf(html, at + 2), separates: false };
  if (isLetter(next)) return tagAt(html, at, at + 1);
  if (next !== '/' || at + 2 >= html.length) return undefined;
  // "</>" is dropped, "</ x>" is a comment to a browser.
  if (isLetter(html[at + 2])) return tagAt(html, at, at + 2);
  return { end: closeOf(html, at + 2), separates: false };
}

function tagAt(html: string, at: number, nameStart: number): Markup {
  let nameEnd = nameStart;
  while (nameEnd < html.length && !isSpace(html[nameEnd]) && html[nameEnd] !== '/' && html[nameEnd] !== '>') nameEnd++;
  const name = html.slice(nameStart, nameEnd).toLowerCase();
  return { end: tagEnd(html, nameEnd), separates: !INLINE.has(name) };
}

// Past the ">" that closes a tag, skipping quoted attribute values; a tag
// left open runs to the end, where a browser drops it.
function tagEnd(html: string, from: number): number {
  let state: 'before-name' | 'name' | 'after-name' | 'before-value' | 'unquoted' = 'before-name';
  for (let i = from; i < html.length; i++) {
    const ch = html[i]!;
    if (ch === '>') return i + 1;
    const space = isSpace(ch);
    if (state === 'before-value' && (ch === '"' || ch === "'")) {
      const close = html.indexOf(ch, i + 1);
      if (close < 0) return html.length;
      i = close;
      state = 'before-name';
    } else if (state === 'before-value') state = space ? state : 'unquoted';
    else if (state === 'unquoted') state = space ? 'before-name' : state;
    else if (ch === '=' && state !== 'before-name') state = 'before-value';
    else if (ch === '/') state = 'before-name';
    else if (space) state = state === 'name' ? 'after-name' : state;
    else state = 'name';
  }
  return html.length;
}

// Past the end of a comment whose text starts at `from`: "-->", or "--!>";
// "<!-->" and "<!--->" are empty comments. One left open runs to the end.
function commentEnd(html: string, from: number): number {
  if (html[from] === '>') return from + 1;
  if (html.startsWith('->', from)) return from + 2;
  for (let dash = html.indexOf('--', from); dash >= 0; dash = html.indexOf('--', dash + 1)) {
    if (html[dash + 2] === '>') return dash + 3;
    if (html.startsWith('!>', dash + 2)) return dash + 4;
  }
  return html.length;
}

const closeOf = (html: string, from: number): number => {
  const close = html.indexOf('>', from);
  return close < 0 ? html.length : close + 1;
};

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z]/.test(ch);
const isSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';
