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

  it('reports a service with no glossary entry once, at its first mention, with how many more there are', () => {
    // ledger-db in Impact (line 29), Ledger-DB in Customer summary (line 90; not "ledger-dbs").
    expect(findingsOf(lintFixture(`rules/${RULE}/fail.md`), RULE)).toEqual([[RULE, 'warn', 29]]);
  });

  it('reports at the exact column and says how to fix it', () => {
    const messages = lintFixture(`rules/${RULE}/fail.md`).filter((m) => m.ruleId === RULE);
    expect(messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([[29, 26, 35]]);
    expect(messages[0]!.message).toBe(
      'Internal name "ledger-db" in the Impact section: customers do not know it. Add a glossary entry ' +
        '(glossary: { ledger-db: customer wording }) or describe the function customers use (1 more mention in the published text)',
    );
  });

  it('says where the first mention is when it is in the Customer summary', () => {
    const text = edit(noGlossary(), `${SUMMARY}`, `ledger-db and ${SUMMARY}`);
    const messages = lintString(text).filter((m) => m.ruleId === RULE);
    expect(messages.map((m) => m.message.split(':')[0])).toEqual(['Internal name "ledger-db" in the Customer summary section']);
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

  it('reads inline code in the customer sections too, as the export does', () => {
    const text = edit(noGlossary(), IMPACT, `${IMPACT} \`ledger-db\` was fine, and so was ledger-db.`);
    const messages = lintString(text).filter((m) => m.ruleId === RULE);
    const line = lineOf(text, IMPACT);
    const source = text.split('\n')[line - 1]!;
    expect(messages.map((m) => [m.line, m.column])).toEqual([[line, source.indexOf('ledger-db') + 1]]);
    expect(messages[0]!.message).toContain('(1 more mention in the published text)');
  });

  // Where in the file a finding points: [line, column, endColumn].
  const at = (text: string, options = {}) =>
    lintString(text, options)
      .filter((m) => m.ruleId === RULE)
      .map((m) => [m.line, m.column, m.endColumn]);
  const columnOf = (text: string, needle: string): [number, number] => {
    const line = lineOf(text, needle);
    return [line, text.split('\n')[line - 1]!.indexOf(needle) + 1];
  };

  describe('reads exactly what the export publishes', () => {
    it('the title and the Action cells of items that are not dropped', () => {
      const titled = edit(noGlossary(), 'title: Delayed payment notifications', 'title: Delays in ledger-db');
      expect(at(titled)).toEqual([[...columnOf(titled, 'ledger-db'), columnOf(titled, 'ledger-db')[1] + 9]]);
      const action = edit(noGlossary(), 'Make the pool size adjustable', 'Make the ledger-db pool size adjustable');
      expect(of(action)).toEqual([[RULE, 'warn', lineOf(action, '| AI-2 |')]]);
      expect(lintString(action).find((m) => m.ruleId === RULE)!.message).toContain('in the action of AI-2:');
      const dropped = edit(action, '| 2025-11-28 | in-progress |', '| 2025-11-28 | Dropped |');
      expect(of(dropped)).toEqual([]);
    });

    it('the regions, and a glossary wording the draft puts in', () => {
      const region = edit(noGlossary(), 'regions: [us-east-2]', 'regions: [us-east-2, ledger-db]');
      expect(of(region)).toEqual([[RULE, 'warn', lineOf(region, 'regions:')]]);
      // With a glossary entry for ledger-db, a wording that names it still publishes it as written.
      const wording = edit(baseDocument(), 'webhook-dispatcher: payment notifications', 'webhook-dispatcher: notifications from ledger-db');
      const messages = lintString(wording).filter((m) => m.ruleId === RULE);
      expect(messages.map((m) => [m.line, m.message.split(':')[0]])).toEqual([
        [lineOf(wording, 'notifications from ledger-db'), 'Internal name "ledger-db" in the glossary wording of "webhook-dispatcher"'],
      ]);
    });

    it('not what the export leaves out: @handles, HTML comments, images, the Validation column', () => {
      const text = edit(
        noGlossary(),
        IMPACT,
        `${IMPACT} Thanks @ledger-db <!-- ledger-db --> ![ledger-db](https://example.com/x.png).`,
      );
      expect(of(text)).toEqual([]);
      const validation = edit(noGlossary(), 'Game day: halve the pool', 'Game day on ledger-db: halve the pool');
      expect(of(validation)).toEqual([]);
    });

    it('raw HTML, which the draft shows as text, with its character references read', () => {
      const text = edit(noGlossary(), IMPACT, `${IMPACT} <span>ledger&shy;-db</span>`);
      expect(at(text)).toEqual([[lineOf(text, IMPACT), columnOf(text, 'ledger&shy;')[1], columnOf(text, 'ledger&shy;')[1] + 14]]);
    });

    it('a link target, which the glossary does not reach, even for a name with an entry', () => {
      const text = edit(baseDocument(), IMPACT, `${IMPACT} See [the notice](https://status.example.com/ledger-db/42).`);
      const messages = lintString(text).filter((m) => m.ruleId === RULE);
      expect(messages.map((m) => [m.line, m.column])).toEqual([columnOf(text, 'https://status')]);
      expect(messages[0]!.message).toMatch(/^Internal name "ledger-db" in a link target in the Impact section: the export publishes link targets as written/);
    });

    it('a name split by emphasis, as a reader reads it', () => {
      const text = edit(noGlossary(), IMPACT, `${IMPACT} The ledger-*db* was fine.`);
      expect(at(text)).toEqual([[lineOf(text, IMPACT), columnOf(text, 'ledger-*db*')[1], columnOf(text, 'ledger-*db*')[1] + 11]]);
    });
  });

  describe('matches names as a reader sees them', () => {
    const hidden: [string, string][] = [
      ['soft hyphen', 'ledger\u00ADdb'],
      ['soft hyphen beside a hyphen', 'ledger\u00AD-db'],
      ['zero-width space', 'ledger\u200B-db'],
      ['word joiner', 'ledger-\u2060db'],
      ['bidi mark', 'ledger-\u200Edb'],
      ['hyphen U+2010', 'ledger\u2010db'],
      ['non-breaking hyphen', 'ledger\u2011db'],
      ['minus sign', 'ledger\u2212db'],
      ['Cyrillic e', 'l\u0435dger-db'],
      ['fullwidth letters', '\uFF4C\uFF45\uFF44\uFF47\uFF45\uFF52-db'],
    ];
    for (const [what, written] of hidden) {
      it(`with a ${what}`, () => {
        const text = edit(noGlossary(), IMPACT, `${IMPACT} The ${written} was slow.`);
        const [line, column] = columnOf(text, written);
        expect(at(text)).toEqual([[line, column, column + written.length]]);
      });
    }

    // A reference is one character of the text node: the finding starts at the name (the end column
    // counts characters of the decoded text, as every rule's do).
    for (const written of ['ledger&shy;-db', 'ledger&#8203;-db', 'ledger&#x2010;db']) {
      it(`with ${written}`, () => {
        const text = edit(noGlossary(), IMPACT, `${IMPACT} The ${written} was slow.`);
        expect(at(text).map(([line, column]) => [line, column])).toEqual([columnOf(text, written)]);
      });
    }

    it('and says so when the name is hidden', () => {
      const text = edit(noGlossary(), IMPACT, `${IMPACT} The ledger\u200B-db was slow.`);
      expect(lintString(text).find((m) => m.ruleId === RULE)!.message).toMatch(/^Internal name "ledger<U\+200B>-db" \(read as "ledger-db"\) in the Impact section/);
    });

    it('but not a longer name, or a lookalike in ASCII', () => {
      for (const miss of ['ledger\u00AD-dbs', 'ledger-db\u2010replica', 'Iedger-db']) expect([miss, of(edit(noGlossary(), IMPACT, `${IMPACT} ${miss}.`))]).toEqual([miss, []]);
    });
  });

  describe('glossary terms marked false', () => {
    const internalOnly = () => edit(baseDocument(), '  ledger-db: payment records\n', '  ledger-db: payment records\n  config-deployer: false\n');

    it('are reported wherever the draft would show them, as a leak to reword', () => {
      const text = edit(internalOnly(), IMPACT, `${IMPACT} Config-Deployer rolled back.`);
      const messages = lintString(text).filter((m) => m.ruleId === RULE);
      expect(messages.map((m) => [m.line, m.message])).toEqual([
        [lineOf(text, IMPACT), 'Internal name "Config-Deployer" in the Impact section: the glossary marks it internal only (false), so customers never see it: reword'],
      ]);
    });

    it('pass the frontmatter schema, and pass when unmentioned', () => {
      expect(lintString(internalOnly()).filter((m) => m.ruleId === 'frontmatter-schema' || m.ruleId === RULE)).toEqual([]);
    });
  });
});

