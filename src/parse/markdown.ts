// Markdown to mdast: CommonMark, YAML frontmatter and GFM tables. The format
// needs only tables from GFM, and the other GFM constructs cost parse time.
// mdast-util-from-markdown and micromark-util-subtokenize are patched for
// speed (patches/, README Development).
import type { Root } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';

function remarkGfmTable(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmTable).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
