// Cheap guards run before the Markdown parser, in one pass over the lines.
// The parser's time follows the size of the tree it builds, and some of its
// steps are quadratic: pairing emphasis and link brackets within a paragraph,
// and resolving each setext underline against the document before it. Deep
// nesting overflows the stack of tree walkers. These counts bound that work so
// that a file within the limits is read in well under two seconds. They err on
// the side of counting: code inside a list or an HTML block counts as Markdown;
// only fenced code at the left margin after a blank line is passed over, and
// only until a fence line turns up that the scan cannot place.

export interface InputLimits {
  maxBytes: number;
  maxLines: number;
  maxLineLength: number;
  /** Containers (block quotes, list items) open on one line. */
  maxNesting: number;
  /**
   * Units of Markdown structure in the file: each line of text (fenced code
   * aside), each container it passes through, and each inline mark
   * (`* _ [ ] \` < & | \`).
   */
  maxMarkup: number;
  /** Emphasis and link marks (`* _ [ ]`) in one paragraph, paired in quadratic time. */
  maxParagraphMarks: number;
  /** `|` on one line: cells of a table row. */
  maxTableColumns: number;
  /** Lines that may underline a setext heading (`===`, `---` after text). */
  maxSetextHeadings: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxBytes: 128 * 1024,
  maxLines: 4_000,
  maxLineLength: 100_000,
  maxNesting: 100,
  maxMarkup: 4_000,
  maxParagraphMarks: 2_000,
  maxTableColumns: 100,
  maxSetextHeadings: 100,
};

/** Thrown by a reader that finds its input over a limit only while reading it. */
export class OverLimitError extends Error {}

export interface OverLimit {
  message: string;
  line: number;
}

/** Returns why the text is over a limit, with the line, or undefined. */
export function checkLimits(text: string, limits: InputLimits): OverLimit | undefined {
  const scan = new Scan(limits);
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let next = text.indexOf('\n', start);
    if (next === -1) next = text.length;
    // A final newline ends the last line; it does not open another.
    if (start === text.length && line > 1) break;
    const end = next > start && text.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
    const message = scan.line(text, start, end, line);
    if (message) return { message, line };
    start = next + 1;
    line++;
  }
  return undefined;
}

const BACKTICK = 0x60;
const TILDE = 0x7e;

// The state carried from line to line.
class Scan {
  private markup = 0;
  private paragraphMarks = 0;
  private setext = 0;
  /** Deepest container of the current block: lazy lines pass through them all. */
  private blockDepth = 0;
  private previousBlank = true;
  private fence: { char: number; length: number } | undefined;
  /** A fence line here is not a fence: it may sit in frontmatter or an HTML block. */
  private notFence: string | undefined;
  /**
   * False once a line that may open or close a fence was not taken for one:
   * the parser may then be inside a fence this scan does not know of, and
   * any later fence line may close it rather than open one.
   */
  private fencesKnown = true;

  constructor(private readonly limits: InputLimits) {}

  line(text: string, start: number, end: number, number: number): string | undefined {
    const { limits } = this;
    if (number > limits.maxLines) return `more than ${limits.maxLines} lines`;
    if (end - start > limits.maxLineLength) return `line is longer than ${limits.maxLineLength} characters`;
    const blank = isBlank(text, start, end);
    const wasBlank = this.previousBlank;
    this.previousBlank = blank;
    if (number === 1 && isDashFence(text, start, end)) {
      this.notFence = 'frontmatter';
      return undefined;
    }
    if (this.fence) {
      if (closesFence(text, start, end, this.fence)) this.fence = undefined;
      return undefined;
    }
    if (blank) return this.blankLine();
    if (this.notFence === 'frontmatter') {
      if (isDashFence(text, start, end)) {
        this.notFence = undefined;
        return undefined;
      }
    } else if (this.notFence !== undefined && this.notFence !== 'blank') {
      // The line that ends an HTML block belongs to it: it is no fence.
      if (endsHtml(text.slice(start, end).toLowerCase(), this.notFence)) this.notFence = undefined;
    } else if (wasBlank && this.notFence === undefined && this.fencesKnown) {
      this.fence = opensFence(text, start, end);
      if (this.fence) return undefined;
    }
    return this.markdownLine(text, start, end, wasBlank);
  }

  private blankLine(): undefined {
    this.paragraphMarks = 0;
    this.blockDepth = 0;
    if (this.notFence === 'blank') this.notFence = undefined;
    return undefined;
  }

  private markdownLine(text: string, start: number, end: number, wasBlank: boolean): string | undefined {
    const { limits } = this;
    const prefix = containerPrefix(text, start, end);
    if (looksLikeFence(text, prefix.end, end)) this.fencesKnown = false;
    if (prefix.depth > limits.maxNesting) return `nesting deeper than ${limits.maxNesting} levels (block quotes or lists)`;
    this.blockDepth = Math.max(this.blockDepth, prefix.depth + Math.floor(prefix.indent / 2));
    // The line itself, and each container it passes through.
    this.markup += 1 + this.blockDepth;
    if (this.notFence === undefined) this.notFence = htmlEnd(text, prefix.end, end);
    if (!wasBlank && isUnderline(text, prefix.end, end) && ++this.setext > limits.maxSetextHeadings) {
      return `more than ${limits.maxSetextHeadings} setext headings (text underlined with === or ---)`;
    }
    let pipes = 0;
    for (let i = prefix.end; i < end; i++) {
      const c = text.charCodeAt(i);
      const mark = c < MARKS.length ? MARKS[c]! : NOT_MARK;
      if (mark === NOT_MARK) continue;
      this.markup++;
      if (c === 0x7c && ++pipes > limits.maxTableColumns) return `more than ${limits.maxTableColumns} table cells in a row`;
      if (mark === PAIRED && ++this.paragraphMarks > limits.maxParagraphMarks) {
        return `more than ${limits.maxParagraphMarks} emphasis or link marks (* _ [ ]) in one paragraph`;
      }
    }
    if (this.markup > limits.maxMarkup) {
      return `more than ${limits.maxMarkup} units of Markdown structure (lines, list and quote levels, and the marks * _ [ ] \` < & | \\)`;
    }
    return undefined;
  }
}

