// The ledger of `coe actions`, in process: rows, days overdue, every filter,
// the order, and what is not listed is said on stderr.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runActions, type ActionsOptions } from '../../src/commands/actions.js';
import { byLedgerOrder, daysOverdue, ledger, parseStatuses } from '../../src/actions/ledger.js';
import type { ActionRow } from '../../src/actions/schema.js';
import { UsageError } from '../../src/util/errors.js';
import { parseDay } from '../../src/util/time.js';
import { lineOf } from '../helpers/lint.js';
import { BROKEN, LEDGER, NOW, captureIO, coeText, row, tempFolder } from './helpers.js';

let folder: ReturnType<typeof tempFolder>;
beforeAll(() => (folder = tempFolder(LEDGER)));
afterAll(() => folder.remove());

async function rows(options: ActionsOptions = {}, paths = ['.']): Promise<ActionRow[]> {
  const run = captureIO(folder.dir);
  const code = await runActions(paths, { now: NOW, format: 'json', ...options }, run.io, {});
  expect(code).toBe(0);
  return JSON.parse(run.stdout()) as ActionRow[];
}
const keys = (list: ActionRow[]) => list.map((r) => `${r.coe} ${r.id}`);

const ALL = [
  'COE-2025-002 AI-3',
  'COE-2025-000 AI-1',
  'COE-2025-002 AI-1',
  'COE-2025-001 AI-1',
  'COE-2025-001 AI-2',
  'COE-2025-001 AI-10',
  'COE-2025-002 AI-2',
  'COE-2025-000 AI-2',
];

describe('coe actions: rows', () => {
  it('lists every item of every COE, by due date (none last), then COE id, then AI id (AI-2 before AI-10)', async () => {
    expect(keys(await rows())).toEqual(ALL);
  });

  it('gives each row the fields of format 6, and where the item is', async () => {
    const [first] = await rows({ coe: 'COE-2025-000' });
    expect(first).toEqual({
      coe: 'COE-2025-000',
      id: 'AI-1',
      action: 'Retry in-flight notifications',
      term: 'short',
      owner: 'payments-team',
      due: '2025-11-01',
      dueWritten: '2025-11-01',
      status: 'in-progress',
      reach: 'team',
      lessons: ['L1'],
      daysOverdue: 30,
      validation: 'No notification lost in a drill',
      file: 'c.md',
      line: lineOf(LEDGER['c.md']!, '| AI-1 | Retry in-flight'),
    });
  });

  it('counts days overdue for open and in-progress items only; an item due today is not overdue', async () => {
    const overdue = Object.fromEntries((await rows()).map((r) => [`${r.coe} ${r.id}`, r.daysOverdue]));
    expect(overdue).toEqual({
      'COE-2025-002 AI-3': null, // dropped
      'COE-2025-000 AI-1': 30,
      'COE-2025-002 AI-1': null, // validated
      'COE-2025-001 AI-1': 1,
      'COE-2025-001 AI-2': null, // due today
      'COE-2025-001 AI-10': null, // done
      'COE-2025-002 AI-2': null,
      'COE-2025-000 AI-2': null, // no date
    });
  });

  it('computes days overdue at --now', async () => {
    const later = await rows({ now: '2026-03-02', overdue: true });
    expect(later.map((r) => [r.coe, r.id, r.daysOverdue])).toEqual([
      ['COE-2025-000', 'AI-1', 121],
      ['COE-2025-001', 'AI-1', 92],
      ['COE-2025-001', 'AI-2', 91],
      ['COE-2025-002', 'AI-2', 1],
    ]);
  });

  it('keeps a Due that is not a date as null, the cell as written beside it, and the item last', async () => {
    const last = (await rows()).at(-1)!;
    expect([last.id, last.due, last.dueWritten, last.daysOverdue]).toEqual(['AI-2', null, 'next week', null]);
  });
});

