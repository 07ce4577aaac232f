// The report as one self-contained HTML page (placeholder until the page is written).
import { renderReportMarkdown } from './render-markdown.js';
import type { Report } from './schema.js';

export function renderReportHtml(report: Report): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>COE report</title><pre>${escape(renderReportMarkdown(report))}</pre></html>\n`;
}
