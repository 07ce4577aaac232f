// Impact: the narrative paragraphs and whatever else the section holds.
import type { RootContent } from 'mdast';
import type { ImpactModel } from '../model/types.js';
import { countWords, rangeOf, textOf } from '../model/text.js';
import type { SectionInput } from './context.js';

const IGNORED = new Set(['html', 'heading', 'thematicBreak', 'definition']);

export function parseImpact(input: SectionInput): ImpactModel {
  const model: ImpactModel = { paragraphs: [], otherBlocks: [], words: 0 };
  readBlocks(input.nodes, model);
  return model;
}

function readBlocks(nodes: RootContent[], model: ImpactModel): void {
  for (const node of nodes) {
    if (IGNORED.has(node.type)) continue;
    // A quoted paragraph (a customer's words, say) is still narrative prose.
    if (node.type === 'blockquote') {
      readBlocks(node.children, model);
      continue;
    }
    const text = textOf(node);
    const words = countWords(text);
    model.words += words;
    if (node.type === 'paragraph') model.paragraphs.push({ text, words, range: rangeOf(node) });
    else model.otherBlocks.push({ type: node.type, words, range: rangeOf(node) });
  }
}
