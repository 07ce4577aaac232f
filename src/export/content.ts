// From mdast to the RCA's blocks and inline content, redacting as it goes.
// Raw HTML becomes plain text (renderers escape it), comments and images
// are dropped, and links customers may not follow keep only their text.
//
// Each paragraph, heading, table cell or code block is one unit: its text
// values are masked (ids, handles) one by one, then read joined, as a reader
// sees them, for internal hosts and glossary terms (redact.edits), so a name
// split by emphasis or a link is still one name. A Tracer sees each unit's
// values before that second step, with the node each came from: that is
// the published text the customer-terms rule checks (src/export/published.ts).
import type { Definition, Link, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { Block, Inline } from './schema.js';
import { MARK, applyEdits, type Edit, type Redactor } from './redact.js';
import { reflow, tidyMarked } from './tidy.js';
import { AFTER_ARROW, BEFORE_ARROW, bracketDepths } from '../parse/references.js';
import type { Leaf } from '../model/text.js';

export interface Tracer {
  /** Only trace: the draft itself is not needed, so the second step is skipped. */
  only?: boolean;
  /** The values of one paragraph, heading, cell or code block, in order. */
  unit?(leaves: Leaf[]): void;
  /** A link kept in the draft (or the definition a reference link takes its target from), and the target it gets. */
  href?(link: Link | Definition, href: string): void;
  /** An id, @handle or internal address in running text that the draft leaves out (at `index` of the node's value): the sentence loses a word. */
  removed?(node: Nodes, found: Removal): void;
}

interface Context {
  redact: Redactor;
  tracer: Tracer | undefined;
  /** The node each text or code inline was read from, and its value before masking. */
  sources: Map<Inline, { node: Nodes; value: string }>;
  /** Lesson ids are left out: an Action cell's, not a section's (see Redactor.mask). */
  lessons: boolean;
  /** The link definitions of the document, by identifier: "[status page][status]" takes its target from one. */
  definitions: Map<string, Definition>;
}

/** The link definitions of a document, by identifier (the first of each, as in CommonMark); read once. */
export function linkDefinitions(root: Root): Map<string, Definition> {
  let found = definitionsByRoot.get(root);
  if (found) return found;
  found = new Map();
  const visit = (node: Nodes): void => {
    if (node.type === 'definition' && !found!.has(node.identifier)) found!.set(node.identifier, node);
    else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') (node.children as Nodes[]).forEach(visit);
  };
  visit(root);
  definitionsByRoot.set(root, found);
  return found;
}

const definitionsByRoot = new WeakMap<Root, Map<string, Definition>>();

export function toBlocks(nodes: RootContent[], redact: Redactor, definitions: Map<string, Definition>, tracer?: Tracer): Block[] {
  const ctx: Context = { redact, tracer, sources: new Map(), lessons: false, definitions };
  return nodes.flatMap((node) => toBlock(node, ctx));
}

function toBlock(node: RootContent, ctx: Context): Block[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      const content = unit(node.children, ctx);
      return hasText(content) ? [{ type: node.type, content }] : [];
    }
    case 'list': {
      const items = node.children.map((item) => item.children.flatMap((child) => toBlock(child, ctx))).filter((b) => b.length > 0);
      if (items.length === 0) return [];
      // "3. Payment failed." after "Steps 1 and 2 worked" keeps its number.
      const start = node.ordered === true && typeof node.start === 'number' && node.start !== 1 ? { start: node.start } : {};
      return [{ type: 'list', ordered: node.ordered === true, ...start, items }];
    }
    case 'blockquote': {
      const blocks = node.children.flatMap((child) => toBlock(child, ctx));
      return blocks.length > 0 ? [{ type: 'quote', blocks }] : [];
    }
    case 'code':
      ctx.tracer?.unit?.([{ text: ctx.redact.mask(node.value, { lessons: ctx.lessons, code: true }), node }]);
      return [{ type: 'code', text: ctx.tracer?.only ? '' : ctx.redact.text(node.value, { lessons: ctx.lessons, code: true }) }];
    case 'table':
      return [toTable(node, ctx)];
    case 'html': {
      const content = unit([node], ctx);
      return hasText(content) ? [{ type: 'paragraph', content }] : [];
    }
    default:
      return []; // thematic breaks, definitions, frontmatter
  }
}

