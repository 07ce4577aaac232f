// Text to CoeDocument: parse once (mdast + YAML), then read each section into
// the model. A pure function of its input, so it can run in a worker.
import type { Heading, Nodes, Root, RootContent, Yaml } from 'mdast';
import type { CoeDocument, FrontmatterModel, Reference, Section, SectionKey } from '../model/types.js';
import { headingMatcher, type SectionAliases } from '../model/sections.js';
import { pointKey, rangeOf, textOf, textRun } from '../model/text.js';
import { blockReferences, type BlockRun } from './references.js';
import { parseMarkdown } from './markdown.js';
import { emptyFrontmatter, readFrontmatter, unclosedCoeFrontmatter, unclosedProblem } from './frontmatter.js';
import { parseClosed } from './unclosed-frontmatter.js';
import { readPastRepeatedKeys } from './lenient-frontmatter.js';
import { checkLimits, DEFAULT_LIMITS, OverLimitError, type InputLimits } from './limits.js';
import { readControlComments } from './controls.js';
import type { SectionInput } from '../sections/context.js';
import { parseImpact } from '../sections/impact.js';
import { parseTimeline } from '../sections/timeline.js';
import { timeOf } from '../model/incident.js';
import { parseFiveWhys, walkWhys } from '../sections/five-whys.js';
import { parseDetection } from '../sections/detection.js';
import { parseDependencies } from '../sections/dependencies.js';
import { parseLessons } from '../sections/lessons.js';
import { parseActionItems } from '../sections/action-items.js';

export interface ParseOptions {
  idPrefix?: string;
  sectionAliases?: SectionAliases;
  limits?: InputLimits;
}

export interface Fatal {
  message: string;
  line: number;
  column: number;
}

export type ParseResult = { ok: true; doc: CoeDocument } | { ok: false; fatal: Fatal };

// Sections where `L<n>` is a lesson reference; elsewhere "L4" may be a network layer.
const LESSON_REF_SECTIONS = new Set<SectionKey | undefined>(['five-whys', 'detection', 'dependencies', 'lessons', 'action-items']);

/** Decodes bytes as UTF-8, refusing binary content. */
export function decode(bytes: Uint8Array): { ok: true; text: string } | { ok: false; fatal: Fatal } {
  if (bytes.includes(0))
    return { ok: false, fatal: { message: 'File is binary (it holds NUL bytes), not Markdown text', line: 1, column: 1 } };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, fatal: { message: 'File is not valid UTF-8 text', line: 1, column: 1 } };
  }
}

export function parseCoeDocument(file: string, input: string, options: ParseOptions = {}): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (Buffer.byteLength(source, 'utf8') > limits.maxBytes) {
    return { ok: false, fatal: { message: `File is larger than the limit of ${limits.maxBytes} bytes`, line: 1, column: 1 } };
  }
  const over = checkLimits(source, limits);
  if (over) return { ok: false, fatal: { message: `File is over a limit of what coe reads: ${over.message}`, line: over.line, column: 1 } };
  let root: Root;
  try {
    root = parseMarkdown(source);
  } catch (error) {
    return { ok: false, fatal: { message: `Markdown could not be parsed: ${(error as Error).message}`, line: 1, column: 1 } };
  }
  try {
    return { ok: true, doc: buildDocument(file, source, root, options) };
  } catch (error) {
    if (!(error instanceof OverLimitError)) throw error;
    return { ok: false, fatal: { message: `File is over a limit of what coe reads: ${error.message}`, line: 1, column: 1 } };
  }
}

function buildDocument(file: string, source: string, parsed: Root, options: ParseOptions): CoeDocument {
  const lines = source.split(/\r?\n|\r/);
  const { root, frontmatter } = readTop(source, lines, parsed, options.idPrefix ?? 'COE');
  const sections = findSections(root, headingMatcher(options.sectionAliases));
  const sectionsByKey = new Map<SectionKey, Section[]>();
  for (const s of sections) if (s.key) sectionsByKey.set(s.key, [...(sectionsByKey.get(s.key) ?? []), s]);

  const definitions = new Set<string>();
  const inputFor = (key: SectionKey): SectionInput | undefined => {
    const section = sectionsByKey.get(key)?.[0];
    if (!section) return undefined;
    return { key, nodes: root.children.slice(section.bodyStart, section.bodyEnd), range: section.range, lines, definitions };
  };
  const read = <T>(key: SectionKey, parse: (input: SectionInput) => T): T | undefined => {
    const input = inputFor(key);
    return input ? parse(input) : undefined;
  };

  const doc: CoeDocument = {
    file,
    source,
    lines,
    root,
    frontmatter,
    title: findTitle(root),
    sections,
    sectionsByKey,
    impact: read('impact', parseImpact),
    timeline: read('timeline', (input) => parseTimeline(input, timeOf(frontmatter.data.incident, 'start'))),
    whys: read('five-whys', parseFiveWhys),
    detection: read('detection', parseDetection),
    dependencies: read('dependencies', parseDependencies),
    lessons: read('lessons', parseLessons),
    actionItems: read('action-items', parseActionItems),
    references: [],
    prose: [],
    code: [],
    controls: [],
  };
  collectText(doc, definitions);
  attachReferences(doc);
  return doc;
}

