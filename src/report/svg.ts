// Small inline SVG charts for the report's HTML page: counts as bars, COEs per
// week as columns. Each chart is an image with a title and a description for
// screen readers; the page puts the numbers in a table next to it. Every
// piece of text is escaped. No script, no external resource.
import { escapeHtml } from '../export/escape.js';

export const FONT = 12;

export interface ChartFrame {
  /** Unique in the page: the title and description get ids from it. */
  id: string;
  className: string;
  title: string;
  desc: string;
  width: number;
  height: number;
}

export function svgChart(frame: ChartFrame, body: string[]): string {
  const { id, width, height } = frame;
  return (
    `<svg class="chart ${frame.className}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-labelledby="${id}-title" aria-describedby="${id}-desc">` +
    `<title id="${id}-title">${escapeHtml(frame.title)}</title><desc id="${id}-desc">${escapeHtml(frame.desc)}</desc>` +
    body.join('') +
    '</svg>'
  );
}

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${round(x)}" y="${round(y)}"${attrs ? ` ${attrs}` : ''}>${escapeHtml(content)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, className: string): string {
  return `<line class="${className}" x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}"/>`;
}

/** A tooltip for the element it is in: the figure of one mark. */
export function tip(content: string): string {
  return `<title>${escapeHtml(content)}</title>`;
}

/** A class name made of a key from a document, safe in an attribute. */
export function slug(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export interface Bar {
  key: string;
  label: string;
  count: number;
  /** The tooltip of the bar. */
  tip: string;
}

const BAR_WIDTH = 640;
const BAR_LABEL = 120;
const BAR_ROW = 26;

/** Horizontal bars from zero, one a row, the count at the end of each. */
export function barChart(frame: Omit<ChartFrame, 'width' | 'height'>, bars: Bar[]): string {
  const most = Math.max(1, ...bars.map((b) => b.count));
  const span = BAR_WIDTH - BAR_LABEL - 48;
  const body = bars.map((b, i) => {
    const y = 6 + i * BAR_ROW;
    const width = Math.max(b.count > 0 ? 2 : 0, (b.count / most) * span);
    return (
      `<g class="bar k-${slug(b.key)}">${tip(b.tip)}` +
      text(BAR_LABEL - 8, y + 13, b.label, 'class="label" text-anchor="end"') +
      `<rect x="${BAR_LABEL}" y="${y}" width="${round(width)}" height="18" rx="2"/>` +
      text(BAR_LABEL + width + 6, y + 13, String(b.count), 'class="value"') +
      '</g>'
    );
  });
  body.unshift(line(BAR_LABEL, 2, BAR_LABEL, 10 + bars.length * BAR_ROW, 'axis'));
  return svgChart({ ...frame, width: BAR_WIDTH, height: 14 + bars.length * BAR_ROW }, body);
}

export interface Column {
  label: string;
  count: number;
  tip: string;
}

const WEEK_WIDTH = 720;
const WEEK_HEIGHT = 190;
const WEEK_LEFT = 34;
const WEEK_RIGHT = WEEK_WIDTH - 34;
const WEEK_TOP = 10;
const WEEK_BASE = WEEK_HEIGHT - 34;

/** Columns from zero, one per week, weeks with none included; a week label every 80 px or more. */
export function columnChart(frame: Omit<ChartFrame, 'width' | 'height'>, columns: Column[]): string {
  const most = Math.max(1, ...columns.map((c) => c.count));
  const step = countStep(most);
  const top = Math.ceil(most / step) * step;
  const y = (n: number) => WEEK_BASE - (n / top) * (WEEK_BASE - WEEK_TOP);
  const band = (WEEK_RIGHT - WEEK_LEFT) / Math.max(1, columns.length);
  const body: string[] = [];
  for (let n = 0; n <= top; n += step) {
    body.push(line(WEEK_LEFT, y(n), WEEK_RIGHT, y(n), n === 0 ? 'axis' : 'grid'));
    body.push(text(WEEK_LEFT - 6, y(n) + 4, String(n), 'class="label" text-anchor="end"'));
  }
  // A label is about 62 px wide: one every 80 px or more.
  const every = Math.max(1, Math.ceil(80 / band));
  columns.forEach((c, i) => {
    const x = WEEK_LEFT + i * band;
    if (c.count > 0) {
      const width = Math.max(1, band * 0.8);
      body.push(
        `<rect class="column" x="${round(x + (band - width) / 2)}" y="${round(y(c.count))}" width="${round(width)}" height="${round(WEEK_BASE - y(c.count))}">${tip(c.tip)}</rect>`,
      );
    }
    if (i % every === 0) {
      const mid = x + band / 2;
      body.push(line(mid, WEEK_BASE, mid, WEEK_BASE + 4, 'tick'));
      body.push(text(mid, WEEK_BASE + 18, c.label, 'class="label" text-anchor="middle"'));
    }
  });
  return svgChart({ ...frame, width: WEEK_WIDTH, height: WEEK_HEIGHT }, body);
}

/** A step for a count axis: whole numbers, about four lines. */
function countStep(most: number): number {
  for (const step of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]) if (most / step <= 5) return step;
  return 10_000;
}