function toTable(node: Table, ctx: Context): Block {
  const [header, ...rows] = node.children.map((row) => row.children.map((cell) => unit(cell.children, ctx)));
  return { type: 'table', header: header ?? [], rows };
}

/** The inline content of an Action cell, redacted (its lesson ids left out). */
export function toInlines(nodes: PhrasingContent[], redact: Redactor, definitions: Map<string, Definition>, tracer?: Tracer): Inline[] {
  return unit(nodes, { redact, tracer, sources: new Map(), lessons: true, definitions });
}

function unit(nodes: (PhrasingContent | RootContent)[], ctx: Context): Inline[] {
  const raw = nodes.flatMap((node) => toInline(node as PhrasingContent, ctx));
  redactAcross(raw, ctx);
  // Only traced: the unit's values are all the tracer sees, and its draft is not wanted.
  if (ctx.tracer?.only) return raw;
  return tidy(hoistEdges(raw), true);
}

// Emphasis cannot open or close on a space in Markdown ("* for the report*"
// is literal asterisks): the spaces and removals at its edges move outside
// it, where tidying closes the gap as between any words.
function hoistEdges(list: Inline[]): Inline[] {
  return list.flatMap((i): Inline[] => {
    if (!('children' in i)) return [i];
    const children = joinTexts(hoistEdges(i.children));
    if (i.type === 'link') return [{ ...i, children }];
    const lead = cutEdge(children, true);
    const trail = cutEdge(children, false);
    // Emptied by removals: only its marks are left, for tidying to close.
    if (children.every((c) => c.type === 'text' && c.text === '')) return joinTexts([...lead, ...trail]);
    return [...lead, { ...i, children }, ...trail];
  });
}

function joinTexts(list: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const i of list) {
    const last = out.at(-1);
    if (i.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + i.text };
    else out.push(i);
  }
  return out;
}

// Cuts the run of spaces and marks at the start (or end) of the first (or last) text child out of it.
function cutEdge(children: Inline[], start: boolean): Inline[] {
  const k = start ? 0 : children.length - 1;
  const child = children[k];
  if (child?.type !== 'text') return [];
  const blank = (c: string | undefined) => c === MARK || (c !== undefined && /\s/.test(c));
  const text = child.text;
  let cut = start ? 0 : text.length;
  if (start) while (cut < text.length && blank(text[cut])) cut++;
  else while (cut > 0 && blank(text[cut - 1])) cut--;
  const edge = start ? text.slice(0, cut) : text.slice(cut);
  if (!edge) return [];
  children[k] = { type: 'text', text: start ? text.slice(cut) : text.slice(0, cut) };
  return [{ type: 'text', text: edge }];
}

const removed = (): Inline => ({ type: 'text', text: MARK });

// Step one: structure, with each text value masked and the same length as in the node.
function toInline(node: PhrasingContent, ctx: Context): Inline[] {
  const leaf = (type: 'text' | 'code', value: string): Inline[] => {
    const inline: Inline = { type, text: ctx.redact.mask(value, { lessons: ctx.lessons, code: type === 'code' }) };
    ctx.sources.set(inline, { node, value });
    return [inline];
  };
  switch (node.type) {
    case 'text':
      return leaf('text', node.value);
    case 'strong':
    case 'emphasis':
      return [{ type: node.type, children: node.children.flatMap((c) => toInline(c, ctx)) }];
    case 'inlineCode':
      return leaf('code', node.value);
    case 'link': {
      const children = node.children.flatMap((c) => toInline(c, ctx));
      const href = ctx.redact.href(node.url);
      if (!href) return children;
      ctx.tracer?.href?.(node, href);
      return [{ type: 'link', href, children }];
    }
    case 'linkReference': {
      const children = node.children.flatMap((c) => toInline(c, ctx));
      const definition = ctx.definitions.get(node.identifier);
      const href = definition && ctx.redact.href(definition.url);
      if (!href) return children;
      ctx.tracer?.href?.(definition, href);
      return [{ type: 'link', href, children }];
    }
    case 'image':
    case 'imageReference':
      return [removed()]; // no remote images; the draft is text
    case 'break':
      return [{ type: 'break' }];
    case 'html': {
      const visible = blankComments(node.value);
      return visible.replaceAll(MARK, '').trim() ? leaf('text', visible) : [removed()];
    }
    default:
      return 'children' in node ? (node.children as PhrasingContent[]).flatMap((c) => toInline(c, ctx)) : [];
  }
}

