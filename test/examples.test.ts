// The examples folder, linted with the built CLI as the README tells users to:
// the clean examples give no finding at all, each in-flight example gives
// exactly the warnings its state calls for, and each broken example gives
// exactly the finding it is named for. The top-level examples are also the
// set that `coe report examples/` is shown on, so the last block checks that
// the set still gives every figure of the report something to show.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCoeDocument } from '../src/parse/document.js';
import { DETECTION_SOURCES } from '../src/model/frontmatter-schema.js';
import type { CoeDocument } from '../src/model/types.js';
import { lineOf, ROOT, runCoe, type RunResult } from './helpers/lint.js';

const EXAMPLES = path.join(ROOT, 'examples');
// Fixed, so that action-item-overdue gives the same answer on every day.
const NOW = '2026-11-20';

interface JsonFile {
  file: string;
  errorCount: number;
  warningCount: number;
  messages: { ruleId: string; severity: string; line: number }[];
}

const CLEAN = [
  '2025-06-17-delayed-order-confirmation-emails.md',
  '2025-08-05-sign-in-failures-after-key-rotation.md',
  '2025-11-28-card-payments-declined-on-black-friday.md',
  '2026-01-13-stale-developer-documentation.md',
  '2026-03-10-sign-in-codes-not-delivered.md',
  '2026-05-19-api-errors-after-dns-migration.md',
  '2026-09-08-checkout-database-failover.md',
  '2026-09-29-discount-codes-refused-at-checkout.md',
  '2026-10-14-expired-api-certificate.md',
  '2026-11-03-search-ranking-flag.md',
];

const text = (name: string) => readFileSync(path.join(EXAMPLES, name), 'utf8');

/** The line of the action item table row for `id` (its first cell). */
const rowOf = (name: string, id: string) => lineOf(text(name), `| ${id} |`);

/**
 * Sound COEs whose state calls for warnings on the fixed date: a `done` item
 * not yet validated, an item past its due date, a draft still holding TODOs.
 * They warn and never err, exactly as listed.
 */
const IN_FLIGHT: { name: string; expected: () => [string, string, number][] }[] = [
  {
    name: '2025-10-21-late-scheduled-report-exports.md',
    expected: () => [['action-item-overdue', 'warn', rowOf('2025-10-21-late-scheduled-report-exports.md', 'AI-4')]],
  },
  {
    name: '2026-07-07-ios-push-notifications-stopped.md',
    expected: () => [
      ['action-item-validated', 'warn', rowOf('2026-07-07-ios-push-notifications-stopped.md', 'AI-2')],
      ['action-item-overdue', 'warn', rowOf('2026-07-07-ios-push-notifications-stopped.md', 'AI-3')],
    ],
  },
  {
    name: '2026-10-16-order-errors-in-three-regions.md',
    expected: () => [['action-item-validated', 'warn', rowOf('2026-10-16-order-errors-in-three-regions.md', 'AI-3')]],
  },
  {
    name: '2026-11-01-duplicate-monthly-invoices.md',
    expected: () => [
      ['no-placeholders', 'warn', lineOf(text('2026-11-01-duplicate-monthly-invoices.md'), 'TODO: the number of bank transfer')],
      ['no-placeholders', 'warn', lineOf(text('2026-11-01-duplicate-monthly-invoices.md'), 'TODO: add the times')],
      ['action-item-validated', 'warn', rowOf('2026-11-01-duplicate-monthly-invoices.md', 'AI-1')],
    ],
  },
];

const TOP = [...CLEAN, ...IN_FLIGHT.map((f) => f.name)];

