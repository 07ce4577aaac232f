// The report as Markdown that reads well on GitHub and in a wiki page: a
// section per figure, tables where a figure has rows, and the ids of the
// COEs behind every figure. Text from the COEs is escaped.
import { escapeMarkdown } from '../util/markdown.js';
import { formatDuration } from '../util/time.js';
import { plural } from '../util/text.js';
import type { ActionRef, Count, Report, Stats } from './schema.js';

export function renderReportMarkdown(report: Report): string {
  const out: string[] = [`# COE report: ${windowText(report)}`, summaryLine(report), `> ${escapeMarkdown(report.caveat)}`];
  out.push(...unreadable(report));
  out.push('## Counts', ...countsSection(report));
  out.push('## Phase durations', ...phasesSection(report));
  out.push('## Tenets', ...tenetsSection(report));
  out.push('## Recurrence', ...recurrenceSection(report));
  out.push('## Action items', ...actionsSection(report));
  out.push('## Reach of lessons', ...reachSection(report));
  out.push('## Review queue', ...reviewSection(report));
  return `${out.filter((s) => s !== '').join('\n\n')}\n`;
}

export function windowText(report: Report): string {
  const { since, until } = report.window;
  if (since && until) return `${since} to ${until}`;
  if (since) return `since ${since}`;
  if (until) return `until ${until}`;
  return 'all COEs';
}

function summaryLine(report: Report): string {
  const parts = [`${plural(report.window.coes.length, 'COE')} in the window`, `computed for ${report.now}`];
  if (report.window.unplaced.length)
    parts.push(`${report.window.unplaced.length} left out: no readable start (${ids(report.window.unplaced)})`);
  if (report.unreadable.length) parts.push(`${plural(report.unreadable.length, 'unreadable COE')}, listed below`);
  if (report.duplicates.length) parts.push(`${plural(report.duplicates.length, 'file')} with the id of another COE, listed below`);
  return `${parts.join('; ')}.`;
}

function unreadable(report: Report): string[] {
  const out: string[] = [];
  if (report.unreadable.length > 0) {
    out.push('## Unreadable COEs', 'Counted, not dropped: their frontmatter or file cannot be read, so no figure includes them.');
    out.push(list(report.unreadable.map((u) => `${fileName(u.file)}: ${escapeMarkdown(u.reason)}`)));
  }
  if (report.duplicates.length > 0) {
    out.push('## Duplicate ids', 'An id names one COE: these files repeat the id of a COE already counted, and are not counted again.');
    out.push(list(report.duplicates.map((d) => `${fileName(d.file)}: ${escapeMarkdown(d.id)}, as ${fileName(d.first)}`)));
  }
  return out;
}

const ids = (list: string[]) => (list.length ? list.map(escapeMarkdown).join(', ') : '—');
const list = (items: string[]) => items.map((i) => `- ${i}`).join('\n');
const fileName = (file: string) => `\`${file.replace(/`/g, "'")}\``;
const duration = (seconds: number | null) => (seconds === null ? '—' : formatDuration(seconds * 1000));

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function countTable(label: string, counts: Count[], counted = 'COEs'): string {
  if (counts.length === 0) return `No ${label.toLowerCase()} to count.`;
  const head = counted === 'COEs' ? [label, 'COEs', 'ids'] : [label, counted, 'in COEs'];
  return table(
    head,
    counts.map((c) => [escapeMarkdown(c.key), String(c.count), ids(c.coes)]),
  );
}

function countsSection(report: Report): string[] {
  const c = report.counts;
  return [
    '### By severity',
    countTable('Severity', c.bySeverity),
    '### By service',
    countTable('Service', c.byService),
    '### By detection',
    countTable('Detected by', c.byDetectedBy),
    '### By tag',
    countTable('Tag', c.byTag),
    '### By status',
    countTable('Status', c.byStatus),
  ];
}

function statsRow(label: string, s: Stats, withLargest: boolean): string[] {
  const largest = s.largest.map((l) => `${escapeMarkdown(l.coe)} (${duration(l.seconds)})`).join(', ') || '—';
  return [
    label,
    String(s.n),
    duration(s.median),
    duration(s.p90),
    duration(s.max),
    s.unknown.length ? `${s.unknown.length}: ${ids(s.unknown)}` : '0',
    withLargest ? largest : '',
  ];
}

function phasesSection(report: Report): string[] {
  const out = ['Medians and 90th percentiles by the nearest-rank method; a COE that lacks a milestone is counted as unknown, not guessed.'];
  for (const phase of report.phases) {
    out.push(`### ${phase.label} (${phase.from} → ${phase.to})`);
    const rows = [
      statsRow('All', phase.overall, true),
      ...phase.bySeverity.map((b) => statsRow(b.severity === null ? 'Severity unknown' : `Severity ${b.severity}`, b.stats, false)),
    ];
    out.push(
      table(
        ['', 'n', 'median', 'p90', 'max', 'unknown', 'largest'],
        rows.map((r) => r.map((cell) => cell || ' ')),
      ),
    );
  }
  out.push('### Trend');
  const t = report.trend;
  out.push(
    t
      ? `Median time to mitigate: ${duration(t.first.median)} over the first ${t.first.n} COEs of the window, ${duration(t.second.median)} over the last ${t.second.n}.`
      : 'No trend: it needs at least 10 COEs with a known time to mitigate in each half of the window.',
  );
  return out;
}

