// customer-terms: internal names in what `coe export` publishes have a
// glossary entry; the rule reads exactly the export's text, as a reader sees it.
import dedent from 'dedent';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/customer-terms.js';
import { escapeRegExp } from '../../src/util/regex.js';
import { lintCase, prepare, ruleTester, type TestCase } from '../helpers/rule-tester.js';
import { baseDocument, edit, findingsOf, lineOf, lintString } from '../helpers/lint.js';

const ID = 'customer-terms';
const MARK = ` {${ID}}`;
const exactly = (text: string) => new RegExp(`^${escapeRegExp(text)}$`);

// ledger-db is a service with no glossary entry; with GLOSSED it has one.
const SERVICES = 'services: [webhook-dispatcher, ledger-db]';
const NO_ENTRY = `---\n${SERVICES}\n---\n\n`;
const GLOSSED = `---\n${SERVICES}\nglossary:\n  ledger-db: payment records\n---\n\n`;

const IMPACT = 'Merchants received payment notifications up to 40 minutes late.';
const impact = (more: string) => `## Impact\n\n${IMPACT} ${more}`;
const SUMMARY = 'Payment notifications arrived late. We restored the capacity.';
const summary = (more: string) => `## Customer summary\n\n${more}${SUMMARY}`;
const detection = (more: string) => `## Detection\n\n### Was detection fast enough?\n\n${more}Yes, the alarm paged us.`;

// The minimal COE's action items, with AI-2's action and status.
const actions = (action: string, status: string, mark = '') => dedent`
  ## Action items

  | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
  |---|---|---|---|---|---|---|---|
  | AI-1 | Read the pool size from one file | short | payments-team | 2025-09-05 | validated | L1 | A change to one file only now fails the pipeline |
  | AI-2 | ${action} | mid | payments-team | 2025-11-28 | ${status} | L2 | Game day on ledger-db: halve the pool, then restore it |${mark}
`;

// ledger-db in the Impact, in the Timeline (not published), and in the
// Customer summary as Ledger-DB (counted) and ledger-dbs (another name).
const MENTIONS =
  NO_ENTRY +
  dedent`
  ## Impact

  Between 14:05 and 15:20 UTC, merchants received payment notifications up to 40
  minutes late. Payments themselves succeeded and ledger-db kept every record, but${MARK}
  merchants held their orders until the notification arrived.

  ## Timeline

  - 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.
  - 14:30 — Status page notice posted; ledger-db is healthy.

  ## Customer summary

  Payment notifications arrived late because a change reduced the capacity that
  sends them (webhook-dispatcher; Ledger-DB was not affected, nor were the
  ledger-dbs of other regions).
`;

