// The figures of `coe report` on hand-made sets whose answers are worked
// out here: percentiles by nearest rank, unknown milestones, windows, due
// dates at the edges, reach, recurrence and the review queue.
import { describe, expect, it } from 'vitest';
import { buildReport, isoWeek, TREND_MIN } from '../../src/report/build.js';
import { median, nearestRank } from '../../src/report/stats.js';
import type { PortfolioAction, PortfolioCoe } from '../../src/portfolio/types.js';
import { DEFAULT_CONFIG, type ReportConfig } from '../../src/config/config.js';
import { reportSchema } from '../../src/report/schema.js';

const T0 = Date.parse('2026-03-02T10:00:00Z'); // a Monday
const MIN = 60_000;
const DAY = 86_400_000;

function coe(id: string, over: Partial<PortfolioCoe> = {}): PortfolioCoe {
  return {
    file: `${id}.md`,
    id,
    title: `Title of ${id}`,
    status: 'approved',
    severity: 2,
    owner: 'team-a',
    services: [],
    regions: ['eu-west-1'],
    tags: [],
    related: [],
    detectedBy: 'alarm',
    times: { start: T0, detected: T0 + 5 * MIN, engaged: T0 + 10 * MIN, mitigated: T0 + 60 * MIN, resolved: T0 + 120 * MIN },
    hasCustomerSummary: true,
    actions: [],
    ...over,
  };
}

function item(coeId: string, id: string, over: Partial<PortfolioAction> = {}): PortfolioAction {
  return {
    coeId,
    file: `${coeId}.md`,
    line: 1,
    id,
    action: `Do ${id}`,
    term: 'mid',
    owner: 'team-a',
    due: '2026-04-01',
    dueWritten: '2026-04-01',
    status: 'open',
    reach: '',
    lessons: ['L1'],
    validation: '',
    ...over,
  };
}

const config: ReportConfig = structuredClone(DEFAULT_CONFIG.report);
const report = (coes: PortfolioCoe[], over: { now?: string; since?: string; until?: string; config?: ReportConfig } = {}) =>
  buildReport(
    { coes, unreadable: [], duplicates: [] },
    { now: over.now ?? '2026-04-01', since: over.since, until: over.until, config: over.config ?? config },
  );

describe('nearest-rank percentiles', () => {
  it('the median of an even count is the lower middle value', () => {
    expect(median([1, 2, 3, 4])).toBe(2);
    expect(median([5, 7])).toBe(5);
  });

  it('the 90th percentile of 3 values is the largest; of 10, the 9th', () => {
    expect(nearestRank([10, 20, 30], 90)).toBe(30);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([], 90)).toBeNull();
  });
});

describe('phase durations', () => {
  const coes = [1, 2, 3, 4].map((m, i) => coe(`COE-2026-00${i + 1}`, { times: { start: T0, detected: T0 + m * MIN } }));

  it('gives n, the median, the p90 and the max in seconds, and the COEs behind the largest', () => {
    const ttd = report(coes).phases.find((p) => p.id === 'time-to-detect')!.overall;
    expect([ttd.n, ttd.median, ttd.p90, ttd.max]).toEqual([4, 120, 240, 240]);
    expect(ttd.largest).toEqual([
      { coe: 'COE-2026-004', seconds: 240 },
      { coe: 'COE-2026-003', seconds: 180 },
      { coe: 'COE-2026-002', seconds: 120 },
    ]);
  });

  it('counts a COE that lacks a milestone as unknown, and never guesses it', () => {
    const tte = report(coes).phases.find((p) => p.id === 'time-to-engage')!.overall;
    expect([tte.n, tte.median, tte.unknown]).toEqual([0, null, ['COE-2026-001', 'COE-2026-002', 'COE-2026-003', 'COE-2026-004']]);
  });

  it('splits by severity', () => {
    const mixed = [
      coe('COE-2026-001', { severity: 1 }),
      coe('COE-2026-002', { severity: 3 }),
      coe('COE-2026-003', { severity: undefined }),
    ];
    const by = report(mixed).phases[0]!.bySeverity.map((b) => [b.severity, b.stats.coes]);
    expect(by).toEqual([
      [1, ['COE-2026-001']],
      [3, ['COE-2026-002']],
      [null, ['COE-2026-003']],
    ]);
  });

  it('holds no mean anywhere', () => {
    expect(JSON.stringify(report(coes))).not.toMatch(/"mean"|"average"/i);
  });

  it(`shows a trend only when each half of the window has ${TREND_MIN} COEs`, () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        coe(`COE-2026-${String(i + 1).padStart(3, '0')}`, {
          times: { start: T0 + i * DAY, mitigated: T0 + i * DAY + (i < n / 2 ? 60 : 30) * MIN },
        }),
      );
    expect(report(many(2 * TREND_MIN - 1)).trend).toBeNull();
    const trend = report(many(2 * TREND_MIN)).trend!;
    expect([trend.first.n, trend.first.median, trend.second.n, trend.second.median]).toEqual([TREND_MIN, 3600, TREND_MIN, 1800]);
  });
});

