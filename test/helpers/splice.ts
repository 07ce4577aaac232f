// Puts an excerpt of a COE into a whole document: the excerpt's frontmatter
// keys replace or join the document's (a mapping such as `incident` key by
// key), and each of its sections replaces the document's section of the same
// heading, or joins the document at its end. Positions come from the YAML
// and Markdown parsers; every line of the result remembers the excerpt line
// it came from, so expected findings marked in the excerpt keep their lines.
import type { Heading } from 'mdast';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { headingMatcher, normalizeHeading } from '../../src/model/sections.js';

interface Line {
  text: string;
  /** The 0-based line of the excerpt it came from. */
  origin?: number;
}

export interface Spliced {
  text: string;
  /** For each line of the result, the 0-based excerpt line it came from. */
  origins: (number | undefined)[];
}

/**
 * `drop` removes from the document, before the excerpt goes in, frontmatter
 * keys (`incident.resolved`) and sections (`## Customer summary`).
 */
export function splice(document: string, excerpt: string, drop: string[] = []): Spliced {
  const base = split(document.split('\n').map((text) => ({ text })));
  const part = split(excerpt.split('\n').map((text, origin) => ({ text, origin })));
  for (const item of drop) {
    if (item.startsWith('## ')) base.body = removeSection(base.body, item.slice(3));
    else base.frontmatter = removeKey(base.frontmatter, item.split('.'));
  }
  const frontmatter = part.frontmatter.length > 0 ? mergeYaml(base.frontmatter, part.frontmatter) : base.frontmatter;
  const body = mergeSections(base.body, part.body);
  const lines = frontmatter.length > 0 ? [{ text: '---' }, ...frontmatter, { text: '---' }, ...body] : body;
  return { text: lines.map((l) => l.text).join('\n'), origins: lines.map((l) => l.origin) };
}

// The frontmatter's lines (without its fences) and the body's.
function split(lines: Line[]): { frontmatter: Line[]; body: Line[] } {
  const root = parseMarkdown(lines.map((l) => l.text).join('\n'));
  const yaml = root.children[0]?.type === 'yaml' ? root.children[0] : undefined;
  if (!yaml?.position) return { frontmatter: [], body: lines };
  const end = yaml.position.end.line; // the closing fence, 1-based
  return { frontmatter: lines.slice(1, end - 1), body: lines.slice(end) };
}

interface Block {
  key: string;
  /** 0-based first and after-last line. */
  from: number;
  to: number;
  value: unknown;
}

// The key-value pairs of a block mapping, with the lines each one spans.
function pairsOf(lines: Line[]): Block[] {
  const counter = new LineCounter();
  const doc = parseDocument(lines.map((l) => l.text).join('\n'), { lineCounter: counter });
  if (!isMap(doc.contents)) return [];
  return blocksOf(doc.contents, counter, lines.length);
}

function blocksOf(map: YAMLMap, counter: LineCounter, total: number): Block[] {
  const pairs = map.items.filter((p): p is Pair => isPair(p) && isScalar(p.key));
  return pairs.map((pair, i) => {
    const from = counter.linePos((pair.key as { range: [number, number, number] }).range[0]).line - 1;
    const next = pairs[i + 1];
    const to = next ? counter.linePos((next.key as { range: [number, number, number] }).range[0]).line - 1 : total;
    return { key: String((pair.key as { value: unknown }).value), from, to, value: pair.value };
  });
}

// Replaces or adds the excerpt's pairs; a block mapping in both is merged pair by pair.
function mergeYaml(base: Line[], part: Line[]): Line[] {
  const out = [...base];
  const baseBlocks = pairsOf(base);
  const adds: Line[] = [];
  // From the bottom up, so the lines above keep their places.
  const edits: { from: number; to: number; lines: Line[] }[] = [];
  for (const block of pairsOf(part)) {
    const lines = part.slice(block.from, block.to);
    const target = baseBlocks.find((b) => b.key === block.key);
    if (!target) adds.push(...lines);
    else if (isBlockMap(target.value) && isBlockMap(block.value)) {
      const inner = (l: Line[]) => l.slice(1).map((line) => ({ ...line }));
      const merged = mergeYaml(dedent(inner(out.slice(target.from, target.to))), dedent(inner(lines)));
      edits.push({ from: target.from + 1, to: target.to, lines: indent(merged) });
    } else edits.push({ from: target.from, to: target.to, lines });
  }
  for (const edit of edits.sort((a, b) => b.from - a.from)) out.splice(edit.from, edit.to - edit.from, ...edit.lines);
  return [...trimEnd(out), ...adds];
}

