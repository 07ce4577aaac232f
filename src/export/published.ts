// What `coe export` publishes, read from the COE: the title, the regions,
// the Impact and Customer summary sections, the Action cells of the action
// items that are not dropped, and the glossary wordings it puts in. The
// export builds the draft from these parts (build.ts), and the
// customer-terms rule checks the same text, read by the same code
// (content.ts, with a Tracer), with where each character is in the file.
import type { Definition, Heading, Link, Nodes, RootContent, TableCell } from 'mdast';
import type { ActionItem, CoeDocument, Point, SectionKey } from '../model/types.js';
import { joinLeaves, type Leaf } from '../model/text.js';
import { linkDefinitions, toBlocks, toInlines, type Tracer } from './content.js';
import type { Redactor } from './redact.js';
import { fold, foldName, NameSet, type Folded } from '../util/terms.js';
import { MARK } from './tidy.js';

/** The sections of the COE that the draft shows. */
export const PUBLISHED_SECTIONS = ['impact', 'customer-summary'] as const satisfies readonly SectionKey[];

export type PublishedPart = 'title' | 'region' | 'glossary' | (typeof PUBLISHED_SECTIONS)[number] | 'action';

export interface PublishedText {
  part: PublishedPart;
  /** The text as the export reads it before the glossary: ids and @handles masked, values of one paragraph joined. */
  text: string;
  /** A link target: the glossary does not reach it. */
  href: boolean;
  /** For a glossary wording, its term. */
  term?: string;
  /** For an Action cell, its item's id. */
  actionId?: string;
  /** Where the character at `index` of `text` is in the file. */
  pointAt(index: number): Point;
  /** The text folded for matching names (computed once). */
  folded(): Folded;
}

// Folding is the costly part of matching: each text is folded once, when first asked.
function lazyFold(text: string): () => Folded {
  let f: Folded | undefined;
  return () => (f ??= fold(text));
}

/**
 * The COE as the export reads it: past a repeated frontmatter key, each
 * repeated key takes its last value (the lint still reports the repeat), so
 * the draft keeps its title, dates and glossary, and customer-terms reads the
 * glossary the export uses.
 */
export function asExported(doc: CoeDocument): CoeDocument {
  const data = doc.frontmatter.lastValues;
  return data ? { ...doc, frontmatter: { ...doc.frontmatter, data } } : doc;
}

/** The body of the first section with this key, as the draft reads it. */
export function sectionNodes(doc: CoeDocument, key: SectionKey): RootContent[] | undefined {
  const section = doc.sectionsByKey.get(key)?.[0];
  return section ? doc.root.children.slice(section.bodyStart, section.bodyEnd) : undefined;
}

/** The action items the draft lists (those not dropped), each with the cell its Action column was read from. */
export function publishedActions(doc: CoeDocument): { item: ActionItem; cell: TableCell | undefined }[] {
  return (doc.actionItems?.items ?? [])
    .filter((item) => item.status.toLowerCase() !== 'dropped')
    .map((item) => ({ item, cell: item.cells.action?.node }));
}

/** The title the draft shows: the frontmatter's, else the level-1 heading. */
export function titleOf(doc: CoeDocument): string {
  return doc.frontmatter.data.title ?? doc.title?.text ?? 'Untitled incident';
}

/** Every piece of text the export publishes, with where it is in the file. */
export function publishedTexts(doc: CoeDocument, redact: Redactor): PublishedText[] {
  const out: PublishedText[] = [];
  const fm = doc.frontmatter;

  // The last: past a repeated key the draft takes the last value (asExported).
  const title = fm.strings.filter((s) => s.path === 'title').at(-1);
  if (fm.data.title !== undefined && title)
    out.push(scalar('title', withoutRemovals(redact.mask(title.value), redact), title.range.start, doc));
  else if (fm.data.title === undefined) {
    const h1 = doc.root.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
    if (h1)
      out.push(
        joined(
          'title',
          titleLeaves(h1).map((l) => ({ ...l, text: redact.mask(l.text) })),
          doc,
          redact,
        ),
      );
  }
  for (const s of fm.strings) {
    if (/^regions\.\d+$/.test(s.path) && (fm.data.regions ?? []).includes(s.value))
      out.push(scalar('region', withoutRemovals(redact.mask(s.value), redact), s.range.start, doc));
  }
  for (const key of PUBLISHED_SECTIONS) {
    const nodes = sectionNodes(doc, key);
    if (nodes) toBlocks(nodes, redact, linkDefinitions(doc.root), tracer(key, doc, redact, out));
  }
  for (const { item, cell } of publishedActions(doc)) {
    if (cell) toInlines(cell.children, redact, linkDefinitions(doc.root), tracer('action', doc, redact, out, item.id || undefined));
  }
  // A wording is published when the opening sentence names it (a service's) or the glossary puts it in.
  const used = new Set((fm.data.services ?? []).map(foldName));
  const terms = new NameSet(
    Object.entries(fm.data.glossary ?? {}).flatMap(([term, wording]) => (typeof wording === 'string' ? [term] : [])),
  );
  if (terms.size > 0) for (const t of out) if (!t.href) for (const m of terms.mentions(t.folded())) used.add(foldName(m.name));
  for (const [term, wording] of Object.entries(fm.data.glossary ?? {})) {
    if (typeof wording !== 'string' || !used.has(foldName(term))) continue;
    const s = fm.strings.find((x) => x.path === `glossary.${term}` && x.value === wording);
    if (s) out.push({ ...scalar('glossary', wording, s.range.start, doc), term });
  }
  return out;
}

