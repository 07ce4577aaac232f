// `coe lint` end to end: the BUILT CLI (bin/coe.js) run as a user would, on
// files written to a temporary folder. Build first: npx tsc -p tsconfig.build.json
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDocument, edit, lineOf, ROOT, runCoe, type RunResult } from '../helpers/lint.js';

// Before every due date of base.md, so action-item-overdue stays quiet.
const NOW = '2025-09-10';
const ESC = '\u001b[';

interface JsonMessage {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}
interface JsonFile {
  file: string;
  errorCount: number;
  warningCount: number;
  messages: JsonMessage[];
}

// base.md with one lesson that no action item names: one error each.
const withLessons = (text: string, ...ids: string[]) =>
  edit(
    text,
    '- **L2:** Capacity must be adjustable without a deployment.\n',
    '- **L2:** Capacity must be adjustable without a deployment.\n' +
      ids.map((id) => `- **${id}:** Alarms must page a staffed rotation.\n`).join(''),
  );
// base.md without the customer_notified entry: one timeline-milestones warning.
const withoutNotice = (text: string) => edit(text, '- 14:30 — Status page notice posted.\n', '');

const CLEAN = baseDocument();
const ERRORS = withLessons(CLEAN, 'L3');
const WARNINGS = withoutNotice(CLEAN);
const MIXED = withoutNotice(withLessons(CLEAN, 'L3', 'L4'));
const README = '# Notes\n\nThis folder holds our COEs.\n';
const NOT_A_COE = '---\ntitle: Team notes\ntags: [ops]\n---\n\n# Team notes\n';

let dir: string;

