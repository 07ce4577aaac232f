// From mdast to the RCA's blocks and inline content, redacting as it goes.
// Raw HTML becomes plain text (renderers escape it), comments and images
// are dropped, and links customers may not follow keep only their text.
import type { PhrasingContent, RootContent, Table } from 'mdast';
import type { Block, Inline } from './schema.js';
import { MARK, tidyMarked, type Redactor } from './redact.js';

export function toBlocks(nodes: RootContent[], redact: Redactor): Block[] {
  return nodes.flatMap((node) => toBlock(node, redact));
}

function toBlock(node: RootContent, redact: Redactor): Block[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      const content = toInlines(node.children, redact);
      return hasText(content) ? [{ type: node.type, content }] : [];
    }
    case 'list': {
      const items = node.children.map((item) => toBlocks(item.children, redact)).filter((b) => b.length > 0);
      return items.length > 0 ? [{ type: 'list', ordered: node.ordered === true, items }] : [];
    }
    case 'blockquote': {
      const blocks = toBlocks(node.children, redact);
      return blocks.length > 0 ? [{ type: 'quote', blocks }] : [];
    }
    case 'code':
      return [{ type: 'code', text: redact.text(node.value) }];
    case 'table':
      return [toTable(node, redact)];
    case 'html': {
      const visible = withoutComments(node.value);
      if (!visible.trim()) return [];
      const content = finish(textInline(visible, redact), true);
      return hasText(content) ? [{ type: 'paragraph', content }] : [];
    }
    default:
      return []; // thematic breaks, definitions, frontmatter
  }
}

function toTable(node: Table, redact: Redactor): Block {
  const [header, ...rows] = node.children.map((row) => row.children.map((cell) => toInlines(cell.children, redact)));
  return { type: 'table', header: header ?? [], rows };
}

export function toInlines(nodes: PhrasingContent[], redact: Redactor): Inline[] {
  return finish(nodes.flatMap((node) => toInline(node, redact)), true);
}

// Something left out leaves a MARK: join neighbouring text, then tidy what the removal left behind.
function finish(inlines: Inline[], edges: boolean): Inline[] {
  const merged: Inline[] = [];
  for (const i of inlines) {
    const last = merged.at(-1);
    if (i.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', text: last.text + i.text };
    else merged.push(i);
  }
  const tidied = merged.map((i): Inline => (i.type === 'text' ? { type: 'text', text: tidyMarked(i.text) } : i));
  return (edges ? trimEdges(tidied) : tidied).filter((i) => i.type !== 'text' || i.text !== '');
}

const REMOVED: Inline = { type: 'text', text: MARK };

function toInline(node: PhrasingContent, redact: Redactor): Inline[] {
  switch (node.type) {
    case 'text':
      return textInline(node.value, redact);
    case 'strong':
    case 'emphasis': {
      const children = finish(node.children.flatMap((c) => toInline(c, redact)), false);
      return hasText(children) ? [{ type: node.type, children }] : [REMOVED];
    }
    case 'inlineCode': {
      const text = redact.text(node.value);
      return text ? [{ type: 'code', text }] : [REMOVED];
    }
    case 'link': {
      const children = finish(node.children.flatMap((c) => toInline(c, redact)), false);
      const href = redact.href(node.url);
      if (!hasText(children)) return [REMOVED];
      return href ? [{ type: 'link', href, children }] : children;
    }
    case 'linkReference':
      return node.children.flatMap((c) => toInline(c, redact));
    case 'image':
    case 'imageReference':
      return [REMOVED]; // no remote images; the draft is text
    case 'break':
      return [{ type: 'break' }];
    case 'html':
      return withoutComments(node.value).trim() ? textInline(withoutComments(node.value), redact) : [REMOVED];
    default:
      return 'children' in node ? (node.children as PhrasingContent[]).flatMap((c) => toInline(c, redact)) : [];
  }
}

// Soft line breaks become spaces: the draft is re-flowed.
function textInline(value: string, redact: Redactor): Inline[] {
  const text = redact.marked(value.replace(/[ \t]*\r?\n[ \t]*/g, ' '));
  return text ? [{ type: 'text', text }] : [];
}

// Comments never render, so none of their text reaches customers, wherever
// they sit in a block of HTML (an unclosed one runs to the end).
function withoutComments(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
}

function hasText(inlines: Inline[]): boolean {
  return inlines.some((i) => {
    if (i.type === 'text' || i.type === 'code') return i.text.replaceAll(MARK, '').trim() !== '';
    if (i.type === 'break') return false;
    return hasText(i.children);
  });
}

// Removing an id at the start or end of a paragraph leaves a stray space.
function trimEdges(inlines: Inline[]): Inline[] {
  const out = [...inlines];
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
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${blocksText(item).replace(/\n/g, '\n  ')}`).join('\n');
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