/** What each broken example must report, and the clean example it copies. */
const BROKEN: { name: string; copyOf: string; expected: () => [string, string, number][] }[] = [
  {
    name: 'broken/five-whys-chain.md',
    copyOf: '2026-11-03-search-ranking-flag.md',
    expected: () => [['five-whys-tree', 'warn', lineOf(text('broken/five-whys-chain.md'), '- 27% of product searches')]],
  },
  {
    name: 'broken/secrets-in-runbook.md',
    copyOf: '2026-09-08-checkout-database-failover.md',
    expected: () => [['no-secrets', 'error', lineOf(text('broken/secrets-in-runbook.md'), 'psql "postgresql://checkout_admin:')]],
  },
  {
    name: 'broken/placeholders-in-review.md',
    copyOf: '2026-10-14-expired-api-certificate.md',
    expected: () => [['no-placeholders', 'error', lineOf(text('broken/placeholders-in-review.md'), 'TBD we will change')]],
  },
  {
    name: 'broken/detection-question-missing.md',
    copyOf: '2026-10-14-expired-api-certificate.md',
    expected: () => [['detection-review', 'error', lineOf(text('broken/detection-question-missing.md'), '## Detection')]],
  },
  {
    name: 'broken/dependency-without-action.md',
    copyOf: '2026-09-08-checkout-database-failover.md',
    expected: () => [['dependency-review', 'error', lineOf(text('broken/dependency-without-action.md'), '| Block storage (internal)')]],
  },
];

function parse(run: RunResult): JsonFile[] {
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as JsonFile[];
}

const tuples = (file: JsonFile | undefined) => file?.messages.map((m) => [m.ruleId, m.severity, m.line]);

describe('examples/', () => {
  let run: RunResult;
  let byFile: Map<string, JsonFile>;

  beforeAll(() => {
    run = runCoe(['lint', '--format', 'json', '--now', NOW, 'examples/']);
    byFile = new Map(parse(run).map((f) => [f.file, f]));
  });

  it('holds the files this test knows of, and nothing untested', () => {
    const top = readdirSync(EXAMPLES).filter((n) => n.endsWith('.md') && n !== 'README.md');
    const broken = readdirSync(path.join(EXAMPLES, 'broken')).map((n) => `broken/${n}`);
    expect(top.sort()).toEqual([...TOP].sort());
    expect(broken.sort()).toEqual(BROKEN.map((b) => b.name).sort());
  });

  it('lints every COE under examples/, passes over the README, and exits 1', () => {
    const expected = [...TOP, ...BROKEN.map((b) => b.name)].map((n) => path.join('examples', n));
    expect([...byFile.keys()].sort()).toEqual(expected.sort());
    expect(run.code).toBe(1);
  });

  for (const name of CLEAN) {
    it(`${name} gives no finding at all`, () => {
      expect(tuples(byFile.get(path.join('examples', name)))).toEqual([]);
    });
  }

  for (const example of IN_FLIGHT) {
    it(`${example.name} gives exactly the warnings of its state, and no error`, () => {
      expect(tuples(byFile.get(path.join('examples', example.name)))).toEqual(example.expected());
    });
  }

  for (const broken of BROKEN) {
    it(`${broken.name} gives exactly the finding it is named for`, () => {
      expect(tuples(byFile.get(path.join('examples', broken.name)))).toEqual(broken.expected());
    });

    it(`${broken.name} is a copy of ${broken.copyOf} with one defect`, () => {
      const [a, b] = [text(broken.copyOf).split('\n'), text(broken.name).split('\n')];
      let head = 0;
      while (head < a.length && a[head] === b[head]) head++;
      let tail = 0;
      while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
      // One changed region, of a few lines at most.
      expect(head).toBeGreaterThan(0);
      expect(Math.max(a.length, b.length) - head - tail).toBeLessThanOrEqual(8);
    });
  }

  it('the top-level examples, by a quoted glob, exit 0: warnings only, from the in-flight examples alone', () => {
    const top = runCoe(['lint', '--format', 'json', '--now', NOW, 'examples/*.md']);
    expect(top.code).toBe(0);
    const files = parse(top);
    expect(files.map((f) => f.file).sort()).toEqual(TOP.map((n) => path.join('examples', n)).sort());
    expect(files.filter((f) => f.errorCount > 0)).toEqual([]);
    const warned = files.filter((f) => f.warningCount > 0).map((f) => path.basename(f.file));
    expect(warned.sort()).toEqual(IN_FLIGHT.map((f) => f.name).sort());
  });

  it('the clean examples stay clean with --max-warnings 0', () => {
    const clean = runCoe(['lint', '--now', NOW, '--max-warnings', '0', ...CLEAN.map((n) => `examples/${n}`)]);
    expect(clean.code).toBe(0);
  });
});

// The date `coe report examples/` is shown on (README, golden files): some
// items are overdue on it, some due within 14 days, one due that very day.
const REPORT_NOW = '2026-12-01';

