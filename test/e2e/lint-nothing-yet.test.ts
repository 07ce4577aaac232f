// `coe lint` on a docs repository with no COE yet, and --skip-non-coe for
// hooks that name every changed Markdown file: the BUILT CLI in a temp folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseDocument, edit, runCoe } from '../helpers/lint.js';

let dir: string;
const coe = (...args: string[]) => runCoe(args, { cwd: dir });
const put = (rel: string, content: string | Buffer) => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), content);
};
const NOTE = 'coe: no COE documents (Markdown with a "coe" frontmatter key) in incidents yet; nothing to lint. Write one with: coe new\n';
// base.md with a lesson that no action item names: one error.
const BROKEN = edit(
  baseDocument(),
  '- **L2:** Capacity must be adjustable without a deployment.\n',
  '- **L2:** Capacity must be adjustable without a deployment.\n- **L9:** Orphan.\n',
);

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'coe-lint-empty-'));
  put('.coerc.json', '{ "docs": "incidents" }\n');
  put('incidents/README.md', '# Incidents\n\nCOEs of this repository go here.\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('coe lint with no path, on a docs folder with no COE yet', { timeout: 30_000 }, () => {
  it('exits 0 with a note on stderr, in every format', () => {
    for (const format of ['stylish', 'github', 'junit']) {
      const run = coe('lint', '--format', format);
      expect([format, run.code, run.stderr]).toEqual([format, 0, NOTE]);
      if (format !== 'junit') expect(run.stdout).toBe('');
    }
    const json = coe('lint', '--format', 'json');
    expect([json.code, json.stdout, json.stderr]).toEqual([0, '[]\n', NOTE]);
    const sarif = coe('lint', '--format', 'sarif');
    expect(sarif.code).toBe(0);
    expect((JSON.parse(sarif.stdout) as { runs: { results: unknown[] }[] }).runs[0]!.results).toEqual([]);
  });

  it('the same folder, or a glob, named on the command line is still exit 2', () => {
    for (const named of ['incidents', 'incidents/*.md']) {
      const run = coe('lint', named);
      expect([named, run.code]).toEqual([named, 2]);
      expect(run.stderr).toContain('Nothing to lint: no COE documents');
    }
  });

  it('lints the COE once there is one', () => {
    put('incidents/2025-10-20-orders.md', BROKEN);
    const run = coe('lint', '--now', '2025-09-10', '--format', 'github');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^::error file=incidents\/2025-10-20-orders\.md,line=\d+,.*title=lessons-have-actions::/m);
  });

  it('a configured docs folder that does not exist is exit 2', () => {
    rmSync(path.join(dir, 'incidents'), { recursive: true });
    const run = coe('lint');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('incidents');
  });
});

describe('coe lint --skip-non-coe', { timeout: 30_000 }, () => {
  beforeEach(() => {
    put('incidents/2025-10-20-orders.md', BROKEN);
    put('notes.md', '---\ntitle: Meeting notes\n---\n\n# Notes\n');
  });

  it('without it, a named file that is not a COE is an error', () => {
    const run = coe('lint', '--format', 'json', 'notes.md');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0].messages[0]).toMatchObject({
      ruleId: 'frontmatter-schema',
      message: expect.stringContaining('Not a COE document'),
    });
  });

  it('passes over named files that are not COEs, and lints the COEs', () => {
    const run = coe(
      'lint',
      '--skip-non-coe',
      '--now',
      '2025-09-10',
      '--format',
      'json',
      'notes.md',
      'incidents/README.md',
      'incidents/2025-10-20-orders.md',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const files = JSON.parse(run.stdout) as { file: string; messages: { ruleId: string }[] }[];
    expect(files.map((f) => f.file)).toEqual([path.join('incidents', '2025-10-20-orders.md')]);
    expect(files[0]!.messages.map((m) => m.ruleId)).toEqual(['lessons-have-actions']);
  });

  it('only files that are not COEs: exit 0 and nothing on stdout', () => {
    const run = coe('lint', '--skip-non-coe', 'notes.md', 'incidents/README.md');
    expect([run.code, run.stdout]).toEqual([0, '']);
    expect(run.stderr).toBe(
      'coe: no COE documents (Markdown with a "coe" frontmatter key) in notes.md, incidents/README.md; nothing to lint\n',
    );
    const json = coe('lint', '--skip-non-coe', 'incidents/README.md', 'notes.md', '--format', 'json');
    expect([json.code, json.stdout]).toEqual([0, '[]\n']);
  });

  it('still reports a file that cannot be read, and a COE whose frontmatter is broken', () => {
    put('bad-bytes.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]));
    put('broken.md', '---\ncoe: 1\nid: [unclosed\n---\n\n# Broken\n');
    const run = coe('lint', '--skip-non-coe', '--format', 'json', 'bad-bytes.md', 'broken.md', 'notes.md');
    expect(run.code).toBe(1);
    const files = JSON.parse(run.stdout) as { file: string; messages: { ruleId: string }[] }[];
    expect(files.map((f) => [f.file, f.messages[0]!.ruleId])).toEqual([
      ['bad-bytes.md', 'fatal'],
      ['broken.md', 'frontmatter-schema'],
    ]);
  });

  it('applies to standard input too', () => {
    const skipped = runCoe(['lint', '--stdin', '--skip-non-coe', '--format', 'json'], { cwd: dir, input: '# Just notes\n' });
    expect([skipped.code, skipped.stdout]).toEqual([0, '[]\n']);
    const named = runCoe(['lint', '--stdin', '--format', 'json'], { cwd: dir, input: '# Just notes\n' });
    expect(named.code).toBe(1);
  });

  it('is in --help', () => {
    expect(coe('lint', '--help').stdout).toContain('--skip-non-coe');
  });
});