// The unit's removals that leave a sentence short, each at its node.
function traceRemovals(leaves: (TextInline | undefined)[], masked: string[], ctx: Context): void {
  const raw = leaves.map((l, k) => (l ? (ctx.sources.get(l)?.value ?? masked[k]!) : '\n'));
  traceAt(leaves, masked, removalsIn(raw.join(''), masked.join('')), ctx);
}

// The same for the internal addresses (ticket URLs, hosts on internal
// domains) the edits take out of running text: "follow progress at <URL> as
// we work" would read "follow progress at as we work".
function traceAddressRemovals(leaves: (TextInline | undefined)[], texts: string[], edits: Edit[], ctx: Context): void {
  const joined = texts.join('');
  // In one pass (the edits are in order): a paragraph may hold thousands.
  let masked = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.text !== undefined || edit.index < at) continue;
    masked += joined.slice(at, edit.index) + MARK.repeat(edit.length);
    at = edit.index + edit.length;
  }
  if (at === 0) return;
  masked += joined.slice(at);
  const found = removalsIn(joined, masked).map((r): Removal => ({ ...r, kind: 'address' }));
  traceAt(leaves, texts, found, ctx);
}

// Each removal at its node, by the lengths of the unit's values (masking keeps them).
function traceAt(leaves: (TextInline | undefined)[], values: string[], found: Removal[], ctx: Context): void {
  let k = 0;
  let offset = 0;
  for (const r of found) {
    while (k < leaves.length && offset + values[k]!.length <= r.index) offset += values[k++]!.length;
    const source = leaves[k] && ctx.sources.get(leaves[k]!);
    if (source) ctx.tracer!.removed!(source.node, { ...r, index: r.index - offset });
  }
}

/** An id, @handle or internal address that the draft leaves out of running text. */
export interface Removal {
  index: number;
  text: string;
  kind: 'person' | 'id' | 'address';
}

/**
 * What the draft leaves out of a text (`masked` is `raw` with ids and
 * handles masked) where the sentence then reads wrong ("Thanks to @dana-w"
 * → "Thanks to", "AI-2 adds an alarm" → "adds an alarm"); not what tidying
 * takes away cleanly: ids in brackets ("(see AI-1)", "(…, AI-3)"), handles
 * in brackets they empty ("(@dana-w, @sam)"), ids beside an arrow ("L1 → L2"),
 * in a list ("A, AI-1, B") or after a comma at the end ("fixed it, AI-1.").
 */
export function removalsIn(raw: string, masked: string): Removal[] {
  if (!masked.includes(MARK)) return [];
  // Nothing left: the draft drops the whole paragraph, and no sentence is short.
  if (masked.replaceAll(MARK, '').trim() === '') return [];
  const depths = bracketDepths(masked);
  const out: Removal[] = [];
  for (let i = masked.indexOf(MARK); i !== -1; i = masked.indexOf(MARK, i)) {
    let end = i;
    while (masked[end] === MARK) end++;
    const text = raw.slice(i, end);
    // A comment or image left out is no word of a sentence.
    if (text !== '' && !text.includes(MARK) && !/^<!--/.test(text)) {
      const kind = text.startsWith('@') ? 'person' : 'id';
      const clean = kind === 'person' ? inEmptiedBrackets(masked, i, end) : depths[i]! > 0 || tidiedAway(masked, i, end);
      if (!clean && !besideArrow(masked, i, end)) out.push({ index: i, text, kind });
    }
    i = end;
  }
  return out;
}

