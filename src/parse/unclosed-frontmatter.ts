// A COE whose frontmatter opens with `---` but never closes it. The Markdown
// parser then reads no frontmatter, and worse: its frontmatter construct looks
// for the closing fence up to the end of the file, and while it looks no list
// or block quote can start (micromark-extension-frontmatter issue #5), so the
// whole body loses its lists. So the parser is given the text with a closing
// fence where the YAML evidently ends, and the tree's places are put back on
// the lines of the file as written.
import type { Nodes, Root } from 'mdast';
import type { Point } from 'unist';
import { headingMatcher, SECTIONS } from '../model/sections.js';
import type { SectionKey } from '../model/types.js';

/** Where the YAML of an unclosed frontmatter ends: the line (0-based) that ends it, and what that line is. */
export interface OpenFrontmatter {
  end: number;
  /** `dots`: a YAML document end "..." in place of "---"; `blank`: a blank line; `heading`: a heading; `eof`: the end of the file. */
  ending: 'dots' | 'blank' | 'heading' | 'eof';
}

/** What the YAML parser makes of the lines after the opening `---` and before line `end` (0-based). */
export interface YamlSpan {
  /** The line (0-based, in the file) of its first error; Infinity when it has none. */
  errorLine: number;
  /** Whether it is a mapping with a `coe` key. */
  coe: boolean;
}

/** Reads the lines after the opening `---` and before line `end` as YAML. */
export type ReadYaml = (end: number) => YamlSpan;

/**
 * A frontmatter that opens but is not closed by a line "---": one that ends
 * with "..." (a YAML document end) before any "---", one with no closing
 * line at all, which ends at its first blank line or heading, or one whose
 * first "---" is a thematic break of the body (see closedInBody).
 */
export function openFrontmatter(lines: string[], read: ReadYaml): OpenFrontmatter | undefined {
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const close = closingLine(lines);
  if (close === -1) return neverClosed(lines, read);
  return lines[close]!.trimEnd() === '...' ? { end: close, ending: 'dots' } : closedInBody(lines, close, read);
}

// The first line after the opening one that could close a frontmatter ("---" or "..."), or -1.
function closingLine(lines: string[]): number {
  return lines.findIndex((line, i) => i > 0 && (line.trimEnd() === '---' || line.trimEnd() === '...'));
}

/** Whether the lines open a frontmatter with "---" that no later line closes. */
export function neverClosedFrontmatter(lines: string[]): boolean {
  return lines[0]?.trimEnd() === '---' && closingLine(lines) === -1;
}

// No closing line at all: the YAML ends at its first blank line or heading.
function neverClosed(lines: string[], read: ReadYaml): OpenFrontmatter {
  const blank = firstBlank(lines, lines.length);
  let errorLine: number | undefined;
  const heading = firstHeading(lines, blank, () => (errorLine ??= read(blank).errorLine));
  if (heading < blank) return { end: heading, ending: 'heading' };
  return { end: blank, ending: blank === lines.length ? 'eof' : 'blank' };
}

// The first "---" may be a thematic break of the body, the closing line
// missing. It is when the YAML before it holds a heading (a line "# …" that
// no YAML follows, or that text the YAML breaks on follows) and the YAML up
// to that heading, or else up to the first blank line, is a valid COE
// mapping, while the YAML up to the "---" does not read; or when it holds a
// required section's heading that the body lacks (see missingSection). A
// frontmatter with neither a heading followed by a blank line, the way
// Markdown writes one, nor such a section is closed as written, with no YAML
// parsed here.
function closedInBody(lines: string[], close: number, read: ReadYaml): OpenFrontmatter | undefined {
  const section = missingSection(lines, close);
  if (section === close && !hasHeadingThenBlank(lines, close)) return undefined;
  const whole = read(close);
  // YAML that reads without error up to the "---" is a frontmatter as written
  // (a "# comment" before a blank line is not a title): never a false alarm,
  // unless a section the body needs is in it.
  const broken = whole.errorLine === Infinity ? undefined : endBeforeBreak(lines, close, read, whole.errorLine);
  return broken ?? (section < close ? endBeforeSection(lines, section, read) : undefined);
}

// The YAML breaks on the body: it ends at the heading before the break, or else at the first blank line.
function endBeforeBreak(lines: string[], close: number, read: ReadYaml, errorLine: number): OpenFrontmatter | undefined {
  const heading = firstHeading(lines, close, () => errorLine);
  if (heading === close) return undefined;
  if (validCoe(read, heading)) return { end: heading, ending: 'heading' };
  const blank = firstBlank(lines, close);
  return blank < heading && validCoe(read, blank) ? { end: blank, ending: 'blank' } : undefined;
}

// The YAML ends at the first heading of the "#" and blank lines that hold
// the section's heading: the title, when it is written right before it.
function endBeforeSection(lines: string[], section: number, read: ReadYaml): OpenFrontmatter | undefined {
  let end = section;
  while (end > 1 && (lines[end - 1]!.startsWith('#') || isBlank(lines[end - 1]!))) end--;
  while (!HEADING.test(lines[end]!)) end++;
  return validCoe(read, end) ? { end, ending: 'heading' } : undefined;
}