// The frontmatter, and the tree to read the body from. A COE whose frontmatter
// is not closed by "---" gets that one problem, and the body is read again with
// the frontmatter closed where it evidently ends (see unclosed-frontmatter.ts).
function readTop(source: string, lines: string[], parsed: Root, idPrefix: string): { root: Root; frontmatter: FrontmatterModel } {
  const yamlOf = (root: Root) => root.children.find((n): n is Yaml => n.type === 'yaml');
  const open = unclosedCoeFrontmatter(lines);
  const root = open ? parseClosed(source, lines, open, parseMarkdown) : parsed;
  const yamlNode = yamlOf(root);
  const frontmatter = yamlNode ? readFrontmatter(yamlNode, idPrefix) : emptyFrontmatter();
  if (yamlNode && frontmatter.problems.some((p) => p.kind === 'syntax')) {
    frontmatter.lastValues = readPastRepeatedKeys(yamlNode, frontmatter, idPrefix)?.data;
  }
  if (open) frontmatter.problems.unshift(unclosedProblem(open, lines));
  return { root, frontmatter };
}

function findTitle(root: Root): CoeDocument['title'] {
  const h1 = root.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  return h1 ? { text: textOf(h1), range: rangeOf(h1) } : undefined;
}

function findSections(root: Root, match: (heading: string) => SectionKey | undefined): Section[] {
  const sections: Section[] = [];
  // The section still taking body nodes; a level-1 heading closes it for good.
  let current: Section | undefined;
  root.children.forEach((node, index) => {
    if (node.type === 'heading' && node.depth <= 2) {
      current = undefined;
      if (node.depth === 2) {
        // An HTML comment in a heading does not render, so it does not name the section.
        const heading = textOf(node.children.filter((c) => c.type !== 'html'));
        const range = rangeOf(node);
        current = { key: match(heading), heading, range: { ...range }, headingRange: range, bodyStart: index + 1, bodyEnd: index + 1 };
        sections.push(current);
      }
      return;
    }
    if (current && current.bodyEnd === index) {
      current.bodyEnd = index + 1;
      current.range = { start: current.range.start, end: rangeOf(node).end };
    }
  });
  return sections;
}

// One walk over the tree: prose and code runs, control comments, and the
// references of each block (a paragraph, heading or table cell), read with
// the text around them.
function collectText(doc: CoeDocument, definitions: Set<string>): void {
  const sectionAt = sectionIndex(doc);
  const lessonIds = new Set((doc.lessons ?? []).flatMap((l) => (l.id ? [l.id] : [])));
  const addReferences = (runs: BlockRun[], section: SectionKey | undefined) => {
    const lessonsCount = LESSON_REF_SECTIONS.has(section);
    for (const ref of blockReferences(runs, lessonIds)) {
      if ((ref.kind === 'action' || lessonsCount) && !definitions.has(pointKey(ref.range.start))) doc.references.push(ref);
    }
  };
  const addControls = (html: string, node: Nodes) => {
    for (const control of readControlComments(html, rangeOf(node))) doc.controls.push(control);
  };
  const collectRuns = (node: Nodes, section: SectionKey | undefined, runs: BlockRun[]) => {
    switch (node.type) {
      case 'text': {
        const run = textRun(node, doc.lines, section);
        doc.prose.push(run);
        runs.push({ run, code: false });
        return;
      }
      case 'inlineCode': {
        const run = textRun(node, doc.lines, section);
        doc.code.push(run);
        runs.push({ run, code: true });
        return;
      }
      case 'html':
        addControls(node.value, node);
        return;
    }
    if ('children' in node) for (const child of node.children) collectRuns(child as Nodes, section, runs);
  };
  const visit = (node: Nodes, section: SectionKey | undefined) => {
    switch (node.type) {
      case 'yaml':
        return;
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const runs: BlockRun[] = [];
        collectRuns(node, section, runs);
        addReferences(runs, section);
        return;
      }
      case 'code':
        doc.code.push(textRun(node, doc.lines, section));
        return;
      case 'html':
        addControls(node.value, node);
        return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes, section);
  };
  doc.root.children.forEach((node: RootContent, index) => {
    const controls = doc.controls.length;
    visit(node, sectionAt(index));
    const previous = doc.root.children[index - 1];
    if (node.type === 'html' && previous?.type === 'heading' && previous.position) {
      for (const control of doc.controls.slice(controls)) control.headingAbove = previous.position.start.line;
    }
  });
}

function sectionIndex(doc: CoeDocument): (index: number) => SectionKey | undefined {
  return (index) => {
    const s = doc.sections.find((sec) => index >= sec.bodyStart - 1 && index < sec.bodyEnd);
    return s?.key;
  };
}

// Gives each why node, the detection section and each dependency row their references.
function attachReferences(doc: CoeDocument): void {
  const within = (range: { start: { line: number }; end: { line: number } }) => (r: Reference) =>
    r.range.start.line >= range.start.line && r.range.start.line <= range.end.line;
  if (doc.whys) {
    const refs = doc.references.filter((r) => r.section === 'five-whys');
    for (const node of walkWhys(doc.whys.roots)) {
      node.references = refs.filter(within(node.textRange));
    }
  }
  if (doc.detection) doc.detection.references = doc.references.filter((r) => r.section === 'detection');
  if (doc.dependencies?.table) {
    const refs = doc.references.filter((r) => r.section === 'dependencies');
    for (const row of doc.dependencies.table.rows) row.references = refs.filter(within(row.range));
  }
}