const blank = (c: string | undefined) => c === MARK || (c !== undefined && /\s/.test(c));
const gap = (c: string | undefined) => blank(c) || c === ',' || c === ';';

// The span widened over the characters `skip` takes, on both sides.
function widened(masked: string, start: number, end: number, skip: (c: string | undefined) => boolean): [number, number] {
  while (start > 0 && skip(masked[start - 1])) start--;
  while (end < masked.length && skip(masked[end])) end++;
  return [start, end];
}

// "A, AI-1, B" and "fixed it, AI-1." read whole without the id.
function tidiedAway(masked: string, start: number, end: number): boolean {
  const [from, to] = widened(masked, start, end, blank);
  const before = masked[from - 1];
  const after = masked[to];
  return (before === ',' || before === ';') && (after === undefined || '.!?),;'.includes(after));
}

function inEmptiedBrackets(masked: string, start: number, end: number): boolean {
  const [from, to] = widened(masked, start, end, gap);
  const pair = `${masked[from - 1] ?? ''}${masked[to] ?? ''}`;
  return pair === '()' || pair === '[]';
}

// "learnt L1 → L2": ids on either side of an arrow go with it, as the lint reads them.
function besideArrow(masked: string, start: number, end: number): boolean {
  const [from, to] = widened(masked, start, end, gap);
  return AFTER_ARROW.test(masked.slice(Math.max(0, from - 2), from)) || BEFORE_ARROW.test(masked.slice(to, to + 2));
}

type TextInline = Extract<Inline, { type: 'text' | 'code' }>;

// Step two: the unit's values joined, as a reader sees them; hosts out, glossary terms in.
function redactAcross(raw: Inline[], ctx: Context): void {
  const leaves: (TextInline | undefined)[] = [];
  const collect = (list: Inline[]): void => {
    for (const i of list) {
      if (i.type === 'text' || i.type === 'code') leaves.push(i);
      else if (i.type === 'break') leaves.push(undefined);
      else collect(i.children);
    }
  };
  collect(raw);
  const texts = leaves.map((l) => (l ? l.text : '\n'));
  ctx.tracer?.unit?.(leaves.map((l, k) => ({ text: texts[k]!, node: l ? ctx.sources.get(l)?.node : undefined })));
  if (ctx.tracer?.removed) traceRemovals(leaves, texts, ctx);
  if (ctx.tracer?.only) return;
  const edits = ctx.redact.edits(texts.join(''));
  if (edits.length === 0) return;
  if (ctx.tracer?.removed) traceAddressRemovals(leaves, texts, edits, ctx);
  let offset = 0;
  let e = 0;
  leaves.forEach((leaf, k) => {
    const text = texts[k]!;
    const end = offset + text.length;
    while (e < edits.length && edits[e]!.index + edits[e]!.length <= offset) e++;
    const mine: Edit[] = [];
    for (let j = e; j < edits.length && edits[j]!.index < end; j++) {
      const edit = edits[j]!;
      const from = Math.max(edit.index, offset);
      const to = Math.min(edit.index + edit.length, end);
      // The replacement goes where the edit starts; the rest of it is emptied.
      const replacement = edit.index >= offset ? edit.text : edit.text === undefined ? undefined : '';
      mine.push({ index: from - offset, length: to - from, text: replacement });
    }
    if (leaf && mine.length > 0) leaf.text = applyEdits(text, mine);
    offset = end;
  });
}

// Step three: line breaks in text reflowed, marks tidied, what was emptied dropped.
function tidy(list: Inline[], edges: boolean): Inline[] {
  const out: Inline[] = [];
  for (const i of list) {
    if (i.type === 'text') out.push({ type: 'text', text: reflow(i.text) });
    else if (i.type === 'code') {
      const text = tidyMarked(i.text);
      out.push(text ? { type: 'code', text } : removed());
    } else if (i.type === 'break') out.push(i);
    else {
      const children = tidy(i.children, false);
      out.push(hasText(children) ? { ...i, children } : removed());
    }
  }
  return finish(out, edges);
}