function isBlockMap(value: unknown): boolean {
  return isMap(value) && !value.flow;
}

const dedent = (lines: Line[]) => lines.map((l) => ({ ...l, text: l.text.replace(/^ {2}/, '') }));
const indent = (lines: Line[]) => lines.map((l) => ({ ...l, text: l.text ? `  ${l.text}` : l.text }));
const trimEnd = (lines: Line[]) => {
  const out = [...lines];
  while (out.length > 0 && out.at(-1)!.text.trim() === '') out.pop();
  return out;
};

function removeKey(lines: Line[], path: string[]): Line[] {
  const block = pairsOf(lines).find((b) => b.key === path[0]);
  if (!block) throw new Error(`splice: no frontmatter key "${path.join('.')}" to drop`);
  if (path.length === 1) return [...lines.slice(0, block.from), ...lines.slice(block.to)];
  const inner = removeKey(dedent(lines.slice(block.from + 1, block.to)), path.slice(1));
  return [...lines.slice(0, block.from + 1), ...indent(inner), ...lines.slice(block.to)];
}

interface Section {
  heading: string;
  from: number;
  to: number;
}

// Level-2 sections and where they start and end (before the next level-1 or 2 heading).
function sectionsOf(lines: Line[]): { preamble: number; sections: Section[] } {
  const root = parseMarkdown(lines.map((l) => l.text).join('\n'));
  const headings = root.children.filter((n): n is Heading => n.type === 'heading' && n.depth <= 2);
  const sections: Section[] = [];
  headings.forEach((h, i) => {
    if (h.depth !== 2) return;
    const from = h.position!.start.line - 1;
    const to = headings[i + 1] ? headings[i + 1]!.position!.start.line - 1 : lines.length;
    sections.push({ heading: lines[from]!.text.replace(/^##\s*/, ''), from, to });
  });
  return { preamble: headings[0] ? headings[0].position!.start.line - 1 : lines.length, sections };
}

const sameSection = (a: string, b: string) => {
  const match = headingMatcher();
  const [ka, kb] = [match(a), match(b)];
  return ka !== undefined ? ka === kb : normalizeHeading(a) === normalizeHeading(b);
};

function removeSection(lines: Line[], heading: string): Line[] {
  const section = sectionsOf(lines).sections.find((s) => sameSection(s.heading, heading));
  if (!section) throw new Error(`splice: no section "${heading}" to drop`);
  return [...lines.slice(0, section.from), ...lines.slice(section.to)];
}

// Each section of the excerpt replaces the document's, or joins the end; text
// before the excerpt's first heading joins the end under "## Notes".
function mergeSections(base: Line[], part: Line[]): Line[] {
  let out = [...base];
  const { preamble, sections } = sectionsOf(part);
  const appended: Line[][] = [];
  const lead = part.slice(0, preamble);
  if (lead.some((l) => l.text.trim() !== '')) appended.push([{ text: '## Notes' }, { text: '' }, ...trimEnd(lead), { text: '' }]);
  // A section of the same kind twice in the excerpt: the second goes right after the first.
  const placed: { heading: string; at: number }[] = [];
  for (const section of sections) {
    const lines = [...trimEnd(part.slice(section.from, section.to)), { text: '' }];
    const again = placed.find((p) => sameSection(p.heading, section.heading));
    const target = again ? undefined : sectionsOf(out).sections.find((s) => sameSection(s.heading, section.heading));
    if (again) {
      out = [...out.slice(0, again.at), ...lines, ...out.slice(again.at)];
      again.at += lines.length;
    } else if (target) {
      out = [...out.slice(0, target.from), ...lines, ...out.slice(target.to)];
      placed.push({ heading: section.heading, at: target.from + lines.length });
    } else appended.push(lines);
  }
  out = trimEnd(out);
  for (const lines of appended) out.push({ text: '' }, ...lines);
  return [...trimEnd(out), { text: '' }];
}
