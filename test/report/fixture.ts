// A small report made by hand, every section filled, for the renderers'
// tests: text from documents that must be escaped, ids in running text, an
// id named in a figure without a title, an unreadable file and a duplicate.
import { reportSchema, type ActionRef, type Report, type Stats } from '../../src/report/schema.js';

export const HOSTILE_TITLE = '<script>window.__x=1</script> & "quotes" <img src=x onerror=window.__x=2>';

const stats = (values: [string, number][], unknown: string[] = []): Stats => {
  const sorted = values.map(([, s]) => s).sort((a, b) => a - b);
  const rank = (p: number) => (sorted.length ? sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]! : null);
  return {
    n: values.length,
    unknown,
    median: rank(50),
    p90: rank(90),
    max: sorted.at(-1) ?? null,
    largest: [...values]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([coe, seconds]) => ({ coe, seconds })),
    values: [...values].sort((a, b) => a[1] - b[1]).map(([coe, seconds]) => ({ coe, seconds })),
    coes: values.map(([id]) => id),
  };
};

const action = (coe: string, id: string, text: string, days: number | null, status = 'open'): ActionRef => ({
  coe,
  id,
  action: text,
  owner: 'team <ops>',
  due: '2026-11-20',
  status,
  reach: 'team',
  days,
});

export function sampleReport(): Report {
  const detect: [string, number][] = [
    ['COE-2026-001', 0],
    ['COE-2026-002', 300],
    ['COE-2026-003', 2700],
    ['COE-2026-004', 7200],
    ['COE-2026-005', 90_000],
  ];
  const phase = (id: Report['phases'][number]['id'], label: string, from: string, to: string, values: [string, number][]) => ({
    id,
    label,
    from,
    to,
    overall: stats(values, ['COE-2026-006']),
    bySeverity: [
      { severity: 1, stats: stats(values.slice(0, 2)) },
      { severity: 2, stats: stats(values.slice(2), ['COE-2026-006']) },
      { severity: null, stats: stats([]) },
    ],
  });
  return reportSchema.parse({
    kind: 'coe-report',
    version: 1,
    now: '2026-12-01',
    window: {
      since: '2026-01-01',
      until: '2026-11-30',
      coes: ['COE-2026-001', 'COE-2026-002', 'COE-2026-003'],
      unplaced: ['COE-2026-006'],
    },
    unreadable: [{ file: 'docs/<broken>.md', reason: 'frontmatter: <b>bad</b> YAML, see COE-2026-002' }],
    duplicates: [{ file: 'docs/copy.md', id: 'COE-2026-003', first: 'docs/2026-03.md' }],
    caveat: 'Counts show how readily teams write COEs.',
    counts: {
      bySeverity: [
        { key: '1', count: 2, coes: ['COE-2026-001', 'COE-2026-002'] },
        { key: '2', count: 1, coes: ['COE-2026-003'] },
      ],
      byService: [{ key: '<svc>', count: 1, coes: ['COE-2026-001'] }],
      byDetectedBy: [{ key: 'alarm', count: 3, coes: ['COE-2026-001', 'COE-2026-002', 'COE-2026-003'] }],
      byTag: [{ key: 'dns', count: 1, coes: ['COE-2026-009'] }],
      byStatus: [{ key: 'review', count: 1, coes: ['COE-2026-003'] }],
      perWeek: [
        { key: '2026-W01', count: 1, coes: ['COE-2026-001'] },
        { key: '2026-W02', count: 0, coes: [] },
        { key: '2026-W03', count: 2, coes: ['COE-2026-002', 'COE-2026-003'] },
      ],
    },
    phases: [
      phase('time-to-detect', 'Time to detect', 'start', 'detected', detect),
      phase('time-to-engage', 'Time to engage', 'detected', 'engaged', detect.slice(1, 3)),
      phase('time-to-mitigate', 'Time to mitigate', 'start', 'mitigated', detect),
      phase('duration', 'Duration', 'start', 'resolved', detect),
    ],
    trend: null,
    tenets: [{ id: 'detect-before-customers', sentence: 'Detect failures before customers do', breached: ['COE-2026-002'], of: 3 }],
    recurrence: { days: 90, groups: [{ coes: ['COE-2026-001', 'COE-2026-002'], reasons: ['COE-2026-002 names COE-2026-001 as related'] }] },
    actions: {
      total: 4,
      byStatus: [
        { key: 'open', count: 2, coes: ['COE-2026-001'] },
        { key: 'done', count: 1, coes: ['COE-2026-002'] },
        { key: 'validated', count: 1, coes: ['COE-2026-003'] },
      ],
      byTerm: [{ key: 'short', count: 4, coes: ['COE-2026-001', 'COE-2026-002', 'COE-2026-003'] }],
      byOwner: [{ key: 'team <ops>', count: 4, coes: ['COE-2026-001', 'COE-2026-002', 'COE-2026-003'] }],
      byReach: [
        { key: 'team', count: 3, coes: ['COE-2026-001', 'COE-2026-002'] },
        { key: 'none', count: 1, coes: ['COE-2026-003'] },
      ],
      overdue: [action('COE-2026-001', 'AI-1', 'Fix <img src=x onerror=window.__x=3> as in COE-2026-003, not COE-1999-001', 11)],
      dueSoon: [action('COE-2026-001', 'AI-2', 'Rotate keys', 3)],
      dueSoonDays: 14,
      awaitingValidation: [action('COE-2026-002', 'AI-1', 'Add an alarm', null, 'done')],
      dueInWindow: { n: 2, completed: 1, coes: ['COE-2026-001', 'COE-2026-002'] },
      openAge: { n: 2, median: 20, max: 40, oldest: [action('COE-2026-001', 'AI-1', 'Fix it', 40)] },
    },
    reach: {
      perCoe: [
        { coe: 'COE-2026-001', widest: 'team' },
        { coe: 'COE-2026-002', widest: 'centralized' },
        { coe: 'COE-2026-003', widest: null },
      ],
      beyondTeam: { k: 1, n: 3, coes: ['COE-2026-002'] },
    },
    reviewQueue: {
      pending: [{ coe: 'COE-2026-003', title: HOSTILE_TITLE, status: 'review', days: 12 }],
      noCustomerSummary: [{ coe: 'COE-2026-002', title: 'Second', days: 9 }],
    },
    titles: {
      'COE-2026-001': 'First',
      'COE-2026-002': 'Second',
      'COE-2026-003': HOSTILE_TITLE,
      'COE-2026-004': 'Fourth',
      'COE-2026-005': 'Fifth',
      'COE-2026-006': 'Sixth, with no start',
    },
  });
}