// Join neighbouring text, then tidy what a removal left behind.
function finish(inlines: Inline[], edges: boolean): Inline[] {
  const merged: Inline[] = [];
  for (const i of inlines) {
    const last = merged.at(-1);
    if (i.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', text: last.text + i.text };
    // "**a**__b__" reads as one bold run; written "**a****b**", Markdown would show the asterisks.
    else if ((i.type === 'strong' || i.type === 'emphasis') && last?.type === i.type)
      merged[merged.length - 1] = { ...last, children: finish([...last.children, ...i.children], false) };
    else merged.push(i);
  }
  const tidied = merged.map((i): Inline => (i.type === 'text' ? { type: 'text', text: tidyMarked(i.text) } : i));
  return (edges ? trimEdges(tidied) : tidied).filter((i) => i.type !== 'text' || i.text !== '');
}

// Comments never render, so none of their text reaches customers, wherever
// they sit in a block of HTML (an unclosed one runs to the end). Marks keep
// the length, so the rest still maps to the file.
export function blankComments(html: string): string {
  let out = '';
  let at = 0;
  for (let i = html.indexOf('<!--'); i !== -1; i = html.indexOf('<!--', at)) {
    const close = html.indexOf('-->', i + 4);
    const end = close === -1 ? html.length : close + 3;
    out += html.slice(at, i) + MARK.repeat(end - i);
    at = end;
  }
  return out + html.slice(at);
}

function hasText(inlines: Inline[]): boolean {
  return inlines.some((i) => {
    if (i.type === 'text' || i.type === 'code') return i.text.replaceAll(MARK, '').trim() !== '';
    if (i.type === 'break') return false;
    return hasText(i.children);
  });
}

// Removing an id at the start or end of a paragraph leaves a stray space,
// or a line break with nothing after it (a dangling "\\" in Markdown).
function trimEdges(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  const empty = (i: Inline | undefined) => i?.type === 'break' || (i?.type === 'text' && i.text.trim() === '');
  while (empty(out[0])) out.shift();
  while (empty(out.at(-1))) out.pop();
  const first = out[0];
  if (first?.type === 'text') out[0] = { type: 'text', text: first.text.trimStart() };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text.trimEnd() };
  return out.filter((i) => i.type !== 'text' || i.text !== '');
}

/** Plain text of inline content. */
export function inlineText(inlines: Inline[]): string {
  return inlines
    .map((i) => {
      if (i.type === 'text' || i.type === 'code') return i.text;
      if (i.type === 'break') return '\n';
      return inlineText(i.children);
    })
    .join('');
}

/** Plain text of blocks: paragraphs separated by a blank line, list items by "- ". */
export function blocksText(blocks: Block[]): string {
  return blocks.map(blockText).join('\n\n');
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.content);
    case 'list':
      return block.items
        .map((item, i) => `${block.ordered ? `${(block.start ?? 1) + i}.` : '-'} ${blocksText(item).replace(/\n/g, '\n  ')}`)
        .join('\n');
    case 'quote':
      return blocksText(block.blocks);
    case 'code':
      return block.text;
    case 'table':
      return [block.header, ...block.rows].map((row) => row.map(inlineText).join(' | ')).join('\n');
  }
}

/** The link targets in blocks, for the leak check. */
export function linksOf(value: Block[] | Inline[]): string[] {
  const out: string[] = [];
  const visit = (node: Block | Inline): void => {
    if (node.type === 'link') out.push(node.href);
    if ('children' in node) node.children.forEach(visit);
    if ('content' in node) node.content.forEach(visit);
    if ('blocks' in node) node.blocks.forEach(visit);
    if (node.type === 'list') node.items.flat().forEach(visit);
    if (node.type === 'table') [node.header, ...node.rows].flat(2).forEach(visit);
  };
  value.forEach(visit);
  return out;
}
