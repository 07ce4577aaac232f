// A repeated frontmatter key is a lint error, but the draft still reads the
// frontmatter: each repeated key takes its last value, as YAML readers that
// allow repeats do, and every other key its only one.
import { describe, expect, it } from 'vitest';
import { edit, findingsOf, lintString } from '../helpers/lint.js';
import { exportString, parse, paymentsDocument } from './helpers.js';
import { readPastRepeatedKeys } from '../../src/parse/lenient-frontmatter.js';
import type { Yaml } from 'mdast';

const repeated = (text: string, line: string, again = line) => edit(text, `${line}\n`, `${line}\n${again}\n`);

describe('export: a repeated frontmatter key', () => {
  it('keeps the lint error', () => {
    const doc = parse(repeated(paymentsDocument(), 'severity: 3'));
    expect(doc.frontmatter.problems.map((p) => p.message)).toEqual(['Invalid YAML: Map keys must be unique']);
  });

  it('exports the draft of the COE without the repeat', () => {
    const valid = exportString(paymentsDocument());
    const withRepeat = exportString(repeated(paymentsDocument(), 'severity: 3'));
    expect(withRepeat.output).toBe(valid.output);
    expect(withRepeat.rca.summary).toBe(
      'Between 14:05 and 15:20 UTC on September 3, 2025, customers using payment notifications and payment records in the us-east-2 region were affected.',
    );
    expect(withRepeat.leaks).toEqual([]);
    expect(withRepeat.unreadable).toEqual([]);
  });

  it('takes the last value of a repeated key', () => {
    const text = repeated(paymentsDocument(), 'title: Delayed payment notifications', 'title: Late payment notifications');
    expect(exportString(text).rca.title).toBe('Late payment notifications');
  });

  it('takes the last value of a key repeated in the incident', () => {
    const text = repeated(paymentsDocument(), '  start: 2025-09-03T14:05:00Z', '  start: 2025-09-03T14:35:00Z');
    expect(exportString(text).rca.impactWindow.text).toBe('Between 14:35 and 15:20 UTC on September 3, 2025');
  });

  it('words the services by the glossary', () => {
    const said = 'every merchant received each notification once.';
    const text = edit(repeated(paymentsDocument(), 'severity: 3'), said, `${said} The ledger-db recovered.`);
    const { output, leaks } = exportString(text);
    expect(output).toContain('The payment records recovered.');
    expect(leaks).toEqual([]);
  });

  it('keeps the places of the incident times in the file', () => {
    const text = repeated(paymentsDocument(), 'severity: 3');
    const doc = parse(text);
    const yaml = doc.root.children.find((n): n is Yaml => n.type === 'yaml')!;
    const read = readPastRepeatedKeys(yaml, doc.frontmatter, 'COE')!;
    const line = text.split('\n').indexOf('  mitigated: 2025-09-03T15:20:00Z') + 1;
    expect(read.data.incident?.mitigated?.range.start.line).toBe(line);
    expect(read.problems).toBe(doc.frontmatter.problems);
  });

  it('reads no values past the repeat when an alias names an anchor on the value it drops', () => {
    const text = edit(paymentsDocument(), 'severity: 3\n', 'severity: &s 3\nseverity: 3\nx-severity: *s\n');
    const { rca } = exportString(text);
    expect(rca.summary).toBe('At a time not yet confirmed, customers were affected.');
  });
});

describe('customer-terms: a repeated frontmatter key', () => {
  const said = 'every merchant received each notification once.';
  const mentioned = (text: string) => edit(text, said, `${said} The ledger-db recovered.`);
  /** The glossary written again after the first, with these lines. */
  const again = (text: string, lines: string) => edit(text, '---\n\n# Delayed', `glossary:\n${lines}---\n\n# Delayed`);

  it('reads the glossary the export reads: a term worded by its last value is not reported', () => {
    const first = edit(mentioned(paymentsDocument()), '  ledger-db: payment records\n', '  ledger-db: false\n');
    const text = again(first, '  webhook-dispatcher: payment notifications\n  ledger-db: payment records\n');
    expect(exportString(text).leaks).toEqual([]);
    expect(exportString(text).output).toContain('The payment records recovered.');
    expect(findingsOf(lintString(text), 'customer-terms')).toEqual([]);
  });

  it('reports a term the last value marks internal only, as the export refuses it', () => {
    const text = again(mentioned(paymentsDocument()), '  webhook-dispatcher: payment notifications\n  ledger-db: false\n');
    expect(exportString(text).leaks.map((l) => l.name)).toEqual(['ledger-db']);
    const line = text.split('\n').findIndex((l) => l.includes('The ledger-db recovered.')) + 1;
    expect(findingsOf(lintString(text), 'customer-terms')).toEqual([['customer-terms', 'warn', line]]);
    expect(findingsOf(lintString(text), 'frontmatter-schema')).toHaveLength(1);
  });
});

describe('customer-terms: a repeated title', () => {
  it('reads the last title, which the draft shows, at its line', () => {
    const text = edit(
      paymentsDocument(),
      'title: Delayed payment notifications\n',
      'title: Delayed payment notifications\ntitle: Delayed payments in ledger-db\n',
    );
    const withoutEntry = edit(text, '  ledger-db: payment records\n', '');
    expect(exportString(withoutEntry).leaks.map((l) => l.name)).toEqual(['ledger-db']);
    expect(findingsOf(lintString(withoutEntry), 'customer-terms')).toEqual([['customer-terms', 'warn', 5]]);
  });
});
