// The report's HTML page, in process: text from documents is escaped, every
// COE id is a link to an anchor in the page, nothing runs or loads, every
// section is there, and every chart is an image with a text equivalent.
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/render-html.js';
import type { Report } from '../../src/report/schema.js';
import { HOSTILE_TITLE, sampleReport } from './fixture.js';

const html = renderReportHtml(sampleReport());

/** The start tags of the page (text holds no `<`: it is escaped). */
const tags = (page: string) => page.match(/<[a-z][^>]*>/gi) ?? [];
/** The names of a tag's attributes; values are quoted and hold no quote, as the page escapes them. */
const attrNames = (tag: string) => [...tag.slice(1).matchAll(/\s([^\s=>]+)(?:="[^"]*")?/g)].map((m) => m[1]!.toLowerCase());
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const headings = (page: string, level: number) =>
  [...page.matchAll(new RegExp(`<h${level}[^>]*>(.*?)</h${level}>`, 'g'))].map((m) => decode(m[1]!.replace(/<[^>]+>/g, '')));
const svgs = (page: string) => page.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
const link = (id: string) => `<a class="coe" href="#coe-${id}"`;

describe('renderReportHtml', () => {
  it('escapes every text from the documents', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;window.__x=1&lt;/script&gt; &amp; &quot;quotes&quot; &lt;img src=x onerror=window.__x=2&gt;');
    expect(html).toContain('Fix &lt;img src=x onerror=window.__x=3&gt; as in');
    expect(html).toContain('<code>docs/&lt;broken&gt;.md</code>: frontmatter: &lt;b&gt;bad&lt;/b&gt; YAML');
    expect(html).toContain('<th scope="row">&lt;svc&gt;</th>');
    expect(html).toContain('team &lt;ops&gt;');
    // In attributes too: the title of a link to the COE.
    expect(html).toContain(
      `title="${HOSTILE_TITLE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}"`,
    );
  });

  it('neither runs nor loads anything', () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    );
    expect(html).not.toMatch(/script-src/);
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    for (const tag of tags(html)) {
      expect(tag).not.toMatch(/^<(script|img|iframe|object|embed|link|base|form|input|foreignObject)\b/i);
      for (const name of attrNames(tag)) {
        expect(name).not.toMatch(/^on/);
        expect(['src', 'srcset', 'action', 'formaction', 'xlink:href', 'style', 'background']).not.toContain(name);
      }
    }
  });

  it('has every section of the Markdown report, the COE list last', () => {
    expect(headings(html, 1)).toEqual(['COE report: 2026-01-01 to 2026-11-30']);
    expect(headings(html, 2)).toEqual([
      'Unreadable COEs',
      'Duplicate ids',
      'Counts',
      'Phase durations',
      'Tenets',
      'Recurrence',
      'Action items',
      'Reach of lessons',
      'Review queue',
      'COEs in this report',
    ]);
    expect(headings(html, 3)).toEqual([
      'COEs per week',
      'Weeks with any COE',
      'By severity',
      'By detection',
      'By status',
      'By service',
      'By tag',
      'Time to detect (start → detected)',
      'Time to engage (detected → engaged)',
      'Time to mitigate (start → mitigated)',
      'Duration (start → resolved)',
      'Trend',
      'By status',
      'By reach',
      'By term',
      'By owner',
      'Overdue (1)',
      'Due in the next 14 days (1)',
      'Done, awaiting validation (1)',
      'Due in the window',
      'Age of open items',
      'Drafts and reviews, oldest first',
      'Customer-facing, with no Customer summary',
    ]);
    expect(html).toContain('Counts show how readily teams write COEs.');
    expect(html).toContain('No trend: it needs at least 10 COEs');
    expect(html).toContain('1 of 2 items due in the window are validated or done now');
    expect(html).toContain('2 open items, 20 days median and 40 days at most');
    expect(html).toContain(`Lessons reached beyond the team in 1 of 3 COEs (${link('COE-2026-002')}`);
    expect(html).toMatch(
      /<li><code>docs\/copy.md<\/code>: <a class="coe" href="#coe-COE-2026-003"[^>]*>COE-2026-003<\/a>, as <code>docs\/2026-03.md<\/code><\/li>/,
    );
  });

  it('leaves out the unreadable and duplicate sections when there are none', () => {
    const clean: Report = { ...sampleReport(), unreadable: [], duplicates: [] };
    const page = renderReportHtml(clean);
    expect(headings(page, 2)).not.toContain('Unreadable COEs');
    expect(headings(page, 2)).not.toContain('Duplicate ids');
    expect(page).not.toContain('href="#unreadable"');
  });

  it('links every id to an anchor in the page', () => {
    const ids = tags(html).flatMap((t) => attr(t, 'id') ?? []);
    expect(new Set(ids).size).toBe(ids.length);
    const hrefs = tags(html).flatMap((t) => attr(t, 'href') ?? []);
    expect(hrefs.length).toBeGreaterThan(50);
    for (const href of hrefs) {
      expect(href.startsWith('#'), href).toBe(true);
      expect(ids, href).toContain(decodeURIComponent(href.slice(1)));
    }
    // Figures, tables and lists: the ids behind them.
    expect(html).toContain(
      `<th scope="row">1</th><td class="n">2</td><td>${link('COE-2026-001')} title="First">COE-2026-001</a>, ${link('COE-2026-002')}`,
    );
    expect(html).toContain(`broken by 1 of 3 COEs (${link('COE-2026-002')}`);
    expect(html).toContain(`1 left out: no readable start (${link('COE-2026-006')}`);
    // Ids in running text, when the report knows them; an id it does not know stays text.
    expect(html).toContain(
      `<li>${link('COE-2026-002')} title="Second">COE-2026-002</a> names ${link('COE-2026-001')} title="First">COE-2026-001</a> as related</li>`,
    );
    expect(html).toContain(`as in ${link('COE-2026-003')}`);
    expect(html).toContain('not COE-1999-001');
    expect(html).not.toContain('#coe-COE-1999-001');
    expect(html).toContain(`YAML, see ${link('COE-2026-002')}`);
  });

  it('ends with every COE the report names, each an anchor with its title', () => {
    const list = html.slice(html.indexOf('<h2 id="coes">'));
    const rows = [...list.matchAll(/<tr id="coe-([^"]+)"><th scope="row">([^<]+)<\/th><td>(.*?)<\/td><\/tr>/g)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    expect(rows).toEqual([
      ['COE-2026-001', 'COE-2026-001', 'First'],
      ['COE-2026-002', 'COE-2026-002', 'Second'],
      [
        'COE-2026-003',
        'COE-2026-003',
        '&lt;script&gt;window.__x=1&lt;/script&gt; &amp; &quot;quotes&quot; &lt;img src=x onerror=window.__x=2&gt;',
      ],
      ['COE-2026-004', 'COE-2026-004', 'Fourth'],
      ['COE-2026-005', 'COE-2026-005', 'Fifth'],
      ['COE-2026-006', 'COE-2026-006', 'Sixth, with no start'],
      // Named by a figure, though the report has no title for it: still an anchor.
      ['COE-2026-009', 'COE-2026-009', '<em>title not known</em>'],
    ]);
  });

  it('gives an id that is not a plain word an anchor its link reaches', () => {
    const report = sampleReport();
    report.counts.byTag = [{ key: 'dns', count: 1, coes: ['odd id#1%.md'] }];
    const page = renderReportHtml(report);
    expect(page).toContain('<a class="coe" href="#coe-odd%20id%231%25.md">odd id#1%.md</a>');
    expect(page).toContain('<tr id="coe-odd id#1%.md">');
  });

  it('draws seven charts, each an image with a title, a description and the numbers next to it', () => {
    const charts = svgs(html);
    expect(charts).toHaveLength(7);
    for (const svg of charts) {
      const open = tags(svg)[0]!;
      const id = attr(open, 'aria-labelledby')!.replace(/-title$/, '');
      expect(attr(open, 'role')).toBe('img');
      expect(attr(open, 'aria-describedby')).toBe(`${id}-desc`);
      expect(svg).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title><desc id="${id}-desc">[^<]{20,}</desc>`));
      // A caption, and a table of the numbers, follow each chart.
      const after = html.slice(html.indexOf(svg) + svg.length);
      expect(after).toMatch(/^\n<figcaption>[^<]+<\/figcaption>\n<\/figure>\n(<div class="grid">\n<div>\n<h3>[^<]+<\/h3>)?<table>/);
    }
    expect(charts.map((s) => attr(tags(s)[0]!, 'aria-labelledby'))).toEqual([
      'chart-per-week-title',
      'chart-time-to-detect-title',
      'chart-time-to-engage-title',
      'chart-time-to-mitigate-title',
      'chart-duration-title',
      'chart-action-status-title',
      'chart-action-reach-title',
    ]);
  });

  it('draws phase durations as dots with median and 90th percentile marks, never bars or means', () => {
    const detect = svgs(html)[1]!;
    expect(detect).toContain('<desc id="chart-time-to-detect-desc">All: n 5, median 45 min, 90th percentile 25 h, max 25 h, 1 unknown;');
    expect(detect).toContain('Severity unknown: no COE with the figure.');
    expect(detect).not.toMatch(/<rect|mean/i);
    // A row per group: All, two severities, and the unknown severity.
    expect(detect.match(/<g class="dot-row">/g)).toHaveLength(4);
    // Every COE with the figure is a dot: 5 in All, then 3, 2 and 1 by severity.
    expect(detect.match(/<circle class="dot"/g)).toHaveLength(5 + 3 + 2 + 1);
    expect(detect.match(/<line class="median"/g)).toHaveLength(1 + 3);
    expect(detect).toContain('<title>COE-2026-005: 25 h</title>');
    expect(detect).toContain('no COE with both milestones');
  });

  it('draws COEs per week as a column per week with any, from zero', () => {
    const week = svgs(html)[0]!;
    expect(week.match(/<rect class="column"/g)).toHaveLength(2);
    expect(week).toContain('<title>2026-W03: 2 COEs (COE-2026-002, COE-2026-003)</title>');
    expect(week).toContain(
      '<desc id="chart-per-week-desc">3 COEs over 3 ISO weeks, 2026-W01 to 2026-W03: 2 weeks with any, at most 2 in a week.',
    );
  });

  it('draws action items by status and by Reach as bars of counts', () => {
    const [status, reach] = svgs(html).slice(5);
    expect(status).toContain('<desc id="chart-action-status-desc">open: 2; done: 1; validated: 1; 4 items in all.</desc>');
    expect(status!.match(/<g class="bar k-/g)).toHaveLength(3);
    expect(reach).toContain('<desc id="chart-action-reach-desc">team: 3; none: 1; 4 items in all.</desc>');
    expect(reach).toContain('<g class="bar k-none"><title>none: 1 item in 1 COE</title>');
  });

  it('is the same bytes for the same report', () => {
    expect(renderReportHtml(sampleReport())).toBe(html);
  });
});
