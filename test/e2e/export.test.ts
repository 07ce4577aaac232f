// `coe export` end to end: the built CLI on files in a temporary folder.
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
  write('corp.json', JSON.stringify({ internalDomains: ['corp.example.com'] }));
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

  it('takes --format md, and markdown as another name for it', () => {
    expect(run('orders.md', '--format', 'md')).toEqual({ code: 0, stdout: golden('orders.md'), stderr: '' });
    expect(run('orders.md', '-f', 'markdown')).toEqual({ code: 0, stdout: golden('orders.md'), stderr: '' });
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
        'To export: give each internal name a glossary entry or reword it. Or use --allow-leaks.',
        '',
      ].join('\n'),
    );
  });

  it('exports anyway with the override of each check, and still says what it found', () => {
    const leaky = run('leaky.md', '--allow-leaks');
    expect(leaky.code).toBe(0);
    expect(leaky.stdout).toContain('The payments-team restored the capacity');
    expect(leaky.stderr).toMatch(
      /^coe: --allow-leaks: exporting leaky\.md although 1 internal name would reach customers:\n {2}leak: "payments-team"/,
    );
    expect(leaky.stderr).not.toContain('To export');
    const broken = run('broken.md', '--allow-lint-errors');
    expect(broken.code).toBe(0);
    expect(broken.stderr).toMatch(/^coe: --allow-lint-errors: exporting broken\.md although it has \d+ lint errors?:\n/);
  });

  it('keeps the checks apart: one override does not let the other problem through', () => {
    const both = write('both.md', edit(readFileSync(path.join(dir, 'leaky.md'), 'utf8'), '## Lessons', '## Lesons'));
    const leaksOnly = run(both, '--allow-leaks');
    expect(leaksOnly.code).toBe(1);
    expect(leaksOnly.stdout).toBe('');
    expect(leaksOnly.stderr).toMatch(
      /^coe: refusing to export both\.md: it has \d+ lint errors?, and 1 internal name would reach customers:\n/,
    );
    expect(leaksOnly.stderr).toMatch(/\nTo export: fix the errors \(coe lint shows them\)\. Or use --allow-lint-errors\.\n$/);
    const errorsOnly = run(both, '--allow-lint-errors');
    expect(errorsOnly.code).toBe(1);
    expect(errorsOnly.stderr).toMatch(/\nTo export: give each internal name a glossary entry or reword it\. Or use --allow-leaks\.\n$/);
    expect(run(both, '--allow-lint-errors', '--allow-leaks').code).toBe(0);
  });

  it('--force only overwrites: it lets no lint error or leak through, and writes nothing then', () => {
    write('kept.md', 'keep me\n');
    for (const name of ['leaky.md', 'broken.md']) {
      const r = run(name, '--force', '-o', 'kept.md');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^coe: refusing to export/);
      expect(readFileSync(path.join(dir, 'kept.md'), 'utf8')).toBe('keep me\n');
    }
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
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'coe: Cannot export binary.md: File is binary (it holds NUL bytes), not Markdown text\n',
    });
    noStackTrace(r.stderr);
  });

  it('prints its help', () => {
    const r = runCoe(['export', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: coe export [options] <file>');
    for (const flag of ['--format', '"md"', '--force', '--allow-lint-errors', '--allow-leaks']) expect(r.stdout).toContain(flag);
  });

  it('never writes the draft over the COE, by any name: not through a hard link either', () => {
    const coe = path.join(dir, 'orders.md');
    linkSync(coe, path.join(dir, 'hard.md'));
    symlinkSync(coe, path.join(dir, 'soft.md'));
    for (const target of ['hard.md', 'soft.md', './orders.md']) {
      const r = run('orders.md', '--force', '-o', target);
      expect(r).toEqual({ code: 2, stdout: '', stderr: `coe: -o ${target} is the COE being exported; write to another file\n` });
    }
    expect(readFileSync(coe, 'utf8')).toBe(ordersDocument());
  });

  it('reads no FIFO and writes into none: it says so and exits 2 at once', () => {
    const fifo = path.join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    expect(run('pipe.md')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'coe: Cannot export pipe.md: Not a regular file (a FIFO): coe reads only regular files\n',
    });
    expect(run('orders.md', '--force', '-o', 'pipe.md')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'coe: Cannot write pipe.md: it is a FIFO, not a regular file\n',
    });
    expect(run('/dev/null')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'coe: Cannot export /dev/null: Not a regular file (a character device): coe reads only regular files\n',
    });
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('coe export: nothing internal gets out with exit 0', () => {
  const IMPACT = 'between 5 and 40 minutes late.';
  const saying = (words: string, text = paymentsDocument()) => edit(text, IMPACT, `${IMPACT} ${words}`);

  it('leaves out hosts on internal domains, however they are written', () => {
    const name = write(
      'hosts.md',
      saying(
        'See db_primary.corp.example.com, _ldap._tcp.corp.example.com, wiki.*corp*.example.com and [x](https://corp.example.com@evil.example/).',
      ),
    );
    for (const format of ['md', 'html', 'json']) {
      const r = runCoe(['export', name, '-f', format, '--config', 'corp.json'], { cwd: dir });
      expect([format, r.code]).toEqual([format, 0]);
      // The sentence is left short ("See , and x."), and the warning says so.
      expect(r.stderr).toMatch(
        /^coe: warning: hosts\.md: the draft leaves out the internal addresses its sentences name \(ticket links, internal hosts\): db_primary\.corp\.example\.com \(hosts\.md:\d+:\d+\)/,
      );
      expect(r.stdout).not.toMatch(/corp/i);
    }
  });

  it('refuses a name hidden by invisible characters, a hyphen variant or a lookalike letter, in every format', () => {
    const noGlossary = edit(paymentsDocument(), '  ledger-db: payment records\n', '');
    for (const hidden of ['ledger\u200B-db', 'ledger&shy;-db', '<b>ledger&#8203;-db</b>', 'ledger\u2011db', 'l\u0435dger-db']) {
      const name = write('hidden.md', saying(`The ${hidden} was slow.`, noGlossary));
      for (const format of ['md', 'html', 'json']) {
        const r = run(name, '-f', format);
        expect([hidden, format, r.code, r.stdout]).toEqual([hidden, format, 1, '']);
        expect(r.stderr).toContain('leak: "ledger-db" (a services entry)');
      }
    }
  });
});
