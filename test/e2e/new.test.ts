// `coe new` without a terminal, run as a user would: the built CLI in a temp folder.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BIN, runCoe, type RunResult } from '../helpers/lint.js';

const FLAGS = [
  '--severity',
  '2',
  '--service',
  'orders-api',
  '--owner',
  'orders-team',
  '--author',
  'Dana Whitfield',
  '--start',
  '2025-10-20T06:48:00Z',
  '--detected',
  '2025-10-20T07:33:00Z',
  '--detected-by',
  'customer-report',
];

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'coe-new-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

/** FLAGS with some values replaced (or added). */
function withFlags(override: string[]): string[] {
  const flags = [...FLAGS];
  for (let i = 0; i < override.length; i += 2) {
    const at = flags.indexOf(override[i]!);
    if (at === -1) flags.push(override[i]!, override[i + 1]!);
    else flags[at + 1] = override[i + 1]!;
  }
  return flags;
}

const coeNew = (...args: string[]): RunResult => runCoe(['new', ...args], { cwd });
const read = (file: string) => readFileSync(path.join(cwd, file), 'utf8');
const filesIn = (dir: string) => (existsSync(path.join(cwd, dir)) ? readdirSync(path.join(cwd, dir)).sort() : []);

function frontmatter(text: string): Record<string, unknown> {
  const end = text.indexOf('\n---\n', 4);
  return parseYaml(text.slice(4, end + 1)) as Record<string, unknown>;
}

interface LintJson {
  messages: { ruleId: string; severity: string; line: number }[];
}

function lintJson(file: string): LintJson['messages'] {
  const run = runCoe(['lint', '--format', 'json', '--now', '2025-10-21', file], { cwd });
  return (JSON.parse(run.stdout) as LintJson[]).flatMap((f) => f.messages);
}

describe('coe new, scripted', () => {
  it('writes docs/coe/DATE-slug.md with the next id and prints its path', () => {
    const run = coeNew('Elevated error rates when placing orders', ...FLAGS);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${path.join('docs', 'coe', '2025-10-20-elevated-error-rates-when-placing-orders.md')}\n`);
    const text = read(run.stdout.trim());
    expect(frontmatter(text)).toEqual({
      coe: 1,
      id: 'COE-2025-001',
      title: 'Elevated error rates when placing orders',
      status: 'draft',
      severity: 2,
      owner: 'orders-team',
      authors: ['Dana Whitfield'],
      services: ['orders-api'],
      incident: { start: '2025-10-20T06:48:00Z', detected: '2025-10-20T07:33:00Z', detected_by: 'customer-report' },
    });
    expect(text).toContain('\n# Elevated error rates when placing orders\n');
    expect(text).not.toContain('{{');
  });

  it('lints with no frontmatter-schema or required-sections finding, and a no-placeholders warning for each TODO', () => {
    const file = coeNew('Orders failed', ...FLAGS, '--region', 'eu-west-1', '--service', 'cell-router').stdout.trim();
    const text = read(file);
    const messages = lintJson(file);
    expect(messages.filter((m) => m.ruleId === 'frontmatter-schema' || m.ruleId === 'required-sections')).toEqual([]);
    const todoLines = text.split('\n').flatMap((line, i) =>
      line
        .split('TODO')
        .slice(1)
        .map(() => i + 1),
    );
    const placeholders = messages.filter((m) => m.ruleId === 'no-placeholders');
    expect(placeholders.map((m) => [m.severity, m.line])).toEqual(todoLines.map((line) => ['warn', line]));
    expect(placeholders.length).toBeGreaterThan(10);
  });

  it('--template multi-service lints the same way', () => {
    const run = coeNew('Orders failed', ...FLAGS, '--service', 'cell-router', '--template', 'multi-service');
    expect(run.code).toBe(0);
    const messages = lintJson(run.stdout.trim());
    expect(messages.filter((m) => m.ruleId === 'frontmatter-schema' || m.ruleId === 'required-sections')).toEqual([]);
    expect(messages.some((m) => m.ruleId === 'no-placeholders' && m.severity === 'warn')).toBe(true);
    expect(read(run.stdout.trim())).toContain('### cell-router');
  });

  it('--stdout prints the document and writes nothing', () => {
    const run = coeNew('Orders failed', ...FLAGS, '--stdout');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('---\ncoe: 1\nid: COE-2025-001\n')).toBe(true);
    expect(run.stdout).toContain('\n# Orders failed\n');
    expect(existsSync(path.join(cwd, 'docs'))).toBe(false);
  });

  it('--dir chooses the folder, and creates it', () => {
    const run = coeNew('Orders failed', ...FLAGS, '--dir', 'post-mortems/2025');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${path.join('post-mortems', '2025', '2025-10-20-orders-failed.md')}\n`);
    expect(filesIn('post-mortems/2025')).toEqual(['2025-10-20-orders-failed.md']);
  });

  it('--dir that is a file is a usage error', () => {
    writeFileSync(path.join(cwd, 'plain'), 'x');
    const run = coeNew('Orders failed', ...FLAGS, '--dir', 'plain');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--dir: .*plain exists and is not a folder/);
  });

  // Node's recursive mkdir loops forever under /proc.
  it('--dir that cannot be created is a usage error, at once', () => {
    expect(existsSync('/proc/self')).toBe(true);
    const run = coeNew('Orders failed', ...FLAGS, '--dir', '/proc/coe-no-such/2025');
    expect([run.code, run.stderr]).toEqual([2, 'coe: --dir: cannot create /proc/coe-no-such/2025: ENOENT\n']);
  });
});