function write(relative: string, text: string): void {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Runs coe in the temp folder; `args` go to the CLI as they are (no shell). */
function coe(args: string[], env?: NodeJS.ProcessEnv): RunResult {
  const run = runCoe(args, { cwd: dir, env });
  // Whatever happens, never a stack trace.
  expect(run.stderr + run.stdout).not.toMatch(/^\s+at /m);
  return run;
}

function json(args: string[]): { run: RunResult; files: JsonFile[] } {
  const run = coe(['lint', '--format', 'json', '--now', NOW, ...args]);
  return { run, files: JSON.parse(run.stdout) as JsonFile[] };
}

const tuples = (file: JsonFile | undefined) => file?.messages.map((m) => [m.ruleId, m.severity, m.line]);

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'coe-e2e-lint-'));
  write('clean.md', CLEAN);
  write('errors.md', ERRORS);
  write('warnings.md', WARNINGS);
  write('mixed.md', MIXED);
  write('docs/2025-09-03-a.md', CLEAN);
  write('docs/2025-09-04-b.md', ERRORS);
  write('docs/README.md', README);
  write('docs/notes.md', NOT_A_COE);
  write('docs/archive/2024-01-01-c.md', WARNINGS);
  write('no-coe/README.md', README);
  write('no-coe/notes.md', NOT_A_COE);
  mkdirSync(path.join(dir, 'empty'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('coe lint: exit codes', { timeout: 30_000 }, () => {
  it('a clean file exits 0 and prints nothing', () => {
    const run = coe(['lint', '--now', NOW, 'clean.md']);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('a file with an error exits 1', () => {
    expect(coe(['lint', '--now', NOW, 'errors.md']).code).toBe(1);
  });

  it('warnings only exit 0, but 1 over --max-warnings', () => {
    expect(coe(['lint', '--now', NOW, 'warnings.md']).code).toBe(0);
    const over = coe(['lint', '--now', NOW, '--max-warnings', '0', 'warnings.md']);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/max-warnings/);
    expect(coe(['lint', '--now', NOW, '--max-warnings', '1', 'warnings.md']).code).toBe(0);
  });

  it('--quiet drops warnings from the output and the counts', () => {
    const { run, files } = json(['--quiet', 'mixed.md']);
    expect(run.code).toBe(1);
    expect(files).toHaveLength(1);
    expect(tuples(files[0])).toEqual([
      ['lessons-have-actions', 'error', lineOf(MIXED, '- **L3:**')],
      ['lessons-have-actions', 'error', lineOf(MIXED, '- **L4:**')],
    ]);
    expect(files[0]).toMatchObject({ errorCount: 2, warningCount: 0 });

    const stylish = coe(['lint', '--quiet', '--now', NOW, 'warnings.md']);
    expect(stylish).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('a path that does not exist exits 2 with one line on stderr naming it', () => {
    const run = coe(['lint', '--now', NOW, 'clean.md', 'missing/nowhere.md']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('missing/nowhere.md');
  });

  it.each(['2025-13-01', '2025-02-30', 'yesterday', '10/09/2025'])('a bad --now (%s) exits 2', (now) => {
    const run = coe(['lint', '--now', now, 'clean.md']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--now');
  });

  it('an unknown --format exits 2', () => {
    const run = coe(['lint', '--format', 'xml', 'clean.md']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('xml');
  });

  it('a bad --max-warnings exits 2', () => {
    expect(coe(['lint', '--max-warnings', 'many', 'clean.md']).code).toBe(2);
  });

  it('a folder with no COE in it exits 2: "Nothing to lint"', () => {
    for (const folder of ['no-coe', 'empty']) {
      const run = coe(['lint', '--now', NOW, folder]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('Nothing to lint');
    }
  });

  it('a named folder or glob with nothing to lint exits 2 even beside one that has COEs', () => {
    for (const other of ['empty', 'no-coe', 'no-coe/*.md']) {
      const run = coe(['lint', '--now', NOW, 'docs', other]);
      expect([run.code, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toBe(`coe: Nothing to lint: no COE documents (Markdown with a "coe" frontmatter key) in ${other}\n`);
    }
  });

  it('--quiet prints errors only, and still counts warnings for --max-warnings', () => {
    const run = coe(['lint', '--now', NOW, '--quiet', '--max-warnings', '0', 'warnings.md']);
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toBe('coe: 1 warning, more than --max-warnings 0\n');
  });

  it('a glob with escaped brackets names a folder with brackets in its name', () => {
    write('odd/[old]/2025-09-03-a.md', CLEAN);
    write('odd/(g)/2025-09-03-b.md', CLEAN);
    for (const glob of ['odd/\\[old\\]/*.md', 'odd/\\(g\\)/*.md']) {
      expect(coe(['lint', '--now', NOW, '--format', 'json', glob]).stdout, glob).toMatch(/"errorCount": 0,/);
    }
  });
});

describe('coe lint: JSON output', { timeout: 30_000 }, () => {
  it('is an array, one object per file, with the fields of the contract', () => {
    const { run, files } = json(['clean.md', 'mixed.md']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(files.map((f) => f.file)).toEqual(['clean.md', 'mixed.md']);
    for (const file of files) {
      expect(Object.keys(file).sort()).toEqual(['errorCount', 'file', 'messages', 'warningCount']);
      expect(file.errorCount).toBe(file.messages.filter((m) => m.severity === 'error').length);
      expect(file.warningCount).toBe(file.messages.filter((m) => m.severity === 'warn').length);
      for (const m of file.messages) {
        // The fields of the contract; a reporter may add more (a link to the rule's documentation).
        expect(Object.keys(m)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'line', 'column', 'endLine', 'endColumn', 'message']));
        expect(m.severity).toMatch(/^(error|warn)$/);
        for (const n of [m.line, m.column, m.endLine, m.endColumn]) expect(Number.isInteger(n) && n >= 1).toBe(true);
        expect(m.endLine > m.line || (m.endLine === m.line && m.endColumn >= m.column)).toBe(true);
        expect(m.message.length).toBeGreaterThan(10);
      }
    }
    expect(files[0]).toEqual({ file: 'clean.md', errorCount: 0, warningCount: 0, messages: [] });
    expect(tuples(files[1])).toEqual([
      ['timeline-milestones', 'warn', lineOf(MIXED, '## Timeline')],
      ['lessons-have-actions', 'error', lineOf(MIXED, '- **L3:**')],
      ['lessons-have-actions', 'error', lineOf(MIXED, '- **L4:**')],
    ]);
    expect(files[1]).toMatchObject({ errorCount: 2, warningCount: 1 });
  });

  it('a finding points at its column and the end of what it covers', () => {
    const { files } = json(['errors.md']);
    const line = lineOf(ERRORS, '- **L3:**');
    // At the lesson's text, after its bullet (as format 5's example).
    expect(files[0]?.messages).toEqual([expect.objectContaining({ ruleId: 'lessons-have-actions', line, column: 3, endLine: line })]);
  });
});

describe('coe lint: files, folders and globs', { timeout: 30_000 }, () => {
  it('a folder is searched recursively and passes over Markdown that is not a COE', () => {
    const { run, files } = json(['docs']);
    expect(run.code).toBe(1);
    expect(files.map((f) => f.file)).toEqual([
      path.join('docs', '2025-09-03-a.md'),
      path.join('docs', '2025-09-04-b.md'),
      path.join('docs', 'archive', '2024-01-01-c.md'),
    ]);
    expect(files.map((f) => [f.errorCount, f.warningCount])).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
  });

  it('a file that is not a COE, named on the command line, gets one frontmatter-schema finding', () => {
    for (const name of ['docs/README.md', 'docs/notes.md']) {
      const { run, files } = json([name]);
      expect(run.code).toBe(1);
      expect(files.map((f) => [f.file, tuples(f)])).toEqual([[name, [['frontmatter-schema', 'error', 1]]]]);
    }
  });

  it('a quoted glob is expanded by coe, and passes over files that are not COEs', () => {
    const { run, files } = json(['docs/*.md']);
    expect(run.code).toBe(1);
    expect(files.map((f) => f.file)).toEqual([path.join('docs', '2025-09-03-a.md'), path.join('docs', '2025-09-04-b.md')]);
  });

  it('a recursive glob reaches subfolders', () => {
    const { files } = json(['docs/**/2024-*.md']);
    expect(files.map((f) => f.file)).toEqual([path.join('docs', 'archive', '2024-01-01-c.md')]);
  });

  it('a glob that matches nothing exits 2', () => {
    const run = coe(['lint', '--now', NOW, 'docs/*.markdown']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('docs/*.markdown');
  });

  it('a file reached twice (named, in a folder, by a glob) is linted once', () => {
    const { files } = json(['docs/2025-09-04-b.md', 'docs', 'docs/*-b.md']);
    expect(files.filter((f) => f.file === path.join('docs', '2025-09-04-b.md'))).toHaveLength(1);
  });
});

describe('coe lint: stylish output', { timeout: 30_000 }, () => {
  it('prints a header per file, one row per finding and a summary', () => {
    const run = coe(['lint', '--now', NOW, 'mixed.md', 'clean.md']);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => l.trim() !== '');
    // The clean file has no header: only files with findings are listed.
    expect(lines[0]).toBe('mixed.md');
    const rows = lines.slice(1, 4);
    const parsed = rows.map((row) => /^\s+(\d+):(\d+)\s+(error|warning)\s+(.+?)\s+([a-z-]+)$/.exec(row)?.slice(1));
    expect(parsed.map((p) => p && [p[4], p[2], Number(p[0])])).toEqual([
      ['timeline-milestones', 'warning', lineOf(MIXED, '## Timeline')],
      ['lessons-have-actions', 'error', lineOf(MIXED, '- **L3:**')],
      ['lessons-have-actions', 'error', lineOf(MIXED, '- **L4:**')],
    ]);
    expect(lines.at(-1)).toBe('✖ 3 problems (2 errors, 1 warning)');
    expect(lines).toHaveLength(5);
  });

  it('counts warnings alone in the summary', () => {
    const run = coe(['lint', '--now', NOW, 'warnings.md']);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/1 problem \(0 errors, 1 warning\)$/);
  });

  it('names files relative to where coe runs', () => {
    const run = coe(['lint', '--now', NOW, 'docs']);
    expect(run.stdout).toContain(`\n${path.join('docs', '2025-09-04-b.md')}\n`);
    expect(run.stdout).not.toContain(dir);
  });
});

describe('coe lint: colour', { timeout: 30_000 }, () => {
  const args = ['lint', '--now', NOW, 'mixed.md'];

  it('has no ANSI escapes under NO_COLOR', () => {
    expect(coe(args, { NO_COLOR: '1' }).stdout).not.toContain(ESC);
  });

  it('has no ANSI escapes when piped, even without NO_COLOR', () => {
    expect(coe(args, { NO_COLOR: undefined, FORCE_COLOR: undefined }).stdout).not.toContain(ESC);
  });

  it('has ANSI escapes with FORCE_COLOR=1', () => {
    const run = coe(args, { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(run.stdout).toContain(ESC);
    // The words are the same, only coloured.
    expect(run.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(coe(args).stdout);
  });

  it('FORCE_COLOR wins over NO_COLOR', () => {
    expect(coe(args, { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).toContain(ESC);
  });

  it('never colours JSON', () => {
    const run = coe(['lint', '--format', 'json', '--now', NOW, 'mixed.md'], { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(run.stdout).not.toContain(ESC);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});

describe('coe: version and help', { timeout: 30_000 }, () => {
  it('coe --version prints the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = coe(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('coe lint --help prints the usage and exits 0', () => {
    const run = coe(['lint', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: coe lint');
    for (const flag of ['--format', '--now', '--max-warnings', '--quiet']) expect(run.stdout).toContain(flag);
  });
});