describe('the window', () => {
  const coes = [
    coe('COE-2026-001', { times: { start: Date.parse('2026-02-28T23:59:00Z') } }),
    coe('COE-2026-002', { times: { start: Date.parse('2026-03-01T00:00:00Z') } }),
    coe('COE-2026-003', { times: { start: Date.parse('2026-03-31T23:59:00Z') } }),
    coe('COE-2026-004', { times: {} }),
  ];

  it('is inclusive on the UTC date of the start, and says which COEs have no start to place', () => {
    const r = report(coes, { since: '2026-03-01', until: '2026-03-31' });
    expect(r.window.coes).toEqual(['COE-2026-002', 'COE-2026-003']);
    expect(r.window.unplaced).toEqual(['COE-2026-004']);
    expect(r.counts.bySeverity).toEqual([{ key: '2', count: 2, coes: ['COE-2026-002', 'COE-2026-003'] }]);
  });

  it('holds every COE without one', () => {
    expect(report(coes).window).toEqual({
      since: null,
      until: null,
      coes: ['COE-2026-001', 'COE-2026-002', 'COE-2026-003', 'COE-2026-004'],
      unplaced: [],
    });
  });
});

describe('counts', () => {
  it('count each COE once per key, most first, with the ids behind each', () => {
    const coes = [
      coe('COE-2026-001', { services: ['a', 'b'], tags: ['x'] }),
      coe('COE-2026-002', { services: ['b', 'b'], tags: [] }),
      coe('COE-2026-003', { services: ['c'], tags: ['x', 'y'] }),
    ];
    const r = report(coes);
    expect(r.counts.byService).toEqual([
      { key: 'b', count: 2, coes: ['COE-2026-001', 'COE-2026-002'] },
      { key: 'a', count: 1, coes: ['COE-2026-001'] },
      { key: 'c', count: 1, coes: ['COE-2026-003'] },
    ]);
    expect(r.counts.byTag.map((c) => [c.key, c.count])).toEqual([
      ['x', 2],
      ['y', 1],
    ]);
  });

  it('count COEs per ISO week, weeks with none included', () => {
    const coes = [coe('COE-2026-001', { times: { start: T0 } }), coe('COE-2026-002', { times: { start: T0 + 15 * DAY } })];
    expect(report(coes).counts.perWeek.map((w) => [w.key, w.count])).toEqual([
      ['2026-W10', 1],
      ['2026-W11', 0],
      ['2026-W12', 1],
    ]);
  });

  it('name ISO weeks as ISO 8601 does at the turn of a year', () => {
    expect(isoWeek(Date.parse('2026-01-01T12:00:00Z'))).toBe('2026-W01'); // a Thursday
    expect(isoWeek(Date.parse('2027-01-01T12:00:00Z'))).toBe('2026-W53'); // a Friday
    expect(isoWeek(Date.parse('2024-12-30T00:00:00Z'))).toBe('2025-W01'); // a Monday
  });
});

describe('tenets', () => {
  it('list the COEs detected by customers, and those across regions or global, k of n', () => {
    const coes = [
      coe('COE-2026-001', { detectedBy: 'customer-report' }),
      coe('COE-2026-002', { detectedBy: 'social-media', regions: ['us-east-1', 'eu-west-1'] }),
      coe('COE-2026-003', { regions: ['Global'] }),
      coe('COE-2026-004'),
    ];
    const [customers, regions] = report(coes).tenets;
    expect([customers!.breached, customers!.of]).toEqual([['COE-2026-001', 'COE-2026-002'], 4]);
    expect(regions!.breached).toEqual(['COE-2026-002', 'COE-2026-003']);
  });

  it('count distinct regions: one region written twice is one region', () => {
    const coes = [
      coe('COE-2026-001', { regions: ['eu-west-1', 'eu-west-1'] }),
      coe('COE-2026-002', { regions: ['eu-west-1', 'EU-West-1'] }),
    ];
    const [, regions] = report(coes).tenets;
    expect([regions!.breached, regions!.of]).toEqual([[], 2]);
  });

  it('take more tenets from the configuration, each marked by a tag', () => {
    const withTenet = {
      ...config,
      tenets: [{ id: 'pipeline-only', sentence: 'Changes reach production only through the pipeline', tag: 'manual-change' }],
    };
    const coes = [coe('COE-2026-001', { tags: ['manual-change'] }), coe('COE-2026-002'), coe('COE-2026-003', { tags: ['Manual-Change'] })];
    expect(report(coes, { config: withTenet }).tenets.at(-1)).toEqual({
      id: 'pipeline-only',
      sentence: 'Changes reach production only through the pipeline',
      breached: ['COE-2026-001', 'COE-2026-003'],
      of: 3,
    });
  });
});