function tenetsSection(report: Report): string[] {
  return [
    list(
      report.tenets.map(
        (t) =>
          `**${escapeMarkdown(t.sentence)}**: broken by ${t.breached.length} of ${plural(t.of, 'COE')}${t.breached.length ? ` (${ids(t.breached)})` : ''}.`,
      ),
    ),
  ];
}

function recurrenceSection(report: Report): string[] {
  const { groups, days } = report.recurrence;
  const intro = `COEs joined by \`related\`, or sharing a service and a tag with starts at most ${plural(days, 'day')} apart.`;
  if (groups.length === 0) return [intro, 'None.'];
  return [intro, list(groups.map((g) => `${ids(g.coes)}: ${g.reasons.map(escapeMarkdown).join('; ')}.`))];
}

function actionTable(items: ActionRef[], days: string): string {
  if (items.length === 0) return 'None.';
  return table(
    ['COE', 'Item', 'Action', 'Owner', 'Due', 'Status', days].filter(Boolean),
    items.map((a) => [
      escapeMarkdown(a.coe),
      escapeMarkdown(a.id),
      escapeMarkdown(a.action),
      escapeMarkdown(a.owner),
      a.due ?? '—',
      escapeMarkdown(a.status),
      ...(days ? [String(a.days ?? '—')] : []),
    ]),
  );
}

function actionsSection(report: Report): string[] {
  const a = report.actions;
  const age = a.openAge;
  return [
    `Across every COE, whatever the window: ${plural(a.total, 'action item')}.`,
    '### By status',
    countTable('Status', a.byStatus, 'Items'),
    '### By term',
    countTable('Term', a.byTerm, 'Items'),
    '### By owner',
    countTable('Owner', a.byOwner, 'Items'),
    '### By reach',
    countTable('Reach', a.byReach, 'Items'),
    `### Overdue (${a.overdue.length})`,
    actionTable(a.overdue, 'Days overdue'),
    `### Due in the next ${plural(a.dueSoonDays, 'day')} (${a.dueSoon.length})`,
    actionTable(a.dueSoon, 'Days left'),
    `### Done, awaiting validation (${a.awaitingValidation.length})`,
    'Not complete until validated: tested that the same conditions no longer lead to the same failure.',
    actionTable(a.awaitingValidation, ''),
    '### Due in the window',
    `${a.dueInWindow.completed} of ${plural(a.dueInWindow.n, 'item')} due in the window are validated or done now (the documents do not record when they were finished)${a.dueInWindow.coes.length ? `: ${ids(a.dueInWindow.coes)}` : ''}.`,
    '### Age of open items',
    age.n === 0
      ? 'No open item.'
      : `${plural(age.n, 'open item')}, ${age.median} days median and ${age.max} days at most since their COE was resolved (or began). The oldest:`,
    age.n === 0 ? '' : actionTable(age.oldest, 'Days'),
  ];
}

function reachSection(report: Report): string[] {
  const { perCoe, beyondTeam } = report.reach;
  return [
    `Lessons reached beyond the team in ${beyondTeam.k} of ${plural(beyondTeam.n, 'COE')}${beyondTeam.k ? ` (${ids(beyondTeam.coes)})` : ''}: by education, a distributed change or a centralized one.`,
    perCoe.length
      ? table(
          ['COE', 'Widest reach'],
          perCoe.map((c) => [escapeMarkdown(c.coe), c.widest ?? 'not recorded']),
        )
      : '',
  ];
}

function reviewSection(report: Report): string[] {
  const q = report.reviewQueue;
  const days = (d: number | null) => (d === null ? 'not resolved' : plural(d, 'day'));
  return [
    '### Drafts and reviews, oldest first',
    q.pending.length
      ? table(
          ['COE', 'Title', 'Status', 'Since resolved'],
          q.pending.map((p) => [escapeMarkdown(p.coe), escapeMarkdown(p.title), p.status, days(p.days)]),
        )
      : 'None.',
    '### Customer-facing, with no Customer summary',
    'The customer-facing RCA is due within 7 days of resolution.',
    q.noCustomerSummary.length
      ? table(
          ['COE', 'Title', 'Since resolved'],
          q.noCustomerSummary.map((p) => [
            escapeMarkdown(p.coe),
            escapeMarkdown(p.title),
            days(p.days) + (p.days !== null && p.days > 7 ? ' (late)' : ''),
          ]),
        )
      : 'None.',
  ];
}
