// The quick fix every finding has: turn its rule off for its line, with a
// reason to write. On a line of text (a paragraph, heading, list item or
// table row) a `coe-disable-line` comment goes at its end; around a code
// block, an HTML block or a table's header, a `coe-disable` … `coe-enable`
// pair, since a comment inside them would change them. The block is read
// again with the comment before the fix is offered.
import type { Nodes, RootContent } from 'mdast';
import type { Message } from '../engine/rule.js';
import { FATAL, UNUSED_DISABLE } from '../engine/builtins.js';
import type { CoeDocument, ControlComment } from '../model/types.js';
import { rangeOf } from '../model/text.js';
import { parseMarkdown } from '../parse/markdown.js';
import { readControlComments } from '../parse/controls.js';
import { applyEdits, eolOf, insert, insertLinesAfter, insertLinesBefore, type Edit } from './edits.js';
import type { Fix } from './fix-ids.js';
import { lineEnd } from './positions.js';

export const REASON = 'reason';

export function disableFixes(doc: CoeDocument, message: Message): Fix[] {
  const rule = message.ruleId;
  if (rule === FATAL || rule === UNUSED_DISABLE) return [];
  const line = message.line;
  const frontmatter = doc.frontmatter.range;
  if (frontmatter && line <= frontmatter.end.line) return [];
  const top = doc.root.children.find((n) => covers(n, line));
  if (!top) return [];
  const block = deepestBlock(top, line);
  const spanned = block.type === 'code' || block.type === 'html' || (block.type === 'table' && block.position!.start.line === line);
  if (block.type === 'code' && !isFenced(doc, block)) return [];
  const edits = spanned ? spanAround(doc, block, rule) : [endOfLine(doc, block, line, rule)];
  if (!disablesCached(doc, top, block, edits, rule, line, spanned)) return [];
  const what = !spanned
    ? 'this line'
    : block.type === 'code'
      ? 'this code block'
      : block.type === 'table'
        ? 'this table'
        : 'this HTML block';
  return [{ title: `Disable ${rule} for ${what}`, edits }];
}

function covers(node: Nodes, line: number): boolean {
  const p = node.position;
  return p !== undefined && p.start.line <= line && line <= p.end.line;
}

// The innermost block (not a container) on that line.
function deepestBlock(node: Nodes, line: number): Nodes {
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
    const child = (node.children as Nodes[]).find((c) => covers(c, line));
    if (child) return deepestBlock(child, line);
  }
  return node;
}

function isFenced(doc: CoeDocument, node: Nodes): boolean {
  const start = node.position!.start;
  const text = (doc.lines[start.line - 1] ?? '').slice(start.column - 1);
  return text.startsWith('```') || text.startsWith('~~~');
}

const comment = (directive: string, rule: string, reason = true) => `<!-- ${directive} ${rule}${reason ? ` -- ${REASON}` : ''} -->`;

function spanAround(doc: CoeDocument, block: Nodes, rule: string): Edit[] {
  const { start, end } = block.position!;
  const indent = (doc.lines[start.line - 1] ?? '').slice(0, start.column - 1);
  return [
    insertLinesBefore(doc, start.line, [indent + comment('coe-disable', rule)]),
    insertLinesAfter(doc, end.line, [indent + comment('coe-enable', rule, false)]),
  ];
}

// At the end of the line. In a table row, after its last "|", where the
// comment is a cell past the header's, which no column reads.
function endOfLine(doc: CoeDocument, block: Nodes, line: number, rule: string): Edit {
  const text = (doc.lines[line - 1] ?? '').trimEnd();
  const at = { line, column: text.length + 1 };
  const pipe = block.type === 'table' && !text.endsWith('|') ? ' |' : '';
  return insert(text.length > 0 ? at : lineEnd(doc.lines, line), `${pipe} ${comment('coe-disable-line', rule)}`);
}

// The check reads the block again, which costs as much as a tenth of the
// whole document: after an edit elsewhere, the same block gives the same
// answer, so it is kept by everything the answer depends on.
const checked = new Map<string, boolean>();

function disablesCached(
  doc: CoeDocument,
  top: RootContent,
  block: Nodes,
  edits: Edit[],
  rule: string,
  line: number,
  spanned: boolean,
): boolean {
  const from = top.position!.start.line;
  const to = top.position!.end.line;
  const where = [line, block.position!.start.line, block.position!.end.line].map((l) => l - from);
  const key = [rule, spanned, top.type, eolOf(doc), ...where, doc.lines.slice(from - 1, to).join('\n')].join('\0');
  let answer = checked.get(key);
  if (answer === undefined) {
    if (checked.size >= 500) checked.clear();
    checked.set(key, (answer = disables(doc, top, edits, rule, line, spanned)));
  }
  return answer;
}

// The block read again with the edit: the same blocks (and the comments),
// and a directive that turns the rule off on the line.
function disables(doc: CoeDocument, top: RootContent, edits: Edit[], rule: string, line: number, spanned: boolean): boolean {
  const eol = eolOf(doc);
  const from = top.position!.start.line;
  const to = top.position!.end.line;
  const added = spanned ? 2 : 0;
  // The block as the document has it; read alone it may only differ, and then no fix is offered.
  const before = [top];
  const lines = applyEdits(doc.lines, eol, edits).split(eol);
  const after = parseMarkdown(lines.slice(from - 1, to + added).join('\n')).children;
  const shape = (nodes: RootContent[]) => nodes.map((n) => n.type).join(',');
  // Around a top-level block the comments are blocks of their own; inside a list item, part of it.
  const around = after.length === before.length + 2 && after[0]?.type === 'html' && after.at(-1)?.type === 'html';
  const same = shape(after) === shape(before) || (spanned && around && shape(after.slice(1, -1)) === shape(before));
  if (!same) return false;
  const target = line - from + 1 + (spanned ? 1 : 0);
  return controlsIn(after).some((c) => c.rules.includes(rule) && turnsOff(c, target));
}

function turnsOff(control: ControlComment, line: number): boolean {
  if (control.kind === 'disable-line') return control.range.start.line <= line && line <= control.range.end.line;
  if (control.kind === 'disable') return control.range.start.line < line;
  return false;
}

function controlsIn(nodes: RootContent[]): ControlComment[] {
  const out: ControlComment[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'html') out.push(...readControlComments(node.value, rangeOf(node)));
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  nodes.forEach((n) => visit(n));
  return out;
}