describe('coe new, missing and bad values', () => {
  it('names every missing flag, exit 2', () => {
    const run = coeNew('Orders failed', '--severity', '2', '--owner', 'orders-team');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toMatch(/^coe: missing --service, --author, --start, --detected, --detected-by: with no terminal/);
    expect(filesIn('docs/coe')).toEqual([]);
  });

  it('names a missing title', () => {
    const run = coeNew(...FLAGS);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^coe: missing TITLE:/);
  });

  it('never waits for input when stdin is not a terminal, even left open', async () => {
    const child = spawn(process.execPath, [BIN, 'new', 'Orders failed'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve(null);
      }, 10_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/missing --severity, --service, --owner, --author, --start, --detected, --detected-by/);
  });

  it.each([
    [['--severity', '7'], /^coe: --severity must be a whole number from 1 \(most severe\) to 5; got "7"/],
    [['--severity', 'high'], /^coe: --severity must be a whole number/],
    [
      ['--start', 'yesterday'],
      /^coe: --start must be a date and a time, e\.g\. 2025-10-20 06:48 UTC, 2025-10-20T06:48Z or 2025-10-20 08:48 \+02:00; got "yesterday"/,
    ],
    [['--start', '2025-10-20'], /^coe: --start must be a date and a time/],
    [
      ['--start', '2025-10-20 06:48 EST'],
      /^coe: --start "EST" is a zone abbreviation, not an offset: write the offset instead \("2025-10-20 06:48 -05:00"\)/,
    ],
    [['--start', '2025-02-30 06:48 UTC'], /^coe: --start "2025-02-30 06:48 UTC" is not a real date and time/],
    [['--detected', '2025-10-20T06:00:00Z'], /^coe: --detected must not be before the start \(2025-10-20T06:48:00Z\)/],
    [['--detected-by', 'pager'], /^coe: --detected-by must be one of: alarm, aggregate-alarm, canary/],
    [['--id', 'COE-25-1'], /^coe: --id must look like COE-2025-042/],
    [['--owner', ' '], /^coe: --owner must not be empty/],
    [['--service', ''], /^coe: --service must not be empty/],
  ])('%j is refused, naming the flag', (override, message) => {
    const run = coeNew('Orders failed', ...withFlags(override));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(filesIn('docs/coe')).toEqual([]);
  });

  it('a title of two lines is refused', () => {
    const run = coeNew('Two\nlines', ...FLAGS);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^coe: the title must be one line/);
  });

  it("an unknown template lists the ones there are, the repository's included", () => {
    mkdirSync(path.join(cwd, '.coe', 'templates'), { recursive: true });
    writeFileSync(path.join(cwd, '.coe', 'templates', 'security.md'), '# {{title}}\n');
    const run = coeNew('Orders failed', ...FLAGS, '--template', 'nope');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `coe: --template: no template named "nope"; there are: standard, multi-service, security (${path.join(cwd, '.coe', 'templates', 'security.md')})\n`,
    );
  });

  it('a repository template is used, and an unknown token in it is a usage error', () => {
    const dir = path.join(cwd, '.coe', 'templates');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'short.md'), '# {{title}}\n\n## Impact\n\nTODO for {{services}}\n');
    writeFileSync(path.join(dir, 'broken.md'), '# {{titel}}\n');
    const ok = coeNew('Orders failed', ...FLAGS, '--template', 'short', '--stdout');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('\n---\n\n# Orders failed\n\n## Impact\n\nTODO for orders-api\n');
    const bad = coeNew('Orders failed', ...FLAGS, '--template', 'broken');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^coe: template .*broken\.md: unknown token \{\{titel\}\}/);
    expect(filesIn('docs/coe')).toEqual([]);
  });
});