function tracer(part: PublishedPart, doc: CoeDocument, redact: Redactor, out: PublishedText[], actionId?: string): Tracer {
  return {
    only: true,
    unit: (leaves: Leaf[]) => out.push({ ...joined(part, leaves, doc, redact), ...(actionId ? { actionId } : {}) }),
    href: (link: Link | Definition) => {
      const at = urlPoint(doc, link) ?? link.position?.start ?? { line: 1, column: 1 };
      const text = link.url;
      out.push({
        part,
        text,
        href: true,
        ...(actionId ? { actionId } : {}),
        pointAt: (i) => ({ line: at.line, column: at.column + i }),
        folded: lazyFold(text),
      });
    },
  };
}

// The values of one unit joined, each mapped back through its node; words
// on internal hosts masked, as the export leaves them out.
function joined(part: PublishedPart, leaves: Leaf[], doc: CoeDocument, redact: Redactor): PublishedText {
  const read = joinLeaves(leaves, doc.lines);
  const { text, folded } = withoutRemovals(read.text, redact);
  return {
    part,
    text,
    href: false,
    folded,
    pointAt: (index) => read.pointAt(index) ?? leaves[0]?.node?.position?.start ?? { line: 1, column: 1 },
  };
}

// What the draft's title reads when it comes from the level-1 heading: its plain text.
function titleLeaves(heading: Heading): Leaf[] {
  const out: Leaf[] = [];
  const visit = (node: Nodes): void => {
    if ('value' in node && typeof node.value === 'string') out.push({ text: node.value, node });
    else if (node.type === 'image' && node.alt) out.push({ text: node.alt, node: undefined });
    if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  heading.children.forEach(visit);
  return out;
}

// Same length: what the export removes becomes MARK characters.
function withoutRemovals(text: string, redact: Redactor): Unfolded {
  // Folded at most once for both: to find the removals, and to match names in a text that loses none.
  const folded = lazyFold(text);
  const removed = redact.removals(text, folded);
  if (removed.length === 0) return { text, folded };
  const units = text.split('');
  for (const r of removed) units.fill(MARK, r.index, r.index + r.length);
  const masked = units.join('');
  return { text: masked, folded: lazyFold(masked) };
}

/** A text, and its fold when first asked. */
interface Unfolded {
  text: string;
  folded: () => Folded;
}

// A frontmatter value: columns from its start (after an opening quote).
function scalar(part: PublishedPart, value: string | Unfolded, start: Point, doc: CoeDocument): PublishedText {
  const { text, folded } = typeof value === 'string' ? { text: value, folded: lazyFold(value) } : value;
  const line = doc.lines[start.line - 1] ?? '';
  const quote = line[start.column - 1] === '"' || line[start.column - 1] === "'" ? 1 : 0;
  return { part, text, href: false, pointAt: (i) => ({ line: start.line, column: start.column + quote + i }), folded };
}

// Where a link's target is written: after "](" on the link's lines, when it is written as is.
function urlPoint(doc: CoeDocument, link: Link | Definition): Point | undefined {
  const p = link.position;
  if (!p || !link.url) return undefined;
  for (let line = p.start.line; line <= p.end.line; line++) {
    const source = doc.lines[line - 1] ?? '';
    const from = line === p.start.line ? p.start.column - 1 : 0;
    const to = line === p.end.line ? p.end.column - 1 : source.length;
    const at = source.slice(from, to).lastIndexOf(link.url);
    if (at !== -1) return { line, column: from + at + 1 };
  }
  return undefined;
}