describe('coe actions: filters', () => {
  it.each<[string, ActionsOptions, string[]]>([
    ['--status open', { status: 'open' }, ['COE-2025-001 AI-1', 'COE-2025-002 AI-2', 'COE-2025-000 AI-2']],
    [
      '--status open,in-progress',
      { status: 'open, in-progress' },
      ['COE-2025-000 AI-1', 'COE-2025-001 AI-1', 'COE-2025-001 AI-2', 'COE-2025-002 AI-2', 'COE-2025-000 AI-2'],
    ],
    ['--status Done (case folded)', { status: 'Done' }, ['COE-2025-001 AI-10']],
    [
      '--owner, whole and case folded',
      { owner: 'PAYMENTS-team' },
      ['COE-2025-002 AI-3', 'COE-2025-000 AI-1', 'COE-2025-001 AI-1', 'COE-2025-001 AI-2'],
    ],
    ['--owner matches the whole cell, not a part', { owner: 'payments' }, []],
    ['--overdue', { overdue: true }, ['COE-2025-000 AI-1', 'COE-2025-001 AI-1']],
    ['--due-before, strictly before', { dueBefore: '2025-11-30' }, ['COE-2025-002 AI-3', 'COE-2025-000 AI-1', 'COE-2025-002 AI-1']],
    ['--unvalidated: done, not validated', { unvalidated: true }, ['COE-2025-001 AI-10']],
    ['--coe, case folded', { coe: 'coe-2025-001' }, ['COE-2025-001 AI-1', 'COE-2025-001 AI-2', 'COE-2025-001 AI-10']],
    ['--since: COEs begun on or after', { since: '2025-10-03' }, ['COE-2025-000 AI-1', 'COE-2025-000 AI-2']],
    [
      '--until: COEs begun on or before',
      { until: '2025-10-02' },
      ['COE-2025-002 AI-3', 'COE-2025-002 AI-1', 'COE-2025-001 AI-1', 'COE-2025-001 AI-2', 'COE-2025-001 AI-10', 'COE-2025-002 AI-2'],
    ],
    ['every filter given must hold', { status: 'open', owner: 'sre' }, ['COE-2025-000 AI-2']],
    ['--overdue with --coe', { overdue: true, coe: 'COE-2025-001' }, ['COE-2025-001 AI-1']],
  ])('%s', async (_what, options, expected) => {
    expect(keys(await rows(options))).toEqual(expected);
  });
});

describe('coe actions: bad usage', () => {
  const refuse = async (options: ActionsOptions, message: string, paths = ['.']) => {
    const run = captureIO(folder.dir);
    await expect(runActions(paths, { now: NOW, ...options }, run.io, {})).rejects.toThrow(new UsageError(message));
  };

  it('refuses an unknown status, with "did you mean"', async () => {
    await refuse(
      { status: 'open,in-progres' },
      'Unknown status "in-progres" in --status (did you mean "in-progress"?): expected one or more of open, in-progress, done, validated, dropped, comma-separated',
    );
    await refuse(
      { status: ' , ' },
      '--status " , " names no status: expected one or more of open, in-progress, done, validated, dropped, comma-separated',
    );
  });

  it('refuses a date that is not YYYY-MM-DD or not a real day', async () => {
    await refuse({ now: '2025-02-30' }, '--now "2025-02-30" is not a date written YYYY-MM-DD');
    await refuse({ dueBefore: '1/12/2025' }, '--due-before "1/12/2025" is not a date written YYYY-MM-DD');
    await refuse({ since: 'last week' }, '--since "last week" is not a date written YYYY-MM-DD');
    await refuse(
      { since: '2025-12-02', until: '2025-12-01' },
      '--since 2025-12-02 is after --until 2025-12-01: the window would hold no day',
    );
  });

  it('refuses a --coe that names no COE, with "did you mean"', async () => {
    await refuse({ coe: 'COE-2025-01' }, 'No COE with the id "COE-2025-01" under the paths given (did you mean "COE-2025-001"?)');
  });

  it('refuses an unknown format, and an empty --owner', async () => {
    await refuse({ format: 'xlsx' }, 'Unknown format "xlsx" (expected table, csv, json)');
    await refuse({ owner: ' ' }, '--owner names no one: give a team or a person');
  });

  it('refuses a path with no COEs', async () => {
    const empty = tempFolder({ 'notes.md': '# Notes\n' });
    try {
      const run = captureIO(empty.dir);
      await expect(runActions(['.'], { now: NOW }, run.io, {})).rejects.toThrow(
        'No COE documents (Markdown with a "coe" frontmatter key) in .: no action items to list',
      );
    } finally {
      empty.remove();
    }
  });
});