const CONFIG_DEPLOYER = `---\nglossary:\n  config-deployer: false\n---\n\n`;

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    {
      name: 'longer names, names outside the published sections, and names with a glossary entry',
      code:
        NO_ENTRY +
        dedent`
        ## Impact

        Payments themselves succeeded and webhook-dispatcher, the ledger-db-replica, the ledger-db_v2 table and the
        ledger-dbs of other regions kept every record.

        ## Timeline

        - 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.
        - 14:30 — Status page notice posted; ledger-db is healthy.

        ## Five whys

        - Payment notifications were up to 40 minutes late for 75 minutes.
          - Why? The notification workers could not keep up with the queue.
            - Why? The pool size of ledger-db cannot be changed at run time. → L2
      `,
    },
    { name: 'a service with a glossary entry', code: GLOSSED + impact('The ledger-db kept every payment.') },
    { name: 'a service outside the Impact and Customer summary', code: NO_ENTRY + detection('ledger-db was fine. ') },
    ...['ledger-dbs', 'ledger-db-replica', 'ledger-db_v2', 'old-ledger-db', 'ledgerdb'].map((miss) => ({
      name: `not a whole name: ${miss}`,
      code: NO_ENTRY + impact(`See ${miss}.`),
    })),
    { name: 'internal terms that are not configured', code: impact('Pinecone and the Ledger Vault were healthy.') },
    { name: 'the Action of a dropped item', code: NO_ENTRY + actions('Make the ledger-db pool size adjustable', 'Dropped') },
    {
      name: 'what the export leaves out: @handles, HTML comments, images',
      code: NO_ENTRY + impact('Thanks @ledger-db <!-- ledger-db --> ![ledger-db](https://example.com/x.png).'),
    },
    {
      name: 'what the export leaves out: the Validation column',
      code: NO_ENTRY + actions('Make the pool size adjustable at run time', 'in-progress'),
    },
    ...['ledger\u00AD-dbs', 'ledger-db\u2010replica', 'Iedger-db'].map((miss) => ({
      name: `a longer hidden name, or an ASCII lookalike: ${JSON.stringify(miss)}`,
      code: NO_ENTRY + impact(`${miss}.`),
    })),
    { name: 'a glossary term marked false and not mentioned', code: CONFIG_DEPLOYER },
    {
      name: 'a name with an entry before "e.g." or a version: no host name',
      code: GLOSSED + impact('The ledger-db, e.g. its pool, and ledger-db.v2 were fine.'),
    },
  ],
  invalid: [
    {
      name: 'a service with no glossary entry, once, at its first mention, with how many more there are',
      code: MENTIONS,
      messages: [
        exactly(
          'Internal name "ledger-db" in the Impact section: customers do not know it. Add a glossary entry ' +
            '(glossary: { ledger-db: customer wording }) or describe the function customers use (1 more mention in the published text)',
        ),
      ],
    },
    {
      name: 'a first mention in the Customer summary',
      code: NO_ENTRY + summary(`ledger-db and others.${MARK}\n`),
      messages: ['Internal name "ledger-db" in the Customer summary section:'],
    },
    { name: 'a service with no glossary entry', code: NO_ENTRY + impact(`The ledger-db kept every payment.${MARK}`) },
    {
      name: 'the Customer summary, not the Detection',
      code: [NO_ENTRY + summary(`ledger-db and others.${MARK}\n`), detection('ledger-db was fine. ')].join('\n\n'),
    },
    ...['ledger-db.', '(LEDGER-DB)', 'ledger-db-', '"Ledger-Db"'].map((hit) => ({
      name: `a whole name: ${hit}`,
      code: NO_ENTRY + impact(`See ${hit}${MARK}`),
    })),
    {
      name: 'a name in Chinese or Japanese prose, which puts no space between words',
      code: `---\nservices: [订单服务, 注文API]\n---\n\n${impact(`由于订单服务故障，约3%的订单失败。${MARK}\n注文APIの障害。${MARK}`)}`,
      messages: ['Internal name "订单服务" in the Impact section', 'Internal name "注文API" in the Impact section'],
    },
    {
      name: 'configured internal terms',
      code: impact(`Pinecone and the Ledger Vault were healthy.${MARK}${MARK}`),
      config: { internalTerms: ['pinecone', 'ledger vault'] },
    },
    {
      name: 'configured internal terms, unless they have a glossary entry',
      code: `---\nglossary:\n  Pinecone: payment search\n---\n\n${impact(`Pinecone and the Ledger Vault were healthy.${MARK}`)}`,
      config: { internalTerms: ['pinecone', 'ledger vault'] },
      messages: ['"Ledger Vault"'],
    },
    {
      name: 'one finding for overlapping names: the longer one',
      code: impact(`The Ledger Vault was fine.${MARK}`),
      config: { internalTerms: ['vault', 'ledger vault'] },
      messages: ['Internal name "Ledger Vault"'],
    },
    {
      name: 'inline code in the published sections, as the export reads it',
      code: NO_ENTRY + impact(`\`ledger-db\` was fine, and so was ledger-db.${MARK}`),
      messages: ['(1 more mention in the published text)'],
    },
    { name: 'the title', code: `---\ntitle: Delays in ledger-db${MARK}\n${SERVICES}\n---` },
    {
      name: 'the Action of an item that is not dropped',
      code: NO_ENTRY + actions('Make the ledger-db pool size adjustable', 'in-progress', MARK),
      messages: ['in the action of AI-2:'],
    },
    { name: 'the regions', code: `---\n${SERVICES}\nregions: [us-east-2, ledger-db]${MARK}\n---` },
    {
      name: 'a glossary wording, published as written, even for a name with an entry',
      code: `---\n${SERVICES}\nglossary:\n  webhook-dispatcher: notifications from ledger-db${MARK}\n  ledger-db: payment records\n---`,
      messages: [/^Internal name "ledger-db" in the glossary wording of "webhook-dispatcher": the export puts the wording in as written/],
    },
    {
      name: 'a link target, which the glossary does not reach, even for a name with an entry',
      code: GLOSSED + impact(`See [the notice](https://status.example.com/ledger-db/42).${MARK}`),
      messages: [/^Internal name "ledger-db" in a link target in the Impact section: the export publishes link targets as written/],
    },
    {
      name: 'a bare host name, which the glossary does not reach, even for a name with an entry',
      code: GLOSSED + impact(`Traffic moved to ledger-db.internal:8443 and back.${MARK}`),
      messages: [
        exactly(
          'Internal name "ledger-db" in the Impact section, inside an address (a URL, host name or path): the export publishes an address as written, so customers would see it: reword or leave the address out',
        ),
      ],
    },
    {
      name: 'a bare URL, said to be an address',
      code: NO_ENTRY + impact(`See https://status.example.com/ledger-db/42 now.${MARK}`),
      messages: [/^Internal name "ledger-db" in the Impact section, inside an address/],
    },
    {
      name: 'a name hidden by an invisible character, said so',
      code: NO_ENTRY + impact(`The ledger\u200B-db was slow.${MARK}`),
      messages: [/^Internal name "ledger<U\+200B>-db" \(read as "ledger-db"\) in the Impact section/],
    },
    {
      name: 'a glossary term marked false, as a leak to reword',
      code: CONFIG_DEPLOYER + impact(`Config-Deployer rolled back.${MARK}`),
      messages: [
        exactly(
          'Internal name "Config-Deployer" in the Impact section: the glossary marks it internal only (false), so customers never see it: reword',
        ),
      ],
    },
  ],
});

