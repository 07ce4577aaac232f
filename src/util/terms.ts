// Matching internal names as a reader sees them. Used by the customer-terms
// rule, by the export's glossary replacement and host removal, and by its
// leak check, so that all three agree on what is a mention of a name.
//
// Text is folded one code point (or one HTML character reference) at a time:
// invisible format characters are dropped (zero-width space and joiners, bidi
// marks, word joiner, …). A soft hyphen reads two ways: as nothing within a
// line ("c\u00ADell-router" is "cell-router") and as the hyphen it shows at a
// line break ("orders\u00ADapi" is "orders-api"), so a text that holds one is
// folded both ways and a name found in either is found. Compatibility forms are decomposed
// (NFKD: fullwidth letters, ligatures, non-breaking hyphens), case is folded,
// non-ASCII lookalikes become their Unicode confusable prototype (UTS #39:
// Cyrillic "о" is "o", U+2010 is "-"), dashes become one DASH (below), and whitespace runs become
// one space. Each folded character remembers the original characters it came
// from, so a match maps back to the exact span to report or replace.
// unhomoglyph's table, read directly: its function runs one alternation of
// all 6,311 entries, which takes V8 longer to compile than linting a COE.
// Every key is one code point, and the text is folded one at a time.
import confusables from 'unhomoglyph/data.json' with { type: 'json' };
import { characterReferenceAt } from './character-references.js';

export interface TermMatch {
  index: number;
  length: number;
}

/** Folded text, and for each of its characters the span of the original it came from. */
export interface Folded {
  text: string;
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  /** The other reading of a text with soft hyphens: with each of them read as nothing. */
  alternate?: Folded;
}

const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const WORD = /[\p{L}\p{N}\p{M}_]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SOFT_HYPHEN = '\u00AD';

/**
 * Where the export removed something (a comment, an image, an id): it reads
 * as nothing, since the draft closes the gap ("cell-<!-- -->router" shows as
 * "cell-router"), so the glossary and customer-terms see the name whole.
 * NUL never survives decoding, so no text holds one of its own.
 */
export const REMOVED = '\u0000';

/**
 * What every dash (en, em, figure, minus, …) folds to. Inside a name it reads
 * as "-" ("ledger\u2212db" is "ledger-db"), but it is punctuation, not part
 * of a word: "cell-router\u2014our layer" and "orders-api\u2013dependent"
 * name cell-router and orders-api, where "orders-api-backed" does not.
 */
export const DASH = '\u2014';
const DASHES = new Set(['\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2E3A', '\u2E3B', '\uFE31', '\uFE32']);

const ASCII_WORD = Array.from({ length: 128 }, (_, c) => /[A-Za-z0-9_]/.test(String.fromCharCode(c)));
const isWordChar = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 128 ? ASCII_WORD[code]! : WORD.test(c);
};

// Chinese and Japanese put no space between words: there, as in Unicode's
// word boundaries (UAX #29), each Han or Hiragana character is a word of its
// own, and a run of Katakana is one word, apart from the letters around it.
// So "订单服务故障" and "注文APIの障害" name 订单服务 and 注文API, while
// "在庫サービスチーム" does not name 在庫サービス.
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}]/u;
const KATAKANA = /[\p{Script=Katakana}\u30FC]/u;

/** Whether the character beside a name's edge makes it part of a longer word. */
const joined = (outside: string, edge: string): boolean => {
  if (!isWordChar(outside)) return false;
  if (outside.charCodeAt(0) < 128 && edge.charCodeAt(0) < 128) return true;
  return !IDEOGRAPHIC.test(outside) && !IDEOGRAPHIC.test(edge) && KATAKANA.test(outside) === KATAKANA.test(edge);
};

const folds = new Map<string, string>();
const PROTOTYPES: Record<string, string> = confusables;
const prototypeOf = (c: string): string => (Object.hasOwn(PROTOTYPES, c) ? PROTOTYPES[c]! : c);

