// fileTimeout where no worker runs the file (engine/budget.ts), with the
// BUILT CLI: a few files, --concurrency 1, --stdin, coe export, coe report.
// The pool's own stop is tested in speed.test.ts.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCoe } from '../helpers/lint.js';

const EXAMPLES = ['2025-06-17-delayed-order-confirmation-emails.md', '2025-08-05-sign-in-failures-after-key-rotation.md'];
const STOPPED = 'File took longer than 0.001 s to lint; split or simplify it';
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'coe-budget-'));
  for (const name of EXAMPLES) cpSync(path.join(ROOT, 'examples', name), path.join(dir, name));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A budget no COE can meet, or the default.
const budget = (fileTimeout?: number) => writeFileSync(path.join(dir, '.coerc.json'), JSON.stringify(fileTimeout ? { fileTimeout } : {}));
const lint = (args: string[], input?: string) => runCoe(['lint', '--format', 'json', '--now', '2026-12-01', ...args], { cwd: dir, input });
const findings = (stdout: string) =>
  (JSON.parse(stdout) as { file: string; messages: { ruleId: string; message: string }[] }[]).map((r) => [
    r.file,
    r.messages.filter((m) => m.ruleId === 'fatal').map((m) => m.message),
  ]);

describe('a file over fileTimeout in this process', { timeout: 60_000 }, () => {
  it('is stopped and reported as fatal, and the next file is still linted', () => {
    budget(0.001);
    for (const args of [EXAMPLES, ['--concurrency', '1', '.']]) {
      const run = lint(args);
      expect([run.code, run.stderr]).toEqual([1, '']);
      expect(findings(run.stdout)).toEqual(EXAMPLES.map((name) => [name, [STOPPED]]));
    }
    budget();
    expect(findings(lint(EXAMPLES).stdout)).toEqual(EXAMPLES.map((name) => [name, []]));
  });

  it('is never stopped at once by a fileTimeout longer than a timer holds (24.8 days), in a worker or here', () => {
    budget(9_999_999);
    for (const args of [
      ['--concurrency', '2', '.'],
      ['--concurrency', '1', '.'],
    ]) {
      const run = lint(args);
      expect(run.stderr).toBe('');
      expect(findings(run.stdout), args.join(' ')).toEqual(EXAMPLES.map((name) => [name, []]));
    }
  });

  it('is stopped on standard input', () => {
    budget(0.001);
    const run = lint(['--stdin'], readFileSync(path.join(dir, EXAMPLES[0]!), 'utf8'));
    expect(run.code).toBe(1);
    expect(findings(run.stdout)).toEqual([['<stdin>', [STOPPED]]]);
  });

  it('is not exported: coe export says why and writes nothing', () => {
    budget(0.001);
    const run = runCoe(['export', EXAMPLES[0]!], { cwd: dir });
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toBe(`coe: Cannot export ${EXAMPLES[0]}: it took longer than 0.001 s (fileTimeout); split or simplify it\n`);
    budget();
    expect(runCoe(['export', EXAMPLES[0]!], { cwd: dir }).code).toBe(0);
  });

  it('is listed as unreadable by coe report', () => {
    budget(0.001);
    const run = runCoe(['report', '--format', 'json', '--concurrency', '1', '.'], { cwd: dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { unreadable: { file: string; reason: string }[] };
    expect(report.unreadable).toEqual(EXAMPLES.map((file) => ({ file, reason: `${STOPPED} (line 1)` })));
  });
});