describe('coe new, titles that are not safe file names', () => {
  it.each([
    ['../../etc/passwd', '2025-10-20-etc-passwd.md'],
    ['/absolute/path', '2025-10-20-absolute-path.md'],
    ['a\\b/../c', '2025-10-20-a-b-c.md'],
    ['日本語のタイトル', '2025-10-20-coe.md'],
    ['...', '2025-10-20-coe.md'],
    ['Café: "über" # 1', '2025-10-20-cafe-uber-1.md'],
  ])('%j is written inside the folder as %s, the title kept exactly', (title, name) => {
    const run = coeNew(title, ...FLAGS);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${path.join('docs', 'coe', name)}\n`);
    expect(filesIn('docs/coe')).toEqual([name]);
    expect(readdirSync(cwd).sort()).toEqual(['docs']);
    expect(frontmatter(read(run.stdout.trim())).title).toBe(title);
  });

  it.each([`- "Quoted": colon # hash 'single' ünï 😀`, 'null', '123', '@handle: yes', '[not, a, list]'])(
    'the title %j round-trips exactly, and the document lints clean of frontmatter-schema',
    (title) => {
      // `--` ends the options, so a title may begin with a dash.
      const run = coeNew(...withFlags(['--owner', 'team: #1', '--author', "O'Brien, Dana"]), '--', title);
      expect(run.code).toBe(0);
      const fm = frontmatter(read(run.stdout.trim()));
      expect([fm.title, fm.owner, fm.authors]).toEqual([title, 'team: #1', ["O'Brien, Dana"]]);
      expect(lintJson(run.stdout.trim()).filter((m) => m.ruleId === 'frontmatter-schema')).toEqual([]);
    },
  );
});

describe('coe new, configured', () => {
  it('writes in the configured docs folder, with the configured id prefix and templates', () => {
    writeFileSync(path.join(cwd, '.coerc.json'), JSON.stringify({ docs: 'incidents', idPrefix: 'INC', templates: 'tpl' }));
    mkdirSync(path.join(cwd, 'tpl'));
    writeFileSync(path.join(cwd, 'tpl', 'mine.md'), '# {{title}}\n\n## Impact\n\nTODO\n');
    const run = coeNew('Orders failed', ...FLAGS, '--template', 'mine');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${path.join('incidents', '2025-10-20-orders-failed.md')}\n`);
    const text = read(run.stdout.trim());
    expect(frontmatter(text).id).toBe('INC-2025-001');
    expect(text.endsWith('---\n\n# Orders failed\n\n## Impact\n\nTODO\n')).toBe(true);
    expect(coeNew('Orders failed', ...FLAGS, '--id', 'COE-2025-001').stderr).toMatch(/^coe: --id must look like INC-2025-042/);
  });
});

describe('coe new, ids and files', () => {
  const doc = (id: string) => `---\ncoe: 1\nid: ${id}\n---\n\n# Old\n`;

  it('takes the next free id of the start year, whatever the file names', () => {
    mkdirSync(path.join(cwd, 'docs/coe/archive'), { recursive: true });
    writeFileSync(path.join(cwd, 'docs/coe/notes.md'), doc('COE-2025-007'));
    writeFileSync(path.join(cwd, 'docs/coe/archive/x.md'), doc('COE-2025-011'));
    writeFileSync(path.join(cwd, 'docs/coe/last-year.md'), doc('COE-2024-040'));
    writeFileSync(path.join(cwd, 'docs/coe/readme.md'), '# Not a COE\n');
    const a = coeNew('Orders failed', ...FLAGS);
    expect(frontmatter(read(a.stdout.trim())).id).toBe('COE-2025-012');
    const b = coeNew('Orders failed again', ...FLAGS);
    expect(frontmatter(read(b.stdout.trim())).id).toBe('COE-2025-013');
    const c = coeNew('New year', ...FLAGS.map((f) => f.replace('2025-10-20', '2026-01-02')));
    expect(c.stdout).toBe(`${path.join('docs', 'coe', '2026-01-02-new-year.md')}\n`);
    expect(frontmatter(read(c.stdout.trim())).id).toBe('COE-2026-001');
  });

  it.each([
    ['2026-11-24 14:02 UTC', '2026-11-24T14:02:00Z'],
    ['2026-11-24T14:02Z', '2026-11-24T14:02:00Z'],
    ['2026-11-24 16:02 +02:00', '2026-11-24T16:02:00+02:00'],
    ['2026-11-24 14:02', '2026-11-24T14:02:00Z'],
    ['2026-11-24, 2:02 PM GMT', '2026-11-24T14:02:00Z'],
    ['2026-11-24T14:02:30.5-0500', '2026-11-24T14:02:30.5-05:00'],
  ])('--start and --detected take %j, as a timeline entry does, and write ISO 8601 (%s)', (written, iso) => {
    const flags = withFlags(['--start', written]).map((f) => (f === '2025-10-20T07:33:00Z' ? written : f));
    const run = coeNew('Orders failed', ...flags, '--stdout');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(frontmatter(run.stdout).incident).toMatchObject({ start: iso, detected: iso });
    expect(run.stdout).toContain(`- ${iso.slice(0, 10)} `);
  });

  it('takes the id and the date as written in the start, offset and all', () => {
    const flags = FLAGS.map((f) =>
      f.replace('2025-10-20T06:48:00Z', '2025-12-31T23:30-05:00').replace('2025-10-20T07:33:00Z', '2026-01-01T05:00Z'),
    );
    const run = coeNew('Late night', ...flags);
    expect(run.stdout).toBe(`${path.join('docs', 'coe', '2025-12-31-late-night.md')}\n`);
    expect(frontmatter(read(run.stdout.trim())).id).toBe('COE-2025-001');
  });

  it('--id is used as given, and refused when a document holds it', () => {
    mkdirSync(path.join(cwd, 'docs/coe'), { recursive: true });
    writeFileSync(path.join(cwd, 'docs/coe/old.md'), doc('COE-2025-004'));
    const taken = coeNew('Orders failed', ...FLAGS, '--id', 'COE-2025-004');
    expect(taken.code).toBe(2);
    expect(taken.stderr).toBe(
      `coe: --id COE-2025-004 is taken by ${path.join(cwd, 'docs/coe/old.md')}; leave --id out to get the next free id\n`,
    );
    expect(coeNew('Orders failed', ...FLAGS, '--id', 'COE-2025-004', '--stdout').code).toBe(2);
    const free = coeNew('Orders failed', ...FLAGS, '--id', 'COE-2025-100');
    expect(free.code).toBe(0);
    expect(frontmatter(read(free.stdout.trim())).id).toBe('COE-2025-100');
  });

  it('never overwrites a file: the next name is taken instead', () => {
    mkdirSync(path.join(cwd, 'docs/coe'), { recursive: true });
    writeFileSync(path.join(cwd, 'docs/coe/2025-10-20-orders-failed.md'), 'keep me\n');
    const run = coeNew('Orders failed', ...FLAGS);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${path.join('docs', 'coe', '2025-10-20-orders-failed-2.md')}\n`);
    expect(read('docs/coe/2025-10-20-orders-failed.md')).toBe('keep me\n');
    const again = coeNew('Orders failed', ...FLAGS);
    expect(again.stdout).toBe(`${path.join('docs', 'coe', '2025-10-20-orders-failed-3.md')}\n`);
    expect(frontmatter(read(again.stdout.trim())).id).toBe('COE-2025-002');
  });

  it('two racing for the same name write two files with two ids, both valid', async () => {
    const runs = await Promise.all([1, 2, 3, 4].map(() => spawnCoe(['new', 'Orders failed', ...FLAGS])));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const files = runs.map((r) => r.stdout.trim());
    expect(new Set(files).size).toBe(4);
    expect(filesIn('docs/coe')).toEqual([
      '2025-10-20-orders-failed-2.md',
      '2025-10-20-orders-failed-3.md',
      '2025-10-20-orders-failed-4.md',
      '2025-10-20-orders-failed.md',
    ]);
    const ids = files.map((f) => frontmatter(read(f)).id).sort();
    expect(ids).toEqual(['COE-2025-001', 'COE-2025-002', 'COE-2025-003', 'COE-2025-004']);
    for (const file of files) {
      expect(lintJson(file).filter((m) => m.ruleId === 'frontmatter-schema' || m.ruleId === 'required-sections')).toEqual([]);
    }
  });
});

function spawnCoe(args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
