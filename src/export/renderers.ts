// The three renderers of the RCA model, each with the escaping it applies to
// text, which the leak check needs to find names in the rendered draft.
import type { Rca } from './schema.js';
import { escapeMarkdown, renderMarkdown } from './render-markdown.js';
import { renderHtml } from './render-html.js';
import { escapeJson, renderJson } from './render-json.js';
import { escapeHtml } from './escape.js';

export const EXPORT_FORMATS = ['markdown', 'html', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Renderer {
  render(rca: Rca): string;
  escape(text: string): string;
}

export const RENDERERS: Record<ExportFormat, Renderer> = {
  markdown: { render: renderMarkdown, escape: escapeMarkdown },
  html: { render: renderHtml, escape: escapeHtml },
  json: { render: renderJson, escape: escapeJson },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}
