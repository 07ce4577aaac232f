// `coe export` end to end: the built CLI on files in a temporary folder.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edit, lineOf, runCoe } from '../helpers/lint.js';
import { EXPORT_FIXTURES, ORDERS_CONFIG, ordersDocument, paymentsDocument } from '../export/helpers.js';

let dir: string;
const golden = (name: string) => readFileSync(path.join(EXPORT_FIXTURES, 'golden', name), 'utf8');
const run = (...args: string[]) => runCoe(['export', ...args], { cwd: dir });
const write = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return name;
};
const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'coe-export-'));
  write('.coerc.json', JSON.stringify(ORDERS_CONFIG));
  write('orders.md', ordersDocument());
  write('payments.md', paymentsDocument());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('coe export: output', () => {
  it('prints the Markdown draft on stdout, using the configuration found in the folder', () => {
    const r = run('orders.md');
    expect(r).toEqual({ code: 0, stdout: golden('orders.md'), stderr: '' });
  });

  it('prints HTML and JSON with --format', () => {
    expect(run('orders.md', '--format', 'html')).toEqual({ code: 0, stdout: golden('orders.html'), stderr: '' });
    expect(run('orders.md', '-f', 'json')).toEqual({ code: 0, stdout: golden('orders.json'), stderr: '' });
  });

  it('reads the configuration given with --config', () => {
    const sub = path.join(dir, 'elsewhere');
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, 'orders.md'), ordersDocument());
    writeFileSync(path.join(sub, 'strict.json'), JSON.stringify({ ...ORDERS_CONFIG, internalTerms: ['checkout pages'] }));
    const r = runCoe(['export', 'orders.md', '--config', 'strict.json'], { cwd: sub });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('leak: "checkout pages" (a configured internal term)');
  });

  it('writes -o FILE, and prints nothing', () => {
    const r = run('orders.md', '-f', 'html', '-o', 'rca.html');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(dir, 'rca.html'), 'utf8')).toBe(golden('orders.html'));
  });

  it('never overwrites -o FILE without --force', () => {
    write('existing.md', 'keep me\n');
    const r = run('orders.md', '-o', 'existing.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('coe: existing.md already exists; choose another file or use --force to overwrite it\n');
    expect(readFileSync(path.join(dir, 'existing.md'), 'utf8')).toBe('keep me\n');
    expect(run('orders.md', '-o', 'existing.md', '--force').code).toBe(0);
    expect(readFileSync(path.join(dir, 'existing.md'), 'utf8')).toBe(golden('orders.md'));
  });

  it('warns on stderr when the root cause is a placeholder', () => {
    const text = paymentsDocument();
    const name = write('no-summary.md', text.slice(0, text.indexOf('## Customer summary')));
    const r = run(name);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'coe: warning: no-summary.md: it has no "Customer summary" section, so the Root cause of the draft is a placeholder: write one and export again\n',
    );
    expect(r.stdout).toContain('## Root cause\n\n**\\[Placeholder:');
  });
});

describe('coe export: refusals', () => {
  it('refuses a COE with lint errors, saying which', () => {
    const name = write('broken.md', edit(paymentsDocument(), '## Lessons', '## Lesons'));
    const r = run(name, '-o', 'broken-out.md');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^coe: refusing to export broken\.md: it has \d+ lint errors?:\n/);
    expect(r.stderr).toMatch(/^ {2}broken\.md:\d+:\d+ {2}.*Lessons.* {2}\(required-sections\)$/m);
    expect(existsSync(path.join(dir, 'broken-out.md'))).toBe(false);
  });

  it('refuses a draft that would leak an internal name, saying where it came from', () => {
    const text = edit(paymentsDocument(), 'We\nrestored the capacity', 'The payments-team\nrestored the capacity');
    const name = write('leaky.md', text);
    const source = lineOf(text, 'Between 14:05 and 15:20 UTC on September 3, 2025, payment');
    const r = run(name);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'coe: refusing to export leaky.md: 1 internal name would reach customers:',
        `  leak: "payments-team" (the owner of the COE, AI-1, AI-2) at line 13 of the draft, from the Customer summary section (leaky.md:${source})`,
        'To export: give each internal name a glossary entry or reword it. Or use --force.',
        '',
      ].join('\n'),
    );
  });

  it('exports anyway with --force, and still says what it would have refused for', () => {
    const leaky = run('leaky.md', '--force');
    expect(leaky.code).toBe(0);
    expect(leaky.stdout).toContain('The payments-team restored the capacity');
    expect(leaky.stderr).toMatch(/^coe: --force: exporting leaky\.md although 1 internal name would reach customers:\n  leak: "payments-team"/);
    expect(leaky.stderr).not.toContain('To export');
    const broken = run('broken.md', '--force');
    expect(broken.code).toBe(0);
    expect(broken.stderr).toMatch(/^coe: --force: exporting broken\.md although it has \d+ lint errors?:\n/);
  });

  it('refuses a Markdown file that is not a COE', () => {
    const r = run(write('notes.md', '# Notes\n\nNothing here.\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Not a COE document');
  });
});

describe('coe export: bad input', () => {
  it('exits 2 with one line for a file that does not exist', () => {
    const r = run('nope.md');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'coe: Cannot export nope.md: File could not be read: no such file\n' });
  });

  it('exits 2 for an unknown format', () => {
    const r = run('orders.md', '--format', 'pdf');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'pdf' is invalid");
  });

  it('exits 2 when -o names a folder that does not exist', () => {
    const r = run('orders.md', '-o', 'missing/rca.md');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'coe: Cannot write missing/rca.md: its folder does not exist\n' });
  });

  it('exits 1 with one line for a file that is not text', () => {
    writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x00, 0xff]));
    const r = run('binary.md');
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'coe: Cannot export binary.md: File is binary (it holds NUL bytes), not Markdown text\n' });
    noStackTrace(r.stderr);
  });

  it('prints its help', () => {
    const r = runCoe(['export', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: coe export [options] <file>');
    expect(r.stdout).toContain('--force');
  });
});
