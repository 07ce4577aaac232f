// Bad input, end to end with the BUILT CLI: never a stack trace, one finding
// (or one fatal) per bad file, the other files still linted, and quickly.
// Build first: npx tsc -p tsconfig.build.json
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { baseDocument, BIN, edit, lineOf, lintString, runCoe, type RunResult } from '../helpers/lint.js';

// Before every due date of base.md, so action-item-overdue stays quiet.
const NOW = '2025-09-10';
// Each case must end well under this, start-up of node included.
const FAST_MS = 5_000;

interface JsonMessage {
  ruleId: string;
  severity: string;
  line: number;
  message: string;
}
interface JsonFile {
  file: string;
  messages: JsonMessage[];
}

const BASE = baseDocument();
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) {
    chmodAll(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

// An unreadable file must not stop the clean-up.
function chmodAll(dir: string): void {
  try {
    chmodSync(path.join(dir, 'bad.md'), 0o644);
  } catch {
    // not every case has one
  }
}

/** A temp folder holding good.md (the clean base document) and the given files. */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coe-e2e-bad-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'good.md'), BASE);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Lints `args` in `dir` as JSON: fast, no stack trace, good.md clean if it was linted. */
function lint(dir: string, args: string[] = ['.']): { run: RunResult; files: Map<string, JsonMessage[]> } {
  const started = performance.now();
  const run = runCoe(['lint', '--format', 'json', '--now', NOW, ...args], { cwd: dir });
  const elapsed = performance.now() - started;
  expect(run.stderr + run.stdout).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/unexpected error/i);
  expect(elapsed).toBeLessThan(FAST_MS);
  const parsed = JSON.parse(run.stdout) as JsonFile[];
  const files = new Map(parsed.map((f) => [f.file, f.messages]));
  if (files.has('good.md')) expect(files.get('good.md')).toEqual([]);
  return { run, files };
}

const tuples = (messages: JsonMessage[] | undefined) => messages?.map((m) => [m.ruleId, m.severity, m.line]);

/** The one finding of bad.md, with good.md linted beside it. */
function only(dir: string, args?: string[]): [string, string, number][] | undefined {
  const { run, files } = lint(dir, args);
  expect(run.code).toBe(1);
  expect([...files.keys()].sort()).toEqual(['bad.md', 'good.md']);
  return tuples(files.get('bad.md')) as [string, string, number][] | undefined;
}

