// Five whys: a nested list read as a tree. A node's own text is its first
// paragraph; its children are the items of the lists nested in it.
import type { List, ListItem } from 'mdast';
import type { WhyNode, WhysModel } from '../model/types.js';
import { rangeOf, textOf } from '../model/text.js';
import type { SectionInput } from './context.js';

export function parseFiveWhys(input: SectionInput): WhysModel {
  const lists = input.nodes.filter((n): n is List => n.type === 'list');
  const roots = lists.flatMap((list) => list.children.map((item) => readNode(item, 0)));
  return { roots, range: lists[0] ? rangeOf(lists[0]) : undefined };
}

function readNode(item: ListItem, depth: number): WhyNode {
  const first = item.children[0];
  const text = first && first.type === 'paragraph' ? textOf(first) : '';
  const children = item.children
    .filter((n): n is List => n.type === 'list')
    .flatMap((list) => list.children.map((child) => readNode(child, depth + 1)));
  return { text, depth, children, references: [], range: rangeOf(item), textRange: rangeOf(first ?? item) };
}

/** Every node of the tree, parents before children. */
export function walkWhys(roots: WhyNode[]): WhyNode[] {
  const out: WhyNode[] = [];
  const visit = (node: WhyNode) => {
    out.push(node);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

/** The root causes: nodes with no children, below the problem statement. */
export function rootCauses(model: WhysModel): WhyNode[] {
  return walkWhys(model.roots).filter((n) => n.depth > 0 && n.children.length === 0);
}
