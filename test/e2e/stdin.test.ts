// `coe lint --stdin [--stdin-filename PATH]` end to end, with the BUILT CLI.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDocument, edit, lineOf, runCoe } from '../helpers/lint.js';

const NOW = '2025-09-10';
let dir: string;
const lint = (input: string, ...args: string[]) => runCoe(['lint', '--now', NOW, '--format', 'json', ...args], { cwd: dir, input });
const parse = (stdout: string) => JSON.parse(stdout) as { file: string; messages: { ruleId: string; severity: string; line: number }[] }[];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'coe-stdin-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('coe lint --stdin', { timeout: 30_000 }, () => {
  it('lints standard input under the name given', () => {
    const run = lint(baseDocument(), '--stdin', '--stdin-filename', 'docs/coe/draft.md');
    expect(run.code).toBe(0);
    expect(parse(run.stdout)).toEqual([{ file: 'docs/coe/draft.md', errorCount: 0, warningCount: 0, messages: [] }]);
  });

  it('reports findings at their lines, named <stdin> by default', () => {
    const doc = edit(baseDocument(), 'id: COE-2025-017', 'id: 2025-017');
    const run = lint(doc, '--stdin');
    expect(run.code).toBe(1);
    const files = parse(run.stdout);
    expect(files.map((f) => [f.file, f.messages.map((m) => [m.ruleId, m.severity, m.line])])).toEqual([
      ['<stdin>', [['frontmatter-schema', 'error', lineOf(doc, 'id: 2025-017')]]],
    ]);
  });

  it('reports standard input that is not a COE, as a named file', () => {
    const run = lint('# Just notes\n', '--stdin', '--stdin-filename', 'notes.md');
    expect(run.code).toBe(1);
    expect(parse(run.stdout).map((f) => [f.file, f.messages.map((m) => [m.ruleId, m.line])])).toEqual([
      ['notes.md', [['frontmatter-schema', 1]]],
    ]);
  });

  it('applies the configuration', () => {
    writeFileSync(path.join(dir, '.coerc.json'), JSON.stringify({ idPrefix: 'INC' }));
    try {
      const run = lint(edit(baseDocument(), 'id: COE-2025-017', 'id: INC-2025-017'), '--stdin');
      expect([run.code, run.stderr]).toEqual([0, '']);
    } finally {
      rmSync(path.join(dir, '.coerc.json'));
    }
  });

  it('is bad usage with paths, or a file name without --stdin', () => {
    const both = lint(baseDocument(), '--stdin', 'x.md');
    expect([both.code, both.stderr]).toEqual([2, 'coe: Give either paths or --stdin, not both\n']);
    const alone = lint(baseDocument(), '--stdin-filename', 'x.md');
    expect([alone.code, alone.stderr]).toEqual([2, 'coe: --stdin-filename needs --stdin\n']);
  });

  it('says that --cache is not used, lints, and writes no cache', () => {
    for (const flags of [['--cache'], ['--cache-location', 'stdin-cache.json']]) {
      const run = lint(baseDocument(), '--stdin', ...flags);
      expect([run.code, run.stderr]).toEqual([0, 'coe: warning: --cache is not used with --stdin: standard input is linted every time\n']);
      expect(parse(run.stdout)).toEqual([{ file: '<stdin>', errorCount: 0, warningCount: 0, messages: [] }]);
    }
    expect(existsSync(path.join(dir, 'stdin-cache.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
  });
});