describe('coe actions: what is not listed is said', () => {
  it('notes an unreadable COE, a duplicate id and a COE with no start (in a window) on stderr, one line each', async () => {
    const noStart = coeText('COE-2025-004', []).replace('  start: 2025-09-03T14:05:00Z\n', '');
    const odd = tempFolder({ ...LEDGER, 'broken.md': BROKEN, 'again.md': LEDGER['a.md']!, 'no-start.md': noStart });
    try {
      const run = captureIO(odd.dir);
      expect(await runActions(['.'], { now: NOW, format: 'json', since: '2025-01-01' }, run.io, {})).toBe(0);
      expect(run.stderr().split('\n')).toEqual([
        expect.stringMatching(/^coe: broken\.md: not listed, the COE cannot be read: .+ \(line \d+\)$/),
        'coe: again.md: not listed, its id COE-2025-001 is the id of a.md',
        'coe: no-start.md: not listed, its incident.start cannot be read to place it in --since/--until',
        '',
      ]);
      expect(keys(JSON.parse(run.stdout()) as ActionRow[])).toEqual(ALL);
    } finally {
      odd.remove();
    }
  });
});

describe('ledger functions', () => {
  const now = parseDay(NOW)!;

  it('daysOverdue: open or in-progress, strictly past due', () => {
    expect(daysOverdue({ due: '2025-11-30', status: 'open' }, now)).toBe(1);
    expect(daysOverdue({ due: '2025-12-01', status: 'open' }, now)).toBeNull();
    expect(daysOverdue({ due: '2024-12-01', status: 'in-progress' }, now)).toBe(365);
    for (const status of ['done', 'validated', 'dropped', 'wip', ''])
      expect(daysOverdue({ due: '2025-01-01', status }, now), status).toBeNull();
    expect(daysOverdue({ due: undefined, status: 'open' }, now)).toBeNull();
  });

  it('orders the same rows the same way whatever order they come in', () => {
    const list = [
      row({ coe: 'COE-2', id: 'AI-10', due: '2025-01-01' }),
      row({ coe: 'COE-2', id: 'AI-2', due: '2025-01-01' }),
      row({ coe: 'COE-1', id: 'AI-3', due: '2025-01-01' }),
      row({ coe: 'COE-1', id: 'AI-1', due: null }),
      row({ coe: 'COE-1', id: 'AI-1', due: '2024-12-31' }),
      row({ coe: 'COE-1', id: 'x', due: '2025-01-01' }),
      row({ coe: 'COE-1', id: 'AI-3', due: '2025-01-01', line: 90 }),
    ];
    const sorted = [...list].sort(byLedgerOrder);
    expect(sorted.map((r) => `${r.due} ${r.coe} ${r.id} ${r.line}`)).toEqual([
      '2024-12-31 COE-1 AI-1 84',
      '2025-01-01 COE-1 AI-3 84',
      '2025-01-01 COE-1 AI-3 90',
      '2025-01-01 COE-1 x 84',
      '2025-01-01 COE-2 AI-2 84',
      '2025-01-01 COE-2 AI-10 84',
      'null COE-1 AI-1 84',
    ]);
    expect([...list].reverse().sort(byLedgerOrder)).toEqual(sorted);
  });

  it('ledger() is a pure function of the COEs, whatever their order', async () => {
    const { loadPortfolio } = await import('../../src/portfolio/load.js');
    const { DEFAULT_CONFIG } = await import('../../src/config/config.js');
    const portfolio = await loadPortfolio(['.'], DEFAULT_CONFIG, captureIO(folder.dir).io);
    expect(ledger([...portfolio.coes].reverse(), now)).toEqual(ledger(portfolio.coes, now));
  });

  it('parseStatuses: folded, trimmed, deduplicated', () => {
    expect(parseStatuses('OPEN, open,in-progress,')).toEqual(['open', 'in-progress']);
  });
});
