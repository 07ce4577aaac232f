// The report as one self-contained HTML page: every section of the Markdown
// report, charts as inline SVG next to the numbers they draw, inline CSS with
// a print stylesheet, no scripts and nothing loaded from elsewhere. Every COE
// id is a link to the COE's row in the list at the end. Text from the COEs is
// escaped, and a Content Security Policy forbids scripts should anything slip.
import { escapeHtml } from '../export/escape.js';
import { formatDuration } from '../util/time.js';
import { plural } from '../util/text.js';
import { windowText } from './render-markdown.js';
import type { ActionRef, Count, Report, Stats } from './schema.js';
import { barChart, columnChart } from './svg.js';
import { dotPlot, type DotRow } from './svg-dots.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5a6472; --rule: #d9dee5; --accent: #1f5fae; --mark: #fff3bf; }
* { box-sizing: border-box; }
body { margin: 0; background: #f5f6f8; color: var(--ink); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 2rem auto; padding: 2rem 2.5rem; background: #fff; border: 1px solid var(--rule); border-radius: 6px; }
header { border-bottom: 1px solid var(--rule); margin-bottom: 1rem; }
.kicker { margin: 0; color: var(--muted); font-size: .85rem; letter-spacing: .06em; text-transform: uppercase; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: .25rem 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .35rem; }
a { color: var(--accent); }
a.coe, .nowrap { white-space: nowrap; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .88em; background: #f0f2f5; border-radius: 3px; padding: .05em .3em; }
.caveat { margin: 1rem 0; padding: .5rem 1rem; border-left: 3px solid #c98a00; background: #fffbeb; color: var(--ink); }
nav ul { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; font-size: .92rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; color: var(--muted); font-size: .85rem; padding-bottom: .25rem; }
th, td { border: 1px solid var(--rule); padding: .25rem .55rem; text-align: left; vertical-align: top; }
th { background: #f7f8fa; font-weight: 600; }
tbody th { background: none; font-weight: 500; white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr:target, li:target { background: var(--mark); }
figure { margin: .75rem 0; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 0 2rem; align-items: start; }
figcaption { color: var(--muted); font-size: .88rem; max-width: 46rem; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
svg text.label { fill: var(--muted); }
svg text.row-label { font-weight: 600; }
svg .axis { stroke: #8a94a3; stroke-width: 1.5; }
svg .grid, svg .row { stroke: #e3e7ec; stroke-width: 1; }
svg .tick { stroke: #8a94a3; stroke-width: 1; }
svg .column, svg .bar rect { fill: var(--accent); }
svg .dot { fill: var(--accent); fill-opacity: .8; stroke: #fff; stroke-width: 1.5; }
svg .median { stroke: var(--ink); stroke-width: 3; }
svg .p90 { stroke: #d9822b; stroke-width: 2; }
svg .k-open rect { fill: #d9822b; }
svg .k-in-progress rect { fill: #e3b341; }
svg .k-done rect { fill: #5b9bd5; }
svg .k-validated rect { fill: #2e7d32; }
svg .k-dropped rect, svg .k-none rect, svg .k-unknown rect { fill: #a7b0bb; }
svg .k-team rect { fill: #9dbce3; }
svg .k-education rect { fill: #5f92d0; }
svg .k-distributed rect { fill: #2f6bb7; }
svg .k-centralized rect { fill: #1b4682; }
@media print {
  @page { margin: 16mm 14mm; }
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; margin: 0; padding: 0; border: 0; border-radius: 0; }
  nav { display: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure, tr, li, .caveat { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  svg.chart, .caveat, tr:target { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

interface Section {
  id: string;
  heading: string;
  content: string;
}

export function renderReportHtml(report: Report): string {
  const links = new Links(report.titles);
  const sections: Section[] = [
    ...problems(report, links),
    { id: 'counts', heading: 'Counts', content: counts(report, links) },
    { id: 'phases', heading: 'Phase durations', content: phases(report, links) },
    { id: 'tenets', heading: 'Tenets', content: tenets(report, links) },
    { id: 'recurrence', heading: 'Recurrence', content: recurrence(report, links) },
    { id: 'actions', heading: 'Action items', content: actions(report, links) },
    { id: 'reach', heading: 'Reach of lessons', content: reach(report, links) },
    { id: 'review', heading: 'Review queue', content: review(report, links) },
  ];
  const header = pageHeader(report, links);
  // Last, so that it holds every id linked above.
  sections.push({ id: 'coes', heading: 'COEs in this report', content: coeList(links) });
  const title = `COE report: ${windowText(report)}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    header,
    nav(sections),
    ...sections.map((s) => `<section aria-labelledby="${s.id}">\n<h2 id="${s.id}">${escapeHtml(s.heading)}</h2>\n${s.content}\n</section>`),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// An id in running text: a COE id of the format (PREFIX-YYYY-NNN).
const ID_IN_TEXT = /(?<![\w-])[A-Za-z][A-Za-z0-9]*-\d{4}-\d{3,}(?![\w-])/g;

/** Links to COEs by id, remembering each id linked so the page can give it an anchor. */
class Links {
  readonly named = new Set<string>();
  constructor(readonly titles: Record<string, string>) {}

  coe(id: string): string {
    this.named.add(id);
    const title = this.title(id);
    return `<a class="coe" href="#${encodeURIComponent(anchor(id))}"${title === undefined ? '' : ` title="${escapeHtml(title)}"`}>${escapeHtml(id)}</a>`;
  }

  list(ids: string[]): string {
    return ids.length ? ids.map((id) => this.coe(id)).join(', ') : '—';
  }

  /** Text from a document, escaped, with the ids of the report's COEs in it linked. */
  text(text: string): string {
    let out = '';
    let at = 0;
    for (const m of text.matchAll(ID_IN_TEXT)) {
      if (this.title(m[0]) === undefined) continue;
      out += escapeHtml(text.slice(at, m.index)) + this.coe(m[0]);
      at = m.index + m[0].length;
    }
    return out + escapeHtml(text.slice(at));
  }

  title(id: string): string | undefined {
    return Object.hasOwn(this.titles, id) ? this.titles[id] : undefined;
  }
}

const anchor = (id: string) => `coe-${id}`;
const duration = (seconds: number | null) => (seconds === null ? '—' : formatDuration(seconds * 1000));
const p = (html: string) => `<p>${html}</p>`;
const h3 = (text: string) => `<h3>${escapeHtml(text)}</h3>`;
const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
const n = (value: number | string) => ({ n: String(value) });

type Cell = string | { n: string };

/** Cells are HTML already; the first heads its row; a number cell is right-aligned. */
function table(head: string[], rows: Cell[][], caption?: string): string {
  const cell = (c: Cell, i: number) =>
    i === 0
      ? `<th scope="row">${typeof c === 'string' ? c : c.n}</th>`
      : typeof c === 'string'
        ? `<td>${c}</td>`
        : `<td class="n">${c.n}</td>`;
  return [
    '<table>',
    caption ? `<caption>${escapeHtml(caption)}</caption>` : '',
    `<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`),
    '</tbody>',
    '</table>',
  ]
    .filter(Boolean)
    .join('\n');
}

function figure(svg: string, caption: string): string {
  return `<figure>\n${svg}\n<figcaption>${escapeHtml(caption)}</figcaption>\n</figure>`;
}

function pageHeader(report: Report, links: Links): string {
  const parts = [`${plural(report.window.coes.length, 'COE')} in the window`, `computed for ${escapeHtml(report.now)}`];
  const { unplaced } = report.window;
  if (unplaced.length) parts.push(`${unplaced.length} left out: no readable start (${links.list(unplaced)})`);
  if (report.unreadable.length) parts.push(`<a href="#unreadable">${plural(report.unreadable.length, 'unreadable COE')}</a>`);
  if (report.duplicates.length)
    parts.push(`<a href="#duplicates">${plural(report.duplicates.length, 'file')} with the id of another COE</a>`);
  return [
    '<header>',
    '<p class="kicker">COE report for the operations meeting</p>',
    `<h1>${escapeHtml(`COE report: ${windowText(report)}`)}</h1>`,
    p(`${parts.join('; ')}.`),
    `<p class="caveat">${escapeHtml(report.caveat)}</p>`,
    '</header>',
  ].join('\n');
}

function nav(sections: Section[]): string {
  const items = sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`).join('');
  return `<nav aria-label="Sections"><ul>${items}</ul></nav>`;
}

function problems(report: Report, links: Links): Section[] {
  const out: Section[] = [];
  if (report.unreadable.length > 0) {
    const items = report.unreadable.map((u) => `<li>${code(u.file)}: ${links.text(u.reason)}</li>`);
    out.push({
      id: 'unreadable',
      heading: 'Unreadable COEs',
      content: `${p('Counted, not dropped: their frontmatter or file cannot be read, so no figure includes them.')}\n<ul>\n${items.join('\n')}\n</ul>`,
    });
  }
  if (report.duplicates.length > 0) {
    const items = report.duplicates.map((d) => `<li>${code(d.file)}: ${links.coe(d.id)}, as ${code(d.first)}</li>`);
    out.push({
      id: 'duplicates',
      heading: 'Duplicate ids',
      content: `${p('An id names one COE: these files repeat the id of a COE already counted, and are not counted again.')}\n<ul>\n${items.join('\n')}\n</ul>`,
    });
  }
  return out;
}

function countTable(label: string, counts: Count[], links: Links, counted = 'COEs'): string {
  if (counts.length === 0) return p(`No ${escapeHtml(label.toLowerCase())} to count.`);
  return table(
    [label, counted, counted === 'COEs' ? 'ids' : 'in COEs'],
    counts.map((c) => [escapeHtml(c.key), n(c.count), links.list(c.coes)]),
  );
}

function counts(report: Report, links: Links): string {
  const c = report.counts;
  const week = perWeek(report, links);
  return [
    h3('COEs per week'),
    week.figure,
    grid(
      week.table,
      h3('By severity') + countTable('Severity', c.bySeverity, links),
      h3('By detection') + countTable('Detected by', c.byDetectedBy, links),
      h3('By status') + countTable('Status', c.byStatus, links),
      h3('By service') + countTable('Service', c.byService, links),
      h3('By tag') + countTable('Tag', c.byTag, links),
    ),
  ].join('\n');
}

/** Blocks side by side where the page is wide enough. */
function grid(...blocks: string[]): string {
  return `<div class="grid">\n${blocks.map((b) => `<div>\n${b}\n</div>`).join('\n')}\n</div>`;
}

function perWeek(report: Report, links: Links): { figure: string; table: string } {
  const weeks = report.counts.perWeek;
  if (weeks.length === 0) return { figure: p('No COE in the window has a readable start.'), table: '' };
  const busy = weeks.filter((w) => w.count > 0);
  const most = Math.max(...weeks.map((w) => w.count));
  const total = busy.reduce((sum, w) => sum + w.count, 0);
  const summary =
    `${plural(total, 'COE')} over ${plural(weeks.length, 'ISO week')}, ${weeks[0]!.key} to ${weeks.at(-1)!.key}: ` +
    `${plural(busy.length, 'week')} with any, at most ${most} in a week.`;
  const svg = columnChart(
    { id: 'chart-per-week', className: 'per-week', title: 'COEs per week', desc: `${summary} The table below lists the weeks with any.` },
    weeks.map((w) => ({
      label: w.key,
      count: w.count,
      tip: `${w.key}: ${plural(w.count, 'COE')}${w.count ? ` (${w.coes.join(', ')})` : ''}`,
    })),
  );
  return {
    figure: figure(svg, `${summary} By the week of each COE's start; weeks with none are shown.`),
    table:
      h3('Weeks with any COE') +
      table(
        ['Week', 'COEs', 'ids'],
        busy.map((w) => [escapeHtml(w.key), n(w.count), links.list(w.coes)]),
      ),
  };
}

function statsText(label: string, s: Stats): string {
  if (s.n === 0) return `${label}: no COE with the figure${s.unknown.length ? `, ${s.unknown.length} unknown` : ''}`;
  return (
    `${label}: n ${s.n}, median ${duration(s.median)}, 90th percentile ${duration(s.p90)}, max ${duration(s.max)}` +
    `${s.unknown.length ? `, ${s.unknown.length} unknown` : ''}`
  );
}

function phases(report: Report, links: Links): string {
  const out = [
    p('Medians and 90th percentiles by the nearest-rank method; a COE that lacks a milestone is counted as unknown, not guessed.'),
  ];
  for (const phase of report.phases) {
    const groups = [
      { label: 'All', stats: phase.overall },
      ...phase.bySeverity.map((b) => ({ label: b.severity === null ? 'Severity unknown' : `Severity ${b.severity}`, stats: b.stats })),
    ];
    const rows: DotRow[] = groups.map((g) => ({
      label: g.label,
      n: g.stats.n,
      unknown: g.stats.unknown.length,
      median: g.stats.median,
      p90: g.stats.p90,
      points: g.stats.values,
    }));
    const svg = dotPlot(
      {
        id: `chart-${phase.id}`,
        className: 'phase',
        title: `${phase.label} by severity`,
        desc: `${groups.map((g) => statsText(g.label, g.stats)).join('; ')}.`,
      },
      rows,
      duration,
    );
    const caption = `${phase.label}, from ${phase.from} to ${phase.to}, by severity. Each dot is a COE.`;
    out.push(`<h3>${escapeHtml(phase.label)} (${code(phase.from)} → ${code(phase.to)})</h3>`, figure(svg, caption));
    out.push(
      table(
        ['', 'n', 'median', '90th percentile', 'max', 'unknown', 'largest'],
        groups.map((g) => [
          escapeHtml(g.label),
          n(g.stats.n),
          n(duration(g.stats.median)),
          n(duration(g.stats.p90)),
          n(duration(g.stats.max)),
          g.stats.unknown.length ? `${g.stats.unknown.length}: ${links.list(g.stats.unknown)}` : '0',
          g.stats.largest.map((l) => `${links.coe(l.coe)} (${duration(l.seconds)})`).join(', ') || '—',
        ]),
      ),
    );
  }
  out.push(h3('Trend'));
  const t = report.trend;
  out.push(
    t
      ? p(
          `Median time to mitigate: ${duration(t.first.median)} over the first ${t.first.n} COEs of the window ` +
            `(${links.list(t.first.coes)}), ${duration(t.second.median)} over the last ${t.second.n} (${links.list(t.second.coes)}).`,
        )
      : p('No trend: it needs at least 10 COEs with a known time to mitigate in each half of the window.'),
  );
  return out.join('\n');
}

function tenets(report: Report, links: Links): string {
  const items = report.tenets.map(
    (t) =>
      `<li><strong>${escapeHtml(t.sentence)}</strong>: broken by ${t.breached.length} of ${plural(t.of, 'COE')}` +
      `${t.breached.length ? ` (${links.list(t.breached)})` : ''}.</li>`,
  );
  return `<ul>\n${items.join('\n')}\n</ul>`;
}

function recurrence(report: Report, links: Links): string {
  const { groups, days } = report.recurrence;
  const intro = p(`COEs joined by ${code('related')}, or sharing a service and a tag with starts at most ${plural(days, 'day')} apart.`);
  if (groups.length === 0) return `${intro}\n${p('None.')}`;
  const items = groups.map((g) => `<li>${links.list(g.coes)}<ul>${g.reasons.map((r) => `<li>${links.text(r)}</li>`).join('')}</ul></li>`);
  return `${intro}\n<ul class="groups">\n${items.join('\n')}\n</ul>`;
}

function actionTable(items: ActionRef[], links: Links, days = ''): string {
  if (items.length === 0) return p('None.');
  return table(
    ['COE', 'Item', 'Action', 'Owner', 'Due', 'Status', ...(days ? [days] : [])],
    items.map((a) => [
      links.coe(a.coe),
      escapeHtml(a.id),
      links.text(a.action),
      escapeHtml(a.owner),
      `<span class="nowrap">${escapeHtml(a.due ?? '—')}</span>`,
      escapeHtml(a.status),
      ...(days ? [n(a.days ?? '—')] : []),
    ]),
  );
}

function itemChart(id: string, title: string, counts: Count[]): string {
  if (counts.length === 0) return '';
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const svg = barChart(
    { id, className: 'items', title, desc: `${counts.map((c) => `${c.key}: ${c.count}`).join('; ')}; ${plural(total, 'item')} in all.` },
    counts.map((c) => ({
      key: c.key,
      label: c.key,
      count: c.count,
      tip: `${c.key}: ${plural(c.count, 'item')} in ${plural(c.coes.length, 'COE')}`,
    })),
  );
  return figure(svg, `${title}: ${plural(total, 'item')}; the table gives the COEs behind each bar.`);
}

function actions(report: Report, links: Links): string {
  const a = report.actions;
  const age = a.openAge;
  return [
    p(`Across every COE, whatever the window: ${plural(a.total, 'action item')}.`),
    h3('By status'),
    itemChart('chart-action-status', 'Action items by status', a.byStatus),
    countTable('Status', a.byStatus, links, 'Items'),
    h3('By reach'),
    itemChart('chart-action-reach', 'Action items by Reach', a.byReach),
    countTable('Reach', a.byReach, links, 'Items'),
    grid(h3('By term') + countTable('Term', a.byTerm, links, 'Items'), h3('By owner') + countTable('Owner', a.byOwner, links, 'Items')),
    h3(`Overdue (${a.overdue.length})`),
    actionTable(a.overdue, links, 'Days overdue'),
    h3(`Due in the next ${plural(a.dueSoonDays, 'day')} (${a.dueSoon.length})`),
    actionTable(a.dueSoon, links, 'Days left'),
    h3(`Done, awaiting validation (${a.awaitingValidation.length})`),
    p('Not complete until validated: tested that the same conditions no longer lead to the same failure.'),
    actionTable(a.awaitingValidation, links),
    h3('Due in the window'),
    p(
      `${a.dueInWindow.completed} of ${plural(a.dueInWindow.n, 'item')} due in the window are validated or done now ` +
        `(the documents do not record when they were finished)${a.dueInWindow.coes.length ? `: ${links.list(a.dueInWindow.coes)}` : ''}.`,
    ),
    h3('Age of open items'),
    age.n === 0
      ? p('No open item.')
      : p(
          `${plural(age.n, 'open item')}, ${age.median} days median and ${age.max} days at most since their COE was resolved (or began). The oldest:`,
        ),
    age.n === 0 ? '' : actionTable(age.oldest, links, 'Days'),
  ]
    .filter(Boolean)
    .join('\n');
}

function reach(report: Report, links: Links): string {
  const { perCoe, beyondTeam } = report.reach;
  const out = [
    p(
      `Lessons reached beyond the team in ${beyondTeam.k} of ${plural(beyondTeam.n, 'COE')}` +
        `${beyondTeam.k ? ` (${links.list(beyondTeam.coes)})` : ''}: by education, a distributed change or a centralized one.`,
    ),
  ];
  if (perCoe.length) {
    out.push(
      table(
        ['COE', 'Widest reach'],
        perCoe.map((c) => [links.coe(c.coe), escapeHtml(c.widest ?? 'not recorded')]),
      ),
    );
  }
  return out.join('\n');
}

function review(report: Report, links: Links): string {
  const q = report.reviewQueue;
  const days = (d: number | null) => (d === null ? 'not resolved' : plural(d, 'day'));
  return [
    h3('Drafts and reviews, oldest first'),
    q.pending.length
      ? table(
          ['COE', 'Title', 'Status', 'Since resolved'],
          q.pending.map((r) => [links.coe(r.coe), links.text(r.title), escapeHtml(r.status), n(days(r.days))]),
        )
      : p('None.'),
    h3('Customer-facing, with no Customer summary'),
    p('The customer-facing RCA is due within 7 days of resolution.'),
    q.noCustomerSummary.length
      ? table(
          ['COE', 'Title', 'Since resolved'],
          q.noCustomerSummary.map((r) => [
            links.coe(r.coe),
            links.text(r.title),
            n(days(r.days) + (r.days !== null && r.days > 7 ? ' (late)' : '')),
          ]),
        )
      : p('None.'),
  ].join('\n');
}

// Every COE the report names, each the target of the links to its id.
function coeList(links: Links): string {
  const ids = [...new Set([...Object.keys(links.titles), ...links.named])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (ids.length === 0) return p('None.');
  const rows = ids.map((id) => {
    const title = links.title(id);
    const text = title === undefined ? '<em>title not known</em>' : escapeHtml(title);
    return `<tr id="${escapeHtml(anchor(id))}"><th scope="row">${escapeHtml(id)}</th><td>${text}</td></tr>`;
  });
  return `<table class="coes">\n<thead><tr><th scope="col">id</th><th scope="col">Title</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}