describe('recurrence', () => {
  it('groups COEs joined by related, or sharing a service and a tag within the days, and says why', () => {
    const coes = [
      coe('COE-2026-001', { services: ['api'], tags: ['dns'], times: { start: T0 } }),
      coe('COE-2026-002', { services: ['api'], tags: ['dns'], times: { start: T0 + 90 * DAY } }),
      coe('COE-2026-003', { services: ['api'], tags: ['dns'], times: { start: T0 + 181 * DAY } }),
      coe('COE-2026-004', { related: ['COE-2026-005'], times: { start: T0 + 300 * DAY } }),
      coe('COE-2026-005', { times: { start: T0 + 400 * DAY } }),
      coe('COE-2026-006', { services: ['api'], tags: ['tls'], times: { start: T0 + 1 * DAY } }),
    ];
    expect(report(coes).recurrence.groups).toEqual([
      { coes: ['COE-2026-001', 'COE-2026-002'], reasons: ['COE-2026-001 and COE-2026-002 share api and the tag dns, 90 days apart'] },
      { coes: ['COE-2026-004', 'COE-2026-005'], reasons: ['COE-2026-004 names COE-2026-005 as related'] },
    ]);
    expect(report(coes, { config: { ...config, recurrenceDays: 91 } }).recurrence.groups[0]!.coes).toEqual([
      'COE-2026-001',
      'COE-2026-002',
      'COE-2026-003',
    ]);
  });

  it('reads a service or tag written in other cases as one, counted once under the spelling most COEs use', () => {
    const coes = [
      coe('COE-2026-001', { services: ['Orders-API'], tags: ['DB'], times: { start: T0 } }),
      coe('COE-2026-002', { services: ['orders-api'], tags: ['db'], times: { start: T0 + 2 * DAY } }),
      coe('COE-2026-003', { services: ['orders-api', 'Orders-Api'], tags: ['db'], times: { start: T0 + 200 * DAY } }),
    ];
    const r = report(coes);
    expect(r.recurrence.groups).toEqual([
      { coes: ['COE-2026-001', 'COE-2026-002'], reasons: ['COE-2026-001 and COE-2026-002 share orders-api and the tag db, 2 days apart'] },
    ]);
    expect(r.counts.byService).toEqual([{ key: 'orders-api', count: 3, coes: ['COE-2026-001', 'COE-2026-002', 'COE-2026-003'] }]);
    expect(r.counts.byTag.map((c) => [c.key, c.count])).toEqual([['db', 3]]);
  });
});