// What each ASCII character is to the count: a table, since the scan looks
// up every character of the file (a Set's lookup was 1.5% of a worker's time).
const NOT_MARK = 0;
const MARK = 1;
const PAIRED = 2;
const MARKS = markTable([0x60, 0x3c, 0x26, 0x7c, 0x5c], [0x2a, 0x5f, 0x5b, 0x5d]); // ` < & | \ and the paired * _ [ ]

function markTable(marks: number[], paired: number[]): Uint8Array {
  const table = new Uint8Array(0x80);
  for (const c of marks) table[c] = MARK;
  for (const c of paired) table[c] = PAIRED;
  return table;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

// The `---` line that opens and closes YAML frontmatter.
function isDashFence(text: string, start: number, end: number): boolean {
  return text.startsWith('---', start) && isBlank(text, start + 3, end);
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

// The container markers (">", list bullets, "1." or "1)") that open a line,
// and the indentation before them, which nests lists too (two columns a
// level). Indentation nests only when a marker follows it: an indented code
// line or a line of spaces nests nothing; `indent` is what is left of it.
function containerPrefix(text: string, start: number, end: number): { depth: number; indent: number; end: number } {
  let i = start;
  let indent = 0;
  while (i < end && isSpace(text.charCodeAt(i))) indent += text.charCodeAt(i++) === 0x09 ? 4 : 1;
  let depth = 0;
  let after = i;
  for (;;) {
    while (after < end && isSpace(text.charCodeAt(after))) after++;
    const width = markerWidth(text, after, end);
    if (width === 0) break;
    depth++;
    after += width;
  }
  if (depth > 0) {
    depth += Math.floor(indent / 2);
    indent = 0;
  }
  return { depth, indent, end: after };
}

// ">" (a space after it is optional), "-", "*", "+" or 1–9 digits and "." or ")" before a space.
function markerWidth(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x3e) return 1;
  if ((c === 0x2d || c === 0x2a || c === 0x2b) && i + 1 < end && isSpace(text.charCodeAt(i + 1))) return 2;
  let j = i;
  while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
  if (j === i || j + 1 >= end) return 0;
  const d = text.charCodeAt(j);
  return (d === 0x2e || d === 0x29) && isSpace(text.charCodeAt(j + 1)) ? j + 2 - i : 0;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

// A fence at the left margin: three or more backticks (no backtick after
// them) or tildes. Indented ones may sit in a list item, so they count as text.
function opensFence(text: string, start: number, end: number): { char: number; length: number } | undefined {
  const char = text.charCodeAt(start);
  if (char !== BACKTICK && char !== TILDE) return undefined;
  let i = start;
  while (i < end && text.charCodeAt(i) === char) i++;
  if (i - start < 3) return undefined;
  if (char === BACKTICK && text.indexOf('`', i) !== -1 && text.indexOf('`', i) < end) return undefined;
  return { char, length: i - start };
}

// Three backticks or tildes, wherever the line starts.
function looksLikeFence(text: string, start: number, end: number): boolean {
  const char = text.charCodeAt(start);
  return (
    (char === BACKTICK || char === TILDE) && end - start >= 3 && text.charCodeAt(start + 1) === char && text.charCodeAt(start + 2) === char
  );
}

function closesFence(text: string, start: number, end: number, fence: { char: number; length: number }): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 0x20) i++;
  const from = i;
  while (i < end && text.charCodeAt(i) === fence.char) i++;
  return i - from >= fence.length && isBlank(text, i, end);
}

// Setext underline: only "=" or only "-" (spaces around them allowed).
function isUnderline(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (c !== 0x3d && c !== 0x2d) return false;
  while (i < end && text.charCodeAt(i) === c) i++;
  return isBlank(text, i, end);
}

const RAW_HTML = ['script', 'pre', 'style', 'textarea'];
// The first five kinds of HTML block, by how they open and what ends them.
const HTML_BLOCKS = [
  { open: '<!--', close: '-->' },
  { open: '<?', close: '?>' },
  { open: '<![cdata[', close: ']]>' },
  { open: '<!', close: '>' },
  ...RAW_HTML.map((tag) => ({ open: `<${tag}`, close: 'raw' })),
];

// A line that starts with "<" may open an HTML block, inside which a fence is
// no fence. Returns what ends the block ("blank" for a blank line), or
// undefined when there is none or it ends on this line. Taking a line for
// HTML when it is not only counts more: the guard errs that way.
function htmlEnd(text: string, start: number, end: number): string | undefined {
  if (text.charCodeAt(start) !== 0x3c) return undefined;
  const line = text.slice(start, end).toLowerCase();
  const block = HTML_BLOCKS.find((b) => line.startsWith(b.open));
  if (!block) return 'blank';
  return endsHtml(line.slice(block.open.length), block.close) ? undefined : block.close;
}

function endsHtml(line: string, close: string): boolean {
  return close === 'raw' ? RAW_HTML.some((tag) => line.includes(`</${tag}>`)) : line.includes(close);
}