function readDoc(name: string): CoeDocument {
  const parsed = parseCoeDocument(name, text(name));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.fatal.message}`);
  return parsed.doc;
}

const dayOf = (s: string) => Date.parse(`${s.slice(0, 10)}T00:00:00Z`);
const DAY_MS = 86_400_000;

describe('examples/ gives every figure of coe report something to show', () => {
  const docs = TOP.map(readDoc);
  const data = docs.map((d) => d.frontmatter.data);
  const byId = new Map(data.map((d) => [d.id!, d]));
  const items = docs.flatMap((d) => d.actionItems?.items ?? []);
  const now = dayOf(REPORT_NOW);
  const distinct = <T>(values: T[]) => [...new Set(values)].sort();

  it('holds at least 11 COEs over more than a year, with every severity, status and detection source', () => {
    expect(docs.length).toBeGreaterThanOrEqual(11);
    const starts = data.map((d) => dayOf(d.incident!.start!.text)).sort((a, b) => a - b);
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThan(365 * DAY_MS);
    expect(distinct(data.map((d) => d.severity))).toEqual([1, 2, 3, 4, 5]);
    expect(distinct(data.map((d) => d.status))).toEqual(['approved', 'draft', 'published', 'review']);
    expect(distinct(data.map((d) => d.incident!.detected_by))).toEqual([...DETECTION_SOURCES].sort());
  });

  it('breaks the multi-region tenet at least twice, and leaves milestones unknown in a draft', () => {
    const multi = data.filter((d) => (d.regions?.length ?? 0) >= 2 || d.regions?.includes('global'));
    expect(multi.length).toBeGreaterThanOrEqual(2);
    expect(data.some((d) => d.status === 'draft' && (!d.incident!.engaged || !d.incident!.mitigated))).toBe(true);
    // The review queue shows the age since resolution.
    expect(data.filter((d) => d.status === 'draft' || d.status === 'review').every((d) => d.incident!.resolved)).toBe(true);
  });

  it('recurs both ways: a pair joined by related, and a pair sharing a service and a tag within 90 days that is not', () => {
    const joined = data.filter((d) => d.related?.some((id) => byId.has(id)));
    expect(joined.length).toBeGreaterThanOrEqual(1);
    const unjoined = data.flatMap((a, i) =>
      data.slice(i + 1).filter((b) => {
        const near = Math.abs(dayOf(a.incident!.start!.text) - dayOf(b.incident!.start!.text)) <= 90 * DAY_MS;
        const shared = a.services!.some((s) => b.services!.includes(s)) && (a.tags ?? []).some((t) => (b.tags ?? []).includes(t));
        const related = a.related?.includes(b.id!) || b.related?.includes(a.id!);
        return near && shared && !related;
      }),
    );
    expect(unjoined.length).toBeGreaterThanOrEqual(1);
  });

  it('has a customer-facing COE with no Customer summary', () => {
    expect(docs.some((d) => d.frontmatter.data.incident!.customer_notified && !d.sectionsByKey.has('customer-summary'))).toBe(true);
  });

  it(`has action items of every status and term, overdue, due today and due within 14 days of ${REPORT_NOW}`, () => {
    expect(distinct(items.map((i) => i.status))).toEqual(['done', 'dropped', 'in-progress', 'open', 'validated']);
    expect(distinct(items.map((i) => i.term))).toEqual(['long', 'mid', 'short']);
    const pending = items.filter((i) => i.status === 'open' || i.status === 'in-progress');
    const daysLeft = pending.map((i) => (dayOf(i.due) - now) / DAY_MS);
    expect(daysLeft.filter((d) => d < 0 && d >= -10).length).toBeGreaterThanOrEqual(3); // overdue since the lint date
    expect(daysLeft.filter((d) => d < -10).length).toBeGreaterThanOrEqual(2); // long overdue
    expect(daysLeft.filter((d) => d === 0).length).toBeGreaterThanOrEqual(1);
    expect(daysLeft.filter((d) => d > 0 && d <= 14).length).toBeGreaterThanOrEqual(3);
    expect(daysLeft.filter((d) => d > 14).length).toBeGreaterThanOrEqual(3);
  });
});