/** How one code point (or a decoded character reference) reads, folded. */
export function foldChar(chars: string): string {
  const known = folds.get(chars);
  if (known !== undefined) return known;
  let s = chars.replace(INVISIBLE, '').normalize('NFKD').toLowerCase();
  if (DASHES.has(s)) s = DASH;
  // ASCII stays itself ("1" is not "l"): lookalikes are the other scripts' letters.
  else s = s.replace(/[^\0-\x7f]/gu, prototypeOf);
  s = s.normalize('NFKD').toLowerCase().replace(INVISIBLE, '').replace(/\s/gu, ' ');
  if (folds.size < 100_000) folds.set(chars, s);
  return s;
}

/** Folds a text for matching; `&shy;` and `&#8203;` read as the characters they stand for. */
export function fold(text: string): Folded {
  if (PLAIN_TEXT.test(text)) return foldPlain(text);
  const hyphens = foldReading(text, true);
  if (!hyphens.soft) return hyphens.folded;
  return { ...hyphens.folded, alternate: foldReading(text, false).folded };
}

function foldReading(text: string, softAsHyphen: boolean): { folded: Folded; soft: boolean } {
  let soft = false;
  const out = new FoldedBuilder(text.length);
  for (let i = 0; i < text.length;) {
    // Plain ASCII (no space, no "&") is copied a run at a time: most text is.
    let j = i;
    while (j < text.length && PLAIN_ASCII[text.charCodeAt(j)] === 1) j++;
    if (j > i) {
      out.run(text.slice(i, j).toLowerCase(), i);
      i = j;
      continue;
    }
    const code = text.charCodeAt(i);
    let source: string;
    let next: number;
    const ref = code === 0x26 ? characterReference(text, i) : undefined;
    if (ref) {
      source = ref.value;
      next = i + ref.length;
    } else if (code < 0x80) {
      source = text[i]!;
      next = i + 1;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      source = text.slice(i, i + 2);
      next = i + 2;
    } else {
      source = text[i]!;
      next = i + 1;
    }
    if (source === REMOVED) out.invisible(next);
    else if (source === SOFT_HYPHEN) {
      soft = true;
      if (softAsHyphen) out.softHyphen(i, next);
      else out.invisible(next);
    } else {
      const folded = !ref && code < 0x80 ? ASCII_FOLD[code]! : foldChar(source);
      for (let u = 0; u < folded.length; u++) out.char(folded[u]!, i, next);
    }
    i = next;
  }
  return { folded: out.done(), soft };
}

// The folded text in chunks, and the original span of each of its characters.
class FoldedBuilder {
  private chunks: string[] = [];
  private length = 0;
  private starts: Int32Array;
  private ends: Int32Array;
  private lastSpace = false;
  private lastSoft = false;

  constructor(capacity: number) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
  }

  private room(n: number): void {
    if (this.length + n <= this.starts.length) return;
    const size = Math.max(this.starts.length * 2, this.length + n);
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
  }

  /** Characters that map one to one to the original from `at` on. */
  run(chunk: string, at: number): void {
    if (this.lastSoft && chunk.startsWith('-')) {
      this.ends[this.length - 1] = at + 1;
      chunk = chunk.slice(1);
      at++;
    }
    this.room(chunk.length);
    for (let k = 0; k < chunk.length; k++) {
      this.starts[this.length + k] = at + k;
      this.ends[this.length + k] = at + k + 1;
    }
    this.chunks.push(chunk);
    this.length += chunk.length;
    this.lastSpace = false;
    this.lastSoft = false;
  }

  /** A soft hyphen shows as a hyphen where the line breaks: "orders\u00ADapi" is "orders-api", and so is "orders-\u00ADapi". */
  softHyphen(start: number, end: number): void {
    if (this.length > 0 && this.chunks.at(-1)!.endsWith('-')) this.ends[this.length - 1] = end;
    else {
      this.char('-', start, end);
      this.lastSoft = true;
    }
  }

  /** A character that reads as nothing: the one before it takes its span. */
  invisible(end: number): void {
    if (this.length > 0) this.ends[this.length - 1] = end;
  }

  char(c: string, start: number, end: number): void {
    if ((c === ' ' && this.lastSpace) || (c === '-' && this.lastSoft)) {
      this.ends[this.length - 1] = end; // one space stands for the whole run; a soft hyphen and a hyphen are one
      this.lastSoft = false;
      return;
    }
    this.lastSoft = false;
    this.lastSpace = c === ' ';
    this.room(1);
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.chunks.push(c);
    this.length++;
  }

  done(): Folded {
    return { text: this.chunks.join(''), starts: this.starts.subarray(0, this.length), ends: this.ends.subarray(0, this.length) };
  }
}