describe('bad frontmatter: a frontmatter-schema finding at its line in the file', { timeout: 30_000 }, () => {
  it('malformed YAML', () => {
    const text = edit(BASE, 'severity: 3', 'severity: @3');
    expect(only(folder({ 'bad.md': text }))).toEqual([['frontmatter-schema', 'error', lineOf(text, 'severity: @3')]]);
  });

  it('a duplicate key, at the duplicate', () => {
    const text = edit(BASE, 'owner: payments-team\n', 'owner: payments-team\nseverity: 2\n');
    expect(only(folder({ 'bad.md': text }))).toEqual([['frontmatter-schema', 'error', lineOf(text, 'severity: 2')]]);
  });

  it('an alias bomb (billion laughs), quickly', () => {
    let bomb = 'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      bomb += `x-${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(',')}]\n`;
    }
    const text = edit(BASE, 'regions: [us-east-2]\n', `regions: [us-east-2]\n${bomb}`);
    const found = only(folder({ 'bad.md': text }));
    expect(found).toHaveLength(1);
    expect(found?.[0]?.slice(0, 2)).toEqual(['frontmatter-schema', 'error']);
    // Somewhere in the bomb, not at the top of the file.
    expect(found?.[0]?.[2]).toBeGreaterThanOrEqual(lineOf(text, 'x-a:'));
    expect(found?.[0]?.[2]).toBeLessThanOrEqual(lineOf(text, 'x-i:'));
  });

  it('a __proto__ key is an unknown key, and pollutes no prototype', () => {
    const text = edit(BASE, 'regions: [us-east-2]\n', 'regions: [us-east-2]\n__proto__:\n  polluted: true\n');
    const { files } = lint(folder({ 'bad.md': text }));
    expect(tuples(files.get('bad.md'))).toEqual([['frontmatter-schema', 'error', lineOf(text, '__proto__:')]]);
    expect(files.get('bad.md')?.[0]?.message).toContain('__proto__');
    // In process too, where pollution would show.
    const messages = lintString(text, { now: NOW });
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['frontmatter-schema', lineOf(text, '__proto__:')]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a constructor/prototype key path pollutes nothing either', () => {
    const text = edit(BASE, 'regions: [us-east-2]\n', 'regions: [us-east-2]\nconstructor:\n  prototype:\n    polluted: true\n');
    const messages = lintString(text, { now: NOW });
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['frontmatter-schema', lineOf(text, 'constructor:')]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('unreadable content: one fatal finding, the other files still linted', { timeout: 30_000 }, () => {
  const fatal = (dir: string, args?: string[]) => {
    const found = only(dir, args);
    expect(found).toHaveLength(1);
    expect(found?.[0]?.slice(0, 2)).toEqual(['fatal', 'error']);
    return found?.[0]?.[2];
  };

  it('binary content (NUL bytes) in a .md', () => {
    const bytes = Buffer.concat([Buffer.from(BASE.slice(0, 200)), Buffer.from([0, 1, 2, 0, 255]), Buffer.from(BASE.slice(200))]);
    fatal(folder({ 'bad.md': bytes }));
  });

  it('invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(BASE), Buffer.from([0xc3, 0x28, 0xff, 0xfe])]);
    fatal(folder({ 'bad.md': bytes }));
  });

  it('a file over the size limit (128 KB)', () => {
    fatal(folder({ 'bad.md': BASE + 'x'.repeat(5 * 1024 * 1024) }));
  });

  it('50,000 nested block quotes, quickly and without a stack overflow', () => {
    const text = `${BASE}\n${'>'.repeat(50_000)} deep\n`;
    expect(fatal(folder({ 'bad.md': text }))).toBe(lineOf(text, '>>>'));
  });

  it('a list nested 1,000 levels deep by indentation', () => {
    const text = `${BASE}\n${Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- x\n`).join('')}`;
    // Reported at the latest where the nesting passes the limit of 100
    // levels (the limit on Markdown structure may come first).
    expect(fatal(folder({ 'bad.md': text }))).toBeLessThanOrEqual(lineOf(text, `${'  '.repeat(100)}- x`));
  });

  it('a list nested 50,000 levels deep on one line', () => {
    const text = `${BASE}\n${'- '.repeat(50_000)}x\n`;
    expect(fatal(folder({ 'bad.md': text }))).toBe(lineOf(text, '- - - '));
  });

  it('a single-line paragraph over the line limit', () => {
    const text = `${BASE}\n${'word '.repeat(21_000)}\n`;
    expect(Buffer.byteLength(text)).toBeLessThan(128 * 1024);
    expect(fatal(folder({ 'bad.md': text }))).toBe(lineOf(text, 'word word'));
  });

  it('an unreadable file (chmod 000)', () => {
    const dir = folder({ 'bad.md': BASE });
    chmodSync(path.join(dir, 'bad.md'), 0o000);
    if (process.getuid?.() !== 0) {
      fatal(dir);
      return;
    }
    // root reads any file: run coe as nobody, who can read all but bad.md.
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'good.md'), 0o644);
    const run = spawnSync(
      'setpriv',
      ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, BIN, 'lint', '--format', 'json', '--now', NOW, '.'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    const files = new Map((JSON.parse(run.stdout) as JsonFile[]).map((f) => [f.file, f.messages]));
    expect(files.get('good.md')).toEqual([]);
    expect(files.get('bad.md')?.map((m) => [m.ruleId, m.severity, m.message])).toEqual([
      ['fatal', 'error', 'File could not be read: permission denied'],
    ]);
  });

  it('a bad file named on the command line is reported the same way', () => {
    const dir = folder({ 'bad.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a]) });
    fatal(dir, ['bad.md', 'good.md']);
  });
});

describe('folders: odd entries do not stop the walk', { timeout: 30_000 }, () => {
  it('a directory named x.md is passed over', () => {
    const dir = folder({ 'x.md/inner.md': BASE });
    const { run, files } = lint(dir);
    expect(run.code).toBe(0);
    // The folder is walked into, never read as a file.
    expect([...files.keys()].sort()).toEqual(['good.md', path.join('x.md', 'inner.md')]);
    expect(files.get(path.join('x.md', 'inner.md'))).toEqual([]);
  });

  it('a symbolic-link loop terminates, and each real file is linted once', () => {
    const dir = folder({ 'sub/b.md': BASE });
    symlinkSync('..', path.join(dir, 'sub', 'loop'));
    symlinkSync('sub', path.join(dir, 'again'));
    symlinkSync('good.md', path.join(dir, 'alias.md'));
    const { run, files } = lint(dir);
    expect(run.code).toBe(0);
    expect(files.size).toBe(2);
    expect(files.has('good.md')).toBe(true);
  });

  it('a broken file in the middle of a folder does not stop the others', () => {
    const errors = edit(
      BASE,
      '- **L2:** Capacity must be adjustable without a deployment.\n',
      '- **L2:** Capacity must be adjustable without a deployment.\n- **L3:** Alarms must page.\n',
    );
    const dir = folder({
      'a.md': BASE,
      'b.md': Buffer.from([0, 0, 0]),
      'c.md': 'plain notes, not a COE\n',
      'd.md': edit(BASE, 'severity: 3', 'severity: @3'),
      'e.md': errors,
    });
    const { run, files } = lint(dir);
    expect(run.code).toBe(1);
    expect([...files.keys()]).toEqual(['a.md', 'b.md', 'd.md', 'e.md', 'good.md']);
    expect(tuples(files.get('a.md'))).toEqual([]);
    expect(tuples(files.get('b.md'))).toEqual([['fatal', 'error', 1]]);
    expect(tuples(files.get('d.md'))).toEqual([['frontmatter-schema', 'error', lineOf(BASE, 'severity: 3')]]);
    expect(tuples(files.get('e.md'))).toEqual([['lessons-have-actions', 'error', lineOf(errors, '- **L3:**')]]);
  });
});

describe('line endings and byte-order mark', { timeout: 30_000 }, () => {
  // base.md with one error and one warning, so there are lines to compare.
  const broken = edit(
    edit(BASE, '- 14:30 — Status page notice posted.\n', ''),
    '- **L2:** Capacity must be adjustable without a deployment.\n',
    '- **L2:** Capacity must be adjustable without a deployment.\n- **L3:** Alarms must page.\n',
  );

  for (const [label, text] of [
    ['the clean base document', BASE],
    ['a document with findings', broken],
  ] as const) {
    it(`CRLF and a BOM give the same findings as LF, for ${label}`, () => {
      const dir = folder({
        'lf.md': text,
        'crlf.md': text.replaceAll('\n', '\r\n'),
        'bom.md': `\uFEFF${text}`,
        'both.md': `\uFEFF${text.replaceAll('\n', '\r\n')}`,
      });
      const { files } = lint(dir);
      const strip = (messages: JsonMessage[] | undefined) =>
        messages?.map(({ ruleId, severity, line, message }) => ({ ruleId, severity, line, message }));
      const lf = strip(files.get('lf.md'));
      expect(lf).toBeDefined();
      for (const name of ['crlf.md', 'bom.md', 'both.md']) expect(strip(files.get(name)), name).toEqual(lf);
      if (text === broken) {
        expect(tuples(files.get('lf.md'))).toEqual([
          ['timeline-milestones', 'warn', lineOf(broken, '## Timeline')],
          ['lessons-have-actions', 'error', lineOf(broken, '- **L3:**')],
        ]);
      }
    });
  }
});

describe('one YAML mistake gives one frontmatter-schema finding', { timeout: 30_000 }, () => {
  // The YAML parser reports a cascade of errors after the first one; the
  // contract is "one problem, one finding", at the line of the mistake.
  it('a colon inside a plain value: one finding, not two on the same line', () => {
    const text = edit(BASE, 'title: Delayed payment notifications', 'title: Delayed: payment: notifications');
    expect(only(folder({ 'bad.md': text }))).toEqual([['frontmatter-schema', 'error', lineOf(text, 'title: Delayed:')]]);
  });

  it('a tab as indentation: one finding, not one per following line', () => {
    const text = edit(BASE, '  start: 2025-09-03T14:05:00Z', '\tstart: 2025-09-03T14:05:00Z');
    expect(only(folder({ 'bad.md': text }))).toEqual([['frontmatter-schema', 'error', lineOf(text, '\tstart:')]]);
  });
});
