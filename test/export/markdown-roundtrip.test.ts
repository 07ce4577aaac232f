// The Markdown draft reads back, through the project's own parser, as the
// RCA model that the HTML export renders: removals and adjacent emphasis
// leave no literal asterisks and no dangling line break.
import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { edit } from '../helpers/lint.js';
import { exportString, paymentsDocument } from './helpers.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import type { Block, Inline } from '../../src/export/schema.js';

const IMPACT = 'between 5 and 40 minutes late.';
const withParagraph = (markdown: string) => edit(paymentsDocument(), IMPACT, `${IMPACT}\n\n${markdown}\n\n`);

// Both trees as one string: text runs joined, "strong(…)", "emphasis(…)", "code(…)", "break".
function shapeOfModel(list: Inline[]): string {
  return list
    .map((i) => {
      if (i.type === 'text') return i.text;
      if (i.type === 'code') return `code(${i.text})`;
      if (i.type === 'break') return 'break';
      return `${i.type}(${shapeOfModel(i.children)})`;
    })
    .join('');
}

function shapeOfMarkdown(nodes: Nodes[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return n.value.replace(/\s*\n\s*/g, ' ');
      if (n.type === 'inlineCode') return `code(${n.value})`;
      if (n.type === 'break') return 'break';
      if (n.type === 'link') return `link(${shapeOfMarkdown(n.children)})`;
      if ('children' in n) return `${n.type}(${shapeOfMarkdown(n.children as Nodes[])})`;
      return n.type;
    })
    .join('');
}

// The second paragraph of "What happened": the one the test added.
function readBack(markdown: string): { model: string; markdown: string; draft: string } {
  const result = exportString(withParagraph(markdown));
  const block = result.rca.whatHappened.blocks[1] as Extract<Block, { type: 'paragraph' }>;
  const root = parseMarkdown(result.output);
  const heading = root.children.findIndex((n) => n.type === 'heading' && shapeOfMarkdown(n.children) === 'What happened');
  const paragraph = root.children[heading + 2]!;
  const draft = result.output.split('\n## What happened\n\n')[1]!.split('\n\n')[1]!;
  return {
    model: shapeOfModel(block.content),
    markdown: 'children' in paragraph ? shapeOfMarkdown(paragraph.children as Nodes[]) : '',
    draft,
  };
}

describe('the Markdown draft reads back as the model', () => {
  const cases: [string, string][] = [
    ['We thank *@dana-w for the report* and **the team of @sam**.', 'We thank *for the report* and **the team of**.'],
    ['We fixed it.\\\nAI-2', 'We fixed it.'],
    ['**bold**__bold2__ and *em*_em2_ end.', '**boldbold2** and *emem2* end.'],
    ['**x**_y_ and _y_**x** end.', '**x***y* and *y***x** end.'],
    ['See **@sam** and *AI-1* here.', 'See and here.'],
    ['A *b **@sam*** c.', 'A *b* c.'],
  ];
  for (const [written, expected] of cases) {
    it(JSON.stringify(written), () => {
      const { model, markdown, draft } = readBack(written);
      expect(draft).toBe(expected);
      expect(markdown).toBe(model);
    });
  }
});
