// `coe report` as a user runs it: golden files of the examples in each
// format, the same bytes for any file order, -o that never overwrites, an
// unreadable COE listed, and bad input refused in one line (exit 2).
// Update the golden files with:
//   UPDATE_GOLDEN=1 npx vitest run test/e2e/report.test.ts
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCoe } from '../helpers/lint.js';
import { reportSchema } from '../../src/report/schema.js';

const NOW = '2026-12-01';
const GOLDEN = path.join(FIXTURES, 'report/golden');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function temp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coe-report-'));
  dirs.push(dir);
  return dir;
}

/** The top-level examples, copied under new names (so files are found in another order). */
function examplesCopy(rename: (name: string, i: number) => string): string {
  const dir = temp();
  const names = readdirSync(path.join(ROOT, 'examples')).filter((n) => n.endsWith('.md') && n !== 'README.md');
  names.forEach((n, i) => cpSync(path.join(ROOT, 'examples', n), path.join(dir, rename(n, i))));
  return dir;
}

describe('coe report on the examples', () => {
  for (const format of ['md', 'json', 'html'] as const) {
    it(`matches the golden ${format} file`, () => {
      const run = runCoe(['report', 'examples/', '--now', NOW, '--format', format]);
      expect([run.code, run.stderr]).toEqual([0, '']);
      const golden = path.join(GOLDEN, `examples.${format}`);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(golden, run.stdout);
      }
      expect(run.stdout).toBe(readFileSync(golden, 'utf8'));
    });
  }

  it('prints JSON that matches the schema, in its own file and as zod has it', () => {
    const run = runCoe(['report', 'examples/', '--now', NOW, '--format', 'json']);
    const json = JSON.parse(run.stdout) as unknown;
    expect(reportSchema.parse(json)).toEqual(json);
    const schemaFile = path.join(ROOT, 'schemas/report.schema.json');
    if (existsSync(schemaFile)) {
      const ajv = new Ajv2020({ allErrors: true, strict: true });
      const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('shows every figure: counts, phases, tenets, recurrence, overdue and due-soon items, reach and the review queue', () => {
    const report = reportSchema.parse(JSON.parse(runCoe(['report', 'examples/', '--now', NOW, '--format', 'json']).stdout));
    expect(report.window.coes.length).toBeGreaterThanOrEqual(11);
    expect(report.phases.every((p) => p.overall.n > 0)).toBe(true);
    expect(report.tenets.every((t) => t.breached.length > 0)).toBe(true);
    expect(report.recurrence.groups.length).toBeGreaterThanOrEqual(2);
    expect(report.actions.overdue.length).toBeGreaterThan(0);
    expect(report.actions.dueSoon.length).toBeGreaterThan(0);
    expect(report.actions.awaitingValidation.length).toBeGreaterThan(0);
    expect(report.reach.beyondTeam.k).toBeGreaterThan(0);
    expect(report.reviewQueue.pending.length).toBeGreaterThan(0);
    expect(report.reviewQueue.noCustomerSummary.length).toBeGreaterThan(0);
  });
});

describe('coe report is deterministic', () => {
  it('gives the same bytes twice, and for any order the files are found in', () => {
    const a = examplesCopy((n) => n);
    const b = examplesCopy((n, i) => `${String(99 - i).padStart(2, '0')}-${n}`);
    const runs = [a, a, b].map((cwd) => runCoe(['report', '.', '--now', NOW, '--format', 'json'], { cwd }).stdout);
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
    const md = [a, b].map((cwd) => runCoe(['report', '.', '--now', NOW], { cwd }).stdout);
    expect(md[1]).toBe(md[0]);
  });
});

describe('coe report -o', () => {
  it('writes the file and prints nothing; never overwrites without --force; never writes over a COE it read', () => {
    const dir = examplesCopy((n) => n);
    const first = readdirSync(dir)[0]!;
    expect(runCoe(['report', '.', '--now', NOW, '-o', 'pack.md'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(dir, 'pack.md'), 'utf8')).toMatch(/^# COE report/);
    const again = runCoe(['report', '.', '--now', NOW, '-o', 'pack.md'], { cwd: dir });
    expect([again.code, again.stderr]).toEqual([2, 'coe: pack.md already exists; choose another file or use --force to overwrite it\n']);
    expect(runCoe(['report', '.', '--now', NOW, '-o', 'pack.md', '--force', '--format', 'json'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, 'pack.md'), 'utf8')).toMatch(/^\{/);
    const before = readFileSync(path.join(dir, first), 'utf8');
    const onto = runCoe(['report', '.', '--now', NOW, '-o', first, '--force'], { cwd: dir });
    expect([onto.code, onto.stderr]).toEqual([2, `coe: -o ${first} is ${first}, one of the COEs of the report; write to another file\n`]);
    expect(readFileSync(path.join(dir, first), 'utf8')).toBe(before);
  });

  it('never writes over a COE it read whose id another COE holds, not even with --force', () => {
    const dir = examplesCopy((n) => n);
    const [first] = readdirSync(dir).filter((n) => n.endsWith('.md'));
    const twin = 'zz-twin.md';
    writeFileSync(path.join(dir, twin), readFileSync(path.join(dir, first!), 'utf8'));
    const before = readFileSync(path.join(dir, twin), 'utf8');
    const onto = runCoe(['report', '.', '--now', NOW, '-o', twin, '--force'], { cwd: dir });
    expect([onto.code, onto.stderr.split('\n').at(-2)]).toEqual([
      2,
      `coe: -o ${twin} is ${twin}, one of the COEs of the report; write to another file`,
    ]);
    expect(readFileSync(path.join(dir, twin), 'utf8')).toBe(before);
  });
});

describe('coe report with unreadable COEs', () => {
  it('counts and lists a COE whose frontmatter cannot be read, and reports the others', () => {
    const dir = examplesCopy((n) => n);
    writeFileSync(path.join(dir, 'broken.md'), '---\ncoe: 1\nid: COE-2026-999\ntitle: [unclosed\n---\n\n# Broken\n');
    writeFileSync(path.join(dir, 'notes.md'), '# Not a COE\n');
    const run = runCoe(['report', '.', '--now', NOW, '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report.unreadable).toEqual([{ file: 'broken.md', reason: expect.stringMatching(/line 4\)$/) }]);
    expect(report.window.coes).not.toContain('COE-2026-999');
    const md = runCoe(['report', '.', '--now', NOW], { cwd: dir }).stdout;
    expect(md).toContain('## Unreadable COEs');
    expect(md).toContain('`broken.md`');
  });
});

describe('coe report: bad input is one line and exit 2', () => {
  const cases: [string[], RegExp][] = [
    [['--since', '2026-05-01', '--until', '2026-04-01'], /^coe: --since 2026-05-01 is after --until 2026-04-01/],
    [['--since', '2026-13-01'], /--since.*expected a date written YYYY-MM-DD/],
    [['--now', 'yesterday'], /--now.*expected a date written YYYY-MM-DD/],
    [['--format', 'pdf'], /--format.*pdf/],
  ];
  it.each(cases)('%j', (args, message) => {
    const run = runCoe(['report', 'examples/', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n'), 'one line').toHaveLength(1);
  });

  it('a path with no COEs', () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'notes.md'), '# Not a COE\n');
    const run = runCoe(['report', '.'], { cwd: dir });
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe('coe: No COE documents (Markdown with a "coe" frontmatter key) in .: nothing to report\n');
    expect(runCoe(['report', 'no-such-folder'], { cwd: dir }).stderr).toBe('coe: no-such-folder: no such file or folder\n');
  });

  // As an unset shell variable gives it: not the current folder.
  it('an empty path', () => {
    const dir = temp();
    for (const command of ['report', 'actions', 'lint']) {
      const run = runCoe([command, ''], { cwd: dir });
      expect([run.code, run.stdout, run.stderr], command).toEqual([2, '', 'coe: "": an empty path; give a file, a folder or a glob\n']);
    }
  });
});
