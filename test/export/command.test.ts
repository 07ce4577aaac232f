// `coe export` in process: what it refuses, with which exit code and message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExport, type ExportOptions } from '../../src/commands/export.js';
import { captureIO } from '../actions/helpers.js';
import { edit } from '../helpers/lint.js';
import { paymentsDocument } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'coe-export-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function exportOf(text: string, options: ExportOptions = {}) {
  const name = `doc-${Math.random().toString(36).slice(2)}.md`;
  writeFileSync(path.join(dir, name), text);
  const { io, stdout, stderr } = captureIO(dir);
  const code = await runExport(name, options, io);
  return { code, stdout: stdout(), stderr: stderr().replaceAll(name, 'doc.md') };
}

const IMPACT_END = 'every merchant received each notification once.';
const saying = (text: string, sentence: string) => edit(text, IMPACT_END, `${IMPACT_END} ${sentence}`);

describe('export: an invalid frontmatter does not switch the leak check off', () => {
  it('reads the names around a repeated key', async () => {
    const services = edit(
      paymentsDocument(),
      'services: [webhook-dispatcher, ledger-db]',
      'services: [webhook-dispatcher, ledger-db, fraud-scorer]',
    );
    const text = saying(edit(services, 'severity: 3\n', 'severity: 3\nseverity: 3\n'), 'The fraud-scorer failed, Ines Okafor said.');
    const run = await exportOf(text, { allowLintErrors: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').filter((l) => l.startsWith('  leak:'))).toEqual([
      '  leak: "fraud-scorer" (a services entry) at line 9 of the draft, from the Impact section (doc.md:34)',
      '  leak: "Ines Okafor" (an author) at line 9 of the draft, from the Impact section (doc.md:34)',
    ]);
  });

  it('reads a scalar services value', async () => {
    const scalar = edit(paymentsDocument(), 'services: [webhook-dispatcher, ledger-db]', 'services: ledger-db');
    const text = saying(edit(scalar, '  ledger-db: payment records\n', ''), 'The ledger-db failed.');
    const run = await exportOf(text, { allowLintErrors: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('  leak: "ledger-db" (a services entry)');
  });

  it('refuses when the names cannot be read at all, unless --allow-leaks', async () => {
    const text = edit(paymentsDocument(), 'title: Delayed payment notifications', 'title: "Delayed payment notifications');
    const run = await exportOf(text, { allowLintErrors: true });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      "coe: refusing to export doc.md: it has 1 lint error, and its frontmatter's services, authors, owner could not be read, so the draft cannot be checked for them:",
    );
    expect((await exportOf(text, { allowLintErrors: true, allowLeaks: true })).code).toBe(0);
  });
});

describe('export: a repeated frontmatter key', () => {
  const text = edit(paymentsDocument(), 'severity: 3\n', 'severity: 3\nseverity: 3\n');
  const error = '  doc.md:7:1  Invalid YAML: Map keys must be unique  (frontmatter-schema)';

  it('is a lint error that stops the export', async () => {
    const run = await exportOf(text);
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual(['coe: refusing to export doc.md: it has 1 lint error:', error]);
  });

  it('with --allow-lint-errors, is reported and the draft reads every other key', async () => {
    const run = await exportOf(text, { allowLintErrors: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`coe: --allow-lint-errors: exporting doc.md although it has 1 lint error:\n${error}\n`);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      '# Delayed payment notifications',
      '',
      'Between 14:05 and 15:20 UTC on September 3, 2025, customers using payment notifications and payment records in the us-east-2 region were affected.',
    ]);
    expect(run.stdout).toContain('- 2025-09-03 14:30 UTC: We first notified customers');
  });
});

describe('export: input limits', () => {
  it('exits 1 for a file over the size limit, as for one over the line limit', async () => {
    const big = saying(paymentsDocument(), 'x'.repeat(140 * 1024));
    const run = await exportOf(big);
    expect([run.code, run.stderr]).toEqual([1, 'coe: Cannot export doc.md: File is larger than the limit of 131072 bytes\n']);
  });
});