// Where the findings of a case are ([line, column, endColumn]), and where a text is in its document ([line, column]).
function placed(test: TestCase) {
  const { text } = prepare(rule, test);
  const lines = text.split('\n');
  return {
    found: lintCase(rule, test, text).map((m) => [m.line, m.column, m.endColumn]),
    at(needle: string): [number, number] {
      const index = lines.findIndex((l) => l.includes(needle));
      return [index + 1, lines[index]!.indexOf(needle) + 1];
    },
  };
}

// The finding covers `needle`, which is `length` characters of the decoded text.
function expectSpan(test: TestCase, needle: string, length = needle.length) {
  const { found, at } = placed(test);
  const [line, column] = at(needle);
  expect(found).toEqual([[line, column, column + length]]);
}

describe('customer-terms places its findings', () => {
  it('at the first mention', () => {
    expectSpan({ code: MENTIONS }, 'ledger-db kept', 'ledger-db'.length);
  });

  it('at inline code, the first of two mentions', () => {
    const { found, at } = placed({ code: NO_ENTRY + impact('`ledger-db` was fine, and so was ledger-db.') });
    const [line, column] = at('`ledger-db`');
    expect(found.map(([l, c]) => [l, c])).toEqual([[line, column + 1]]);
  });

  it('in the title', () => {
    expectSpan({ code: `---\ntitle: Delays in ledger-db\n${SERVICES}\n---` }, 'ledger-db');
  });

  it('in raw HTML, which the draft shows as text, with its character references read', () => {
    expectSpan({ code: NO_ENTRY + impact('<span>ledger&shy;-db</span>') }, 'ledger&shy;-db');
  });

  it('at a link target, whole', () => {
    const { found, at } = placed({ code: GLOSSED + impact('See [the notice](https://status.example.com/ledger-db/42).') });
    expect(found.map(([line, column]) => [line, column])).toEqual([at('https://status')]);
  });

  it('over a name split by emphasis', () => {
    expectSpan({ code: NO_ENTRY + impact('The ledger-*db* was fine.') }, 'ledger-*db*');
  });
});

describe('customer-terms matches names as a reader sees them', () => {
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
    it(`with a ${what}`, () => expectSpan({ code: NO_ENTRY + impact(`The ${written} was slow.`) }, written));
  }

  // A reference is one character of the text node: the finding starts at the name (the end column
  // counts characters of the decoded text, as every rule's do).
  for (const written of ['ledger&shy;-db', 'ledger&#8203;-db', 'ledger&#x2010;db']) {
    it(`with ${written}`, () => {
      const { found, at } = placed({ code: NO_ENTRY + impact(`The ${written} was slow.`) });
      expect(found.map(([line, column]) => [line, column])).toEqual([at(written)]);
    });
  }
});

it('customer-terms: a glossary term marked false passes the frontmatter schema', () => {
  const { text } = prepare(rule, { code: CONFIG_DEPLOYER });
  expect(findingsOf(lintString(text), 'frontmatter-schema')).toEqual([]);
});

it('customer-terms: reads a scalar services value, as the export does', () => {
  const text = edit(
    edit(edit(baseDocument(), 'services: [webhook-dispatcher, ledger-db]', 'services: ledger-db'), '  ledger-db: payment records\n', ''),
    'No\nnotification was lost',
    'The ledger-db failed. No\nnotification was lost',
  );
  expect(findingsOf(lintString(text), 'customer-terms')).toEqual([['customer-terms', 'warn', lineOf(text, 'The ledger-db failed')]]);
});

it('customer-terms: a name beside an em or en dash is a mention', () => {
  const noEntry = edit(baseDocument(), '  ledger-db: payment records\n', '');
  for (const sentence of [
    'The ledger-db\u2014our store\u2014was slow.',
    'Our store\u2014ledger-db was slow.',
    'The ledger-db\u2013backed pages.',
  ]) {
    const text = edit(noEntry, 'No\nnotification was lost', `${sentence} No\nnotification was lost`);
    expect([sentence, findingsOf(lintString(text), 'customer-terms')]).toEqual([
      sentence,
      [['customer-terms', 'warn', lineOf(text, sentence)]],
    ]);
  }
});