// ASCII without "&" (no character reference) and without NUL (REMOVED):
// most text. It folds to itself in lower case, each run of white space one
// space, as foldReading folds it, one pass and no chunks.
const PLAIN_TEXT = /^[\x01-\x25\x27-\x7f]*$/;

function foldPlain(text: string): Folded {
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  let length = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const isSpace = ASCII_FOLD[text.charCodeAt(i)] === ' ';
    if (isSpace && space) {
      ends[length - 1] = i + 1;
      continue;
    }
    space = isSpace;
    starts[length] = i;
    ends[length] = i + 1;
    length++;
  }
  return { text: text.toLowerCase().replace(/\s+/g, ' '), starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

const PLAIN_ASCII = Uint8Array.from({ length: 0x80 }, (_, code) =>
  code !== 0 && code !== 0x26 && !/\s/.test(String.fromCharCode(code)) ? 1 : 0,
);
const ASCII_FOLD = Array.from({ length: 128 }, (_, code) => {
  const c = String.fromCharCode(code);
  return /\s/.test(c) ? ' ' : c.toLowerCase();
});

/** The HTML character reference at `at` (`&shy;`, `&#8203;`, `&#x2010;`), decoded, and its length. */
export const characterReference = characterReferenceAt;

/** A text with its invisible characters made visible, as <U+200B>, for a message. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** The folded form of a name: trimmed, whitespace as one space, a dash as "-". */
export function foldName(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    folded = asHyphens(fold(name).text.trim());
    // The same services, terms and hosts are folded for every text of every file.
    if (foldedNames.size >= 10_000) foldedNames.clear();
    if (name.length <= 256) foldedNames.set(name, folded);
  }
  return folded;
}
const foldedNames = new Map<string, string>();

// Folded text with each dash read as "-": for finding a name's characters, not its edges.
function asHyphens(t: string): string {
  return t.includes(DASH) ? t.replaceAll(DASH, '-') : t;
}

/** The original span of folded [from, to). */
function original(f: Folded, from: number, to: number): TermMatch {
  const index = f.starts[from]!;
  return { index, length: f.ends[to - 1]! - index };
}

// A name stands whole: not inside a longer name of letters, digits, "_" or
// "-" ("orders-apis", "old-orders-api"); a hyphen after it is a boundary
// only when no word follows ("orders-api-" ends a phrase).
function wholeAt(t: string, from: number, to: number): boolean {
  const before = t[from - 1];
  if (before !== undefined && (before === '-' || joined(before, t[from]!))) return false;
  const after = t[to];
  if (after === undefined) return true;
  if (joined(after, t[to - 1]!)) return false;
  return !(after === '-' && t[to + 1] !== undefined && LETTER_OR_DIGIT.test(t[to + 1]!));
}

/** Every whole occurrence of a folded name in folded text (in either reading), as spans of the original. */
export function findFolded(f: Folded, name: string): TermMatch[] {
  if (!name) return [];
  const out: TermMatch[] = [];
  const plain = asHyphens(f.text);
  for (let at = plain.indexOf(name); at !== -1; at = plain.indexOf(name, at + 1)) {
    if (wholeAt(f.text, at, at + name.length)) out.push(original(f, at, at + name.length));
  }
  return f.alternate ? union(out, findFolded(f.alternate, name)) : out;
}

// The matches of both readings, each span once, in order.
function union<T extends TermMatch>(a: T[], b: T[], key: (m: T) => string = (m) => `${m.index}:${m.length}`): T[] {
  if (b.length === 0) return a;
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((m) => !seen.has(key(m)))].sort((x, y) => x.index - y.index || y.length - x.length);
}