const validCoe = (read: ReadYaml, end: number) => read(end).errorLine === Infinity && read(end).coe;

// A line "## <name>" of a required section, before line `close`, whose
// section has no such line after it: in the YAML, such a line is only a
// comment (a block scalar's lines are indented), and a COE needs the
// section in its body. The first one, or `close`. A heading in the body's
// code may hide a missing section, never invent one.
function missingSection(lines: string[], close: number): number {
  const inYaml = lines.slice(1, close).findIndex((line) => requiredSection(line) !== undefined) + 1;
  if (inYaml === 0) return close;
  const inBody = new Set(lines.slice(close + 1).map(requiredSection));
  for (let i = inYaml; i < close; i++) {
    const key = requiredSection(lines[i]!);
    if (key && !inBody.has(key)) return i;
  }
  return close;
}

const matchSection = headingMatcher();
const REQUIRED = new Set(SECTIONS.filter((s) => s.required).map((s) => s.key));
// A level-2 ATX heading: sections are level 2.
const LEVEL_2 = /^##[ \t]/;

function requiredSection(line: string): SectionKey | undefined {
  if (!LEVEL_2.test(line)) return undefined;
  const key = matchSection(line.slice(3));
  return key && REQUIRED.has(key) ? key : undefined;
}

// An ATX heading at the start of the line. "#x" or "####### x" is only a YAML comment.
const HEADING = /^#{1,6}(?:[ \t]|$)/;

const isBlank = (line: string) => line.trim() === '';

function firstBlank(lines: string[], to: number): number {
  for (let i = 1; i < to; i++) if (isBlank(lines[i]!)) return i;
  return to;
}

// The first heading before line `to`, or `to`. A line "# …" is a YAML comment
// when the next line with text (past "#" and blank lines) is YAML read
// without error; a heading is followed by `to` or by text the YAML breaks on.
function firstHeading(lines: string[], to: number, errorLine: () => number): number {
  for (let i = 1; i < to; i++) {
    if (!HEADING.test(lines[i]!)) continue;
    let next = i + 1;
    while (next < to && (lines[next]!.startsWith('#') || isBlank(lines[next]!))) next++;
    if (next === to || next >= errorLine()) return i;
    i = next - 1;
  }
  return to;
}

// Whether a heading before line `to` is followed by a blank line: a cheap test that needs no YAML.
function hasHeadingThenBlank(lines: string[], to: number): boolean {
  for (let i = 1; i < to; i++) {
    if (!HEADING.test(lines[i]!)) continue;
    let next = i + 1;
    while (next < to && lines[next]!.startsWith('#')) next++;
    if (next < to && isBlank(lines[next]!)) return true;
    i = next - 1;
  }
  return false;
}

/** The message of the one finding an unclosed frontmatter gets. */
export function unclosedMessage(open: OpenFrontmatter): string {
  return open.ending === 'dots'
    ? 'The frontmatter ends with "...": end it with a line "---" instead'
    : 'The frontmatter is never closed: end it with a line "---" before the body';
}

/** Parses `source` with a closing fence at `open.end`, with every place in the tree on the lines of `source`. */
export function parseClosed(source: string, lines: string[], open: OpenFrontmatter, parse: (text: string) => Root): Root {
  const eol = /\r\n|\r|\n/.exec(source)?.[0] ?? '\n';
  if (open.ending === 'eof') return parse(`${source}${eol}---`);
  const at = lineStart(source, open.end);
  // A blank line or "..." becomes the fence; a heading keeps its line, after an added one.
  const [fence, replaced] = open.ending === 'heading' ? [`---${eol}`, 0] : ['---', lines[open.end]!.length];
  const root = parse(`${source.slice(0, at)}${fence}${source.slice(at + replaced)}`);
  const added = open.ending === 'heading' ? 1 : 0;
  shiftPlaces(root, { line: open.end + 1, added, offset: fence.length - replaced, at });
  return root;
}

interface Shift {
  /** The 1-based line of the fence in the text parsed. */
  line: number;
  /** Lines added before the rest of the file. */
  added: number;
  /** Characters added before the rest of the file. */
  offset: number;
  /** Where the fence starts in the file. */
  at: number;
}

// Puts each place after the fence back where it is in the file. A place on an
// added fence line (the end of the frontmatter) goes to the start of the line after it.
function shiftPlaces(root: Root, shift: Shift): void {
  const fix = (point: Point) => {
    if (point.line > shift.line) {
      point.line -= shift.added;
      if (point.offset !== undefined) point.offset -= shift.offset;
    } else if (point.line === shift.line && shift.added > 0) {
      Object.assign(point, { column: 1, offset: shift.at });
    }
  };
  const visit = (node: Nodes) => {
    if (node.position) {
      fix(node.position.start);
      fix(node.position.end);
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
}

// Where line `index` (0-based) starts, whatever its line endings.
function lineStart(source: string, index: number): number {
  let line = 0;
  for (const m of source.matchAll(/\r\n|\r|\n/g)) if (++line === index) return m.index + m[0].length;
  return index === 0 ? 0 : source.length;
}