describe('action items', () => {
  const coes = [
    coe('COE-2026-001', {
      actions: [
        item('COE-2026-001', 'AI-1', { due: '2026-03-30', status: 'open' }),
        item('COE-2026-001', 'AI-2', { due: '2026-04-01', status: 'in-progress', reach: 'team' }),
        item('COE-2026-001', 'AI-3', { due: '2026-04-15', status: 'open', reach: 'centralized' }),
        item('COE-2026-001', 'AI-4', { due: '2026-04-16', status: 'open' }),
        item('COE-2026-001', 'AI-5', { due: '2026-03-01', status: 'done' }),
        item('COE-2026-001', 'AI-6', { due: '2026-03-10', status: 'validated', reach: 'education' }),
        item('COE-2026-001', 'AI-7', { due: '2026-03-20', status: 'dropped', reach: 'distributed' }),
      ],
    }),
  ];
  const a = report(coes).actions;

  it('list the overdue with days overdue; an item due today is not overdue but due soon, with 0 days left', () => {
    expect(a.overdue.map((r) => [r.id, r.days])).toEqual([['AI-1', 2]]);
    expect(a.dueSoon.map((r) => [r.id, r.days])).toEqual([
      ['AI-2', 0],
      ['AI-3', 14],
    ]);
  });

  it('list done items awaiting validation', () => {
    expect(a.awaitingValidation.map((r) => r.id)).toEqual(['AI-5']);
  });

  it('list items due the same day in the order of coe actions: AI-2 before AI-10', () => {
    const ids = ['AI-10', 'AI-2', 'AI-1'];
    const due = coe('COE-2026-001', { actions: ids.map((id) => item('COE-2026-001', id, { due: '2026-04-05', status: 'done' })) });
    const listed = report([due]).actions;
    expect(listed.awaitingValidation.map((r) => r.id)).toEqual(['AI-1', 'AI-2', 'AI-10']);
    const open = coe('COE-2026-001', { actions: ids.map((id) => item('COE-2026-001', id, { due: '2026-04-05' })) });
    expect(report([open]).actions.dueSoon.map((r) => r.id)).toEqual(['AI-1', 'AI-2', 'AI-10']);
  });

  it('count by status, term, owner and reach, items with no Reach as none', () => {
    expect(a.byReach.map((c) => [c.key, c.count])).toEqual([
      ['team', 1],
      ['education', 1],
      ['distributed', 1],
      ['centralized', 1],
      ['none', 3],
    ]);
    expect(a.byStatus.map((c) => [c.key, c.count])).toEqual([
      ['open', 3],
      ['in-progress', 1],
      ['done', 1],
      ['validated', 1],
      ['dropped', 1],
    ]);
  });

  it('of the items due up to now, how many are validated or done (dropped ones aside)', () => {
    expect(a.dueInWindow).toEqual({ n: 4, completed: 2, coes: ['COE-2026-001'] });
  });

  it('give the age of open items since their COE was resolved', () => {
    // Resolved on 2026-03-02, now 2026-04-01: 30 days, for the 4 open and in-progress items.
    expect([a.openAge.n, a.openAge.median, a.openAge.max]).toEqual([4, 30, 30]);
  });
});

describe('reach of lessons', () => {
  it('takes the widest Reach of each COE, dropped items aside, and the share beyond the team', () => {
    const coes = [
      coe('COE-2026-001', {
        actions: [
          item('COE-2026-001', 'AI-1', { reach: 'team' }),
          item('COE-2026-001', 'AI-2', { reach: 'centralized', status: 'dropped' }),
        ],
      }),
      coe('COE-2026-002', {
        actions: [item('COE-2026-002', 'AI-1', { reach: 'education' }), item('COE-2026-002', 'AI-2', { reach: 'team' })],
      }),
      coe('COE-2026-003', { actions: [item('COE-2026-003', 'AI-1')] }),
    ];
    const reach = report(coes).reach;
    expect(reach.perCoe).toEqual([
      { coe: 'COE-2026-001', widest: 'team' },
      { coe: 'COE-2026-002', widest: 'education' },
      { coe: 'COE-2026-003', widest: null },
    ]);
    expect(reach.beyondTeam).toEqual({ k: 1, n: 3, coes: ['COE-2026-002'] });
  });
});

describe('review queue', () => {
  it('lists drafts and reviews oldest first with days since resolved, and customer-facing COEs with no Customer summary', () => {
    const coes = [
      coe('COE-2026-001', { status: 'review', times: { start: T0, resolved: T0 } }),
      coe('COE-2026-002', { status: 'draft', times: { start: T0 + 10 * DAY, resolved: T0 + 10 * DAY } }),
      coe('COE-2026-003', { status: 'draft', times: { start: T0 } }),
      coe('COE-2026-004', { times: { start: T0, customer_notified: T0, resolved: T0 + 20 * DAY }, hasCustomerSummary: false }),
    ];
    const q = report(coes).reviewQueue;
    expect(q.pending.map((p) => [p.coe, p.status, p.days])).toEqual([
      ['COE-2026-001', 'review', 30],
      ['COE-2026-002', 'draft', 20],
      ['COE-2026-003', 'draft', null],
    ]);
    expect(q.noCustomerSummary.map((p) => [p.coe, p.days])).toEqual([['COE-2026-004', 10]]);
  });

  it('lists those not resolved yet after the others, the earliest start first', () => {
    const coes = [
      coe('COE-2026-001', { status: 'draft', times: { start: T0 + 5 * DAY } }),
      coe('COE-2026-002', { status: 'draft', times: { start: T0 } }),
      coe('COE-2026-003', { status: 'review', times: { start: T0, resolved: T0 + 29 * DAY } }),
    ];
    expect(report(coes).reviewQueue.pending.map((p) => p.coe)).toEqual(['COE-2026-003', 'COE-2026-002', 'COE-2026-001']);
  });
});

describe('the report', () => {
  it('matches its schema, and every figure names its COEs by id', () => {
    const r = report([coe('COE-2026-001', { actions: [item('COE-2026-001', 'AI-1')] })]);
    expect(reportSchema.parse(r)).toEqual(r);
  });
});