/** Every whole occurrence of a name in a text, folded, as spans of the text. */
export function findTerm(text: string, term: string): TermMatch[] {
  return findFolded(fold(text), foldName(term));
}

export interface NamedMatch extends TermMatch {
  /** The name as it was given. */
  name: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Names that end here. */
  names: string[];
}

/**
 * A set of names, folded once, to find in many texts, whatever their
 * number: a trie of the folded names, walked from each place a name may
 * start (where no word or hyphen comes before).
 */
export class NameSet {
  private root: TrieNode = { next: new Map(), names: [] };
  private count = 0;
  // The ASCII characters a name begins with: at any other ASCII character no
  // name starts, and the walk is not begun (most of a text).
  private asciiStarts = new Uint8Array(128);

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const folded = foldName(name);
      if (!folded) continue;
      let node = this.root;
      for (const c of folded) {
        let child = node.next.get(c);
        if (!child) node.next.set(c, (child = { next: new Map(), names: [] }));
        node = child;
      }
      if (node.names.length === 0) this.count++;
      node.names.push(name);
    }
    for (const first of this.root.next.keys()) if (first.charCodeAt(0) < 128) this.asciiStarts[first.charCodeAt(0)] = 1;
  }

  get size(): number {
    return this.count;
  }

  /** Every whole occurrence of every name (in either reading), overlaps included, in order of position. */
  all(f: Folded): NamedMatch[] {
    const found = this.allIn(f);
    return f.alternate ? union(found, this.allIn(f.alternate), (m) => `${m.index}:${m.length}:${m.name}`) : found;
  }

  private allIn(f: Folded): NamedMatch[] {
    const t = f.text;
    const out: NamedMatch[] = [];
    if (this.count === 0) return out;
    for (let at = 0; at < t.length; at++) {
      const code = t.charCodeAt(at);
      if (code < 128 && this.asciiStarts[code] === 0) continue;
      const before = t[at - 1];
      if (before !== undefined && (before === '-' || joined(before, t[at]!))) continue;
      let node: TrieNode | undefined = this.root;
      const first = out.length;
      for (let k = at; node && k < t.length;) {
        // Code points, as the trie was built.
        const c = t.codePointAt(k)! > 0xffff ? t.slice(k, k + 2) : t[k]!;
        node = node.next.get(c === DASH ? '-' : c);
        k += c.length;
        if (node && node.names.length > 0 && wholeAt(t, at, k)) {
          out.push({ ...original(f, at, k), name: node.names[0]! });
        }
      }
      // The longest first at each place.
      if (out.length - first > 1) out.splice(first, out.length - first, ...out.slice(first).reverse());
    }
    return out;
  }

  /** The mentions: where two names overlap ("cell-router" in "cell-router fleet"), the one that starts first, then the longer, wins. */
  mentions(f: Folded): NamedMatch[] {
    const all = this.all(f).sort((a, b) => a.index - b.index || b.length - a.length);
    const kept: NamedMatch[] = [];
    let end = -1;
    for (const m of all) {
      if (m.index < end) continue;
      kept.push({ index: m.index, length: m.length, name: m.name });
      end = m.index + m.length;
    }
    return kept;
  }
}

/**
 * Where a host on an internal domain appears: the domain itself or any
 * subdomain ("db_primary.corp.example.com", "_ldap._tcp.corp.example.com"),
 * not a longer label ("notcorp.example.com").
 */
export function findHost(f: Folded, host: string): TermMatch[] {
  const name = foldName(host);
  if (!name) return [];
  const out: TermMatch[] = [];
  const t = f.text;
  const plain = asHyphens(t);
  for (let at = plain.indexOf(name); at !== -1; at = plain.indexOf(name, at + 1)) {
    const before = t[at - 1];
    const after = t[at + name.length];
    if (before !== undefined && (before === '-' || (before !== '_' && isWordChar(before)))) continue;
    if (after !== undefined && (after === '-' || isWordChar(after))) continue;
    out.push(original(f, at, at + name.length));
  }
  return f.alternate ? union(out, findHost(f.alternate, host)) : out;
}
