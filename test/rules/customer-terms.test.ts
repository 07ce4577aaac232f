import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintFixture, lintString } from '../helpers/lint.js';

const RULE = 'customer-terms';
const of = (text: string, options = {}) => findingsOf(lintString(text, options), RULE);

// The base document without the glossary entry of ledger-db.
const noGlossary = () => edit(baseDocument(), '  ledger-db: payment records\n', '');
const IMPACT = 'ship an order held those orders until the notification arrived.';
const SUMMARY = 'restored the capacity and will make it adjustable within minutes by';
const DETECTION = 'Yes. Queue age is the delay merchants see';

describe('customer-terms', () => {
  it('passes the base document', () => {
    expect(of(baseDocument())).toEqual([]);
  });

  it('passes longer names, names outside Impact and Customer summary, and names with a glossary entry', () => {
    expect(findingsOf(lintFixture(`rules/${RULE}/pass.md`), RULE)).toEqual([]);
  });

  it('reports each occurrence of a service with no glossary entry, case folded', () => {
    expect(findingsOf(lintFixture(`rules/${RULE}/fail.md`), RULE)).toEqual([
      [RULE, 'warn', 29], // ledger-db in Impact
      [RULE, 'warn', 90], // Ledger-DB in Customer summary (not "ledger-dbs")
    ]);
  });

  it('reports at the exact column and says how to fix it', () => {
    const messages = lintFixture(`rules/${RULE}/fail.md`).filter((m) => m.ruleId === RULE);
    expect(messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([
      [29, 26, 35],
      [90, 89, 98],
    ]);
    expect(messages[1]!.message).toContain('"Ledger-DB"');
    expect(messages[1]!.message).toContain('Customer summary');
    expect(messages[1]!.message).toContain('glossary: { ledger-db: customer wording }');
  });

  it('does not report a service that has a glossary entry', () => {
    const text = edit(baseDocument(), IMPACT, `${IMPACT} The ledger-db kept every payment.`);
    expect(of(text)).toEqual([]);
    const without = edit(noGlossary(), IMPACT, `${IMPACT} The ledger-db kept every payment.`);
    expect(of(without)).toEqual([[RULE, 'warn', lineOf(without, IMPACT)]]);
  });

  it('reads only the Impact and Customer summary sections', () => {
    const text = edit(noGlossary(), DETECTION, `ledger-db was fine. ${DETECTION}`);
    expect(of(text)).toEqual([]);
    const both = edit(edit(noGlossary(), SUMMARY, `ledger-db and ${SUMMARY}`), DETECTION, `ledger-db was fine. ${DETECTION}`);
    expect(of(both)).toEqual([[RULE, 'warn', lineOf(both, `ledger-db and ${SUMMARY}`)]]);
  });

  it('matches whole names only', () => {
    const line = lineOf(noGlossary(), IMPACT);
    const misses = ['ledger-dbs', 'ledger-db-replica', 'ledger-db_v2', 'old-ledger-db', 'ledgerdb'];
    for (const miss of misses) expect([miss, of(edit(noGlossary(), IMPACT, `${IMPACT} See ${miss}.`))]).toEqual([miss, []]);
    const hits = ['ledger-db.', '(LEDGER-DB)', 'ledger-db-', '"Ledger-Db"'];
    for (const hit of hits) expect([hit, of(edit(noGlossary(), IMPACT, `${IMPACT} See ${hit}`))]).toEqual([hit, [[RULE, 'warn', line]]]);
  });

  it('reports configured internal terms too, unless they have a glossary entry', () => {
    const line = lineOf(baseDocument(), IMPACT);
    const text = edit(baseDocument(), IMPACT, `${IMPACT} Pinecone and the Ledger Vault were healthy.`);
    expect(of(text)).toEqual([]);
    expect(of(text, { config: { internalTerms: ['pinecone', 'ledger vault'] } })).toEqual([
      [RULE, 'warn', line],
      [RULE, 'warn', line],
    ]);
    const glossed = edit(text, '  ledger-db: payment records\n', '  ledger-db: payment records\n  Pinecone: payment search\n');
    expect(of(glossed, { config: { internalTerms: ['pinecone', 'ledger vault'] } })).toEqual([[RULE, 'warn', lineOf(glossed, IMPACT)]]);
  });

  it('reports one finding for overlapping names: the longer one', () => {
    const text = edit(baseDocument(), IMPACT, `${IMPACT} The Ledger Vault was fine.`);
    const messages = lintString(text, { config: { internalTerms: ['vault', 'ledger vault'] } }).filter((m) => m.ruleId === RULE);
    expect(messages.map((m) => m.message.split('"')[1])).toEqual(['Ledger Vault']);
  });

  it('reads inline code in the customer sections too, as the export leak check does', () => {
    const text = edit(noGlossary(), IMPACT, `${IMPACT} \`ledger-db\` was fine, and so was ledger-db.`);
    const messages = lintString(text).filter((m) => m.ruleId === RULE);
    const line = lineOf(text, IMPACT);
    const source = text.split('\n')[line - 1]!;
    const columns = [source.indexOf('ledger-db') + 1, source.lastIndexOf('ledger-db') + 1];
    expect(messages.map((m) => [m.line, m.column])).toEqual(columns.map((c) => [line, c]));
  });
});
