// The report's chart helpers: positions follow the values, axes say where
// values beyond them are drawn, and text in a chart is escaped.
import { describe, expect, it } from 'vitest';
import { barChart, columnChart } from '../../src/report/svg.js';
import { dotPlot, type DotRow } from '../../src/report/svg-dots.js';

const frame = { id: 'c', className: 'test', title: 'A <chart>', desc: 'Numbers & more' };
const secondsText = (s: number) => `${s} s`;
const row = (points: [string, number][], more: Partial<DotRow> = {}): DotRow => ({
  label: 'All',
  n: points.length,
  unknown: 0,
  median: points[0]?.[1] ?? null,
  p90: points.at(-1)?.[1] ?? null,
  points: points.map(([coe, seconds]) => ({ coe, seconds })),
  ...more,
});
const cxOf = (svg: string, coe: string) => Number(new RegExp(`<circle class="dot" cx="([\\d.]+)"[^>]*><title>${coe}:`).exec(svg)![1]);
const axisLabels = (svg: string) =>
  [...svg.matchAll(/<text x="[\d.]+" y="[\d.]+" class="label" text-anchor="(?:start|middle|end)">([^<]+)<\/text>/g)].map((m) => m[1]);

describe('dotPlot', () => {
  it('places dots on a logarithmic scale: ten times longer, the same step further', () => {
    const svg = dotPlot(
      frame,
      [
        row([
          ['A', 60],
          ['B', 600],
          ['C', 6000],
        ]),
      ],
      secondsText,
    );
    const [a, b, c] = [cxOf(svg, 'A'), cxOf(svg, 'B'), cxOf(svg, 'C')];
    expect(a).toBeLessThan(b);
    expect(b - a).toBeCloseTo(c - b, 0);
  });

  it('draws a value below the first mark at it, and says so on the axis', () => {
    const svg = dotPlot(
      frame,
      [
        row([
          ['A', 0],
          ['B', 30],
          ['C', 4000],
        ]),
      ],
      secondsText,
    );
    expect(cxOf(svg, 'A')).toBe(cxOf(svg, 'B'));
    expect(axisLabels(svg)).toContain('≤ 1 min');
  });

  it('draws a value beyond a year at the last mark, and says so on the axis', () => {
    const svg = dotPlot(
      frame,
      [
        row([
          ['A', 400 * 86_400],
          ['B', 800 * 86_400],
        ]),
      ],
      secondsText,
    );
    expect(cxOf(svg, 'A')).toBe(cxOf(svg, 'B'));
    expect(axisLabels(svg)).toContain('≥ 1 y');
  });

  it('keeps at most eight axis marks, the first and the last among them', () => {
    const svg = dotPlot(
      frame,
      [
        row([
          ['A', 60],
          ['B', 300 * 86_400],
        ]),
      ],
      secondsText,
    );
    const marks = axisLabels(svg).filter((l) => /\d/.test(l!) && !l!.startsWith('n '));
    expect(marks.length).toBeLessThanOrEqual(8);
    expect(marks[0]).toBe('1 min');
    expect(marks.at(-1)).toBe('1 y');
  });

  it('says when a group has no value, and draws no mark for it', () => {
    const svg = dotPlot(frame, [row([], { label: 'Severity 4', unknown: 2 })], secondsText);
    expect(svg).toContain('no COE with both milestones');
    expect(svg).toContain('>n 0, 2 unknown</text>');
    expect(svg.match(/<circle class="dot"/g)).toHaveLength(1); // the legend's
  });

  it('draws the median and 90th percentile over the dots, so that they show', () => {
    const svg = dotPlot(frame, [row([['A', 600]])], secondsText);
    const rowPart = svg.slice(svg.indexOf('<g class="dot-row">'));
    expect(rowPart.indexOf('<circle class="dot"')).toBeLessThan(rowPart.indexOf('<g class="p90">'));
    expect(rowPart.indexOf('<g class="p90">')).toBeLessThan(rowPart.indexOf('<g class="median">'));
  });

  it('escapes its text', () => {
    const svg = dotPlot(frame, [row([['<b>', 600]], { label: 'Sev <1>' })], secondsText);
    expect(svg).toContain('<title id="c-title">A &lt;chart&gt;</title><desc id="c-desc">Numbers &amp; more</desc>');
    expect(svg).toContain('>Sev &lt;1&gt;</text>');
    expect(svg).toContain('<title>&lt;b&gt;: 600 s</title>');
  });
});

describe('columnChart and barChart', () => {
  it('draw counts from zero, taller for more', () => {
    const svg = columnChart(frame, [
      { label: 'W1', count: 1, tip: 'one' },
      { label: 'W2', count: 0, tip: 'none' },
      { label: 'W3', count: 4, tip: 'four' },
    ]);
    const heights = [...svg.matchAll(/<rect class="column"[^>]* height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[1]! / heights[0]!).toBeCloseTo(4, 1);
  });

  it('label no more weeks than fit', () => {
    const weeks = Array.from({ length: 200 }, (_, i) => ({ label: `W${i}`, count: i % 3, tip: '' }));
    const labels = axisLabels(columnChart(frame, weeks)).filter((l) => l!.startsWith('W'));
    expect(labels.length).toBeGreaterThan(4);
    expect(labels.length).toBeLessThanOrEqual(9);
  });

  it('bars are as long as their counts, and escaped', () => {
    const svg = barChart(frame, [
      { key: 'open', label: '<open>', count: 2, tip: 't' },
      { key: 'Not Sure!', label: 'x', count: 4, tip: 't' },
    ]);
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[1]! / widths[0]!).toBeCloseTo(2, 1);
    expect(svg).toContain('&lt;open&gt;');
    expect(svg).toContain('<g class="bar k-not-sure-">');
  });
});
