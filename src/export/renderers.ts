// The three renderers of the RCA model, each with the reader's view of its
// output, which the leak check reads to find names in the rendered draft.
import type { Rca } from './schema.js';
import { renderMarkdown } from './render-markdown.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { htmlView, jsonView, markdownView, type ReaderView } from './reader.js';

export const EXPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Other names a format may be given by. */
const ALIASES: Record<string, ExportFormat> = { markdown: 'md' };

export interface Renderer {
  render(rca: Rca): string;
  /** The draft as a reader sees it. */
  view(draft: string): ReaderView;
}

export const RENDERERS: Record<ExportFormat, Renderer> = {
  md: { render: renderMarkdown, view: markdownView },
  html: { render: renderHtml, view: htmlView },
  json: { render: renderJson, view: jsonView },
};

/** The format a name stands for ("markdown" is "md"), or undefined. */
export function exportFormatOf(value: unknown): ExportFormat | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.toLowerCase();
  return (EXPORT_FORMATS as readonly string[]).includes(name) ? (name as ExportFormat) : ALIASES[name];
}
