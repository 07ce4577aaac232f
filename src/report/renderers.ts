// The report's formats. HTML is loaded only when asked for.
import type { Report } from './schema.js';
import { renderReportMarkdown } from './render-markdown.js';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export async function renderReport(report: Report, format: ReportFormat): Promise<string> {
  if (format === 'md') return renderReportMarkdown(report);
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const { renderReportHtml } = await import('./render-html.js');
  return renderReportHtml(report);
}
