// customer-terms reads exactly what `coe export` publishes (contract 4.1):
// for each place a name can sit, the rule reports it if and only if the
// export's leak check would refuse the draft for it, in every format. So a
// COE with no customer-terms finding is never refused for a services entry,
// a configured internal term or a glossary term marked false.
import { describe, expect, it } from 'vitest';
import { edit, lintString } from '../helpers/lint.js';
import { exportString, paymentsDocument } from './helpers.js';
import { EXPORT_FORMATS } from '../../src/export/renderers.js';
import type { ResolvedConfig } from '../../src/config/config.js';

const IMPACT = 'between 5 and 40 minutes late.';
const SUMMARY = 'We\nrestored the capacity';
const NAMES = new Set(['a services entry', 'a configured internal term', 'internal only in the glossary']);

const noGlossary = () => edit(paymentsDocument(), '  ledger-db: payment records\n', '');
const inImpact = (words: string, base = noGlossary()) => edit(base, IMPACT, `${IMPACT} ${words}`);

function verdicts(text: string, config: Partial<ResolvedConfig> = {}) {
  const reported = lintString(text, { config }).some((m) => m.ruleId === 'customer-terms');
  const refused = EXPORT_FORMATS.map((format) => exportString(text, format, config).leaks.some((l) => l.kinds.some((k) => NAMES.has(k))));
  return { reported, refused };
}

// [what, document, config]: the rule reports it exactly when the export refuses it.
const cases: [string, string, Partial<ResolvedConfig>?][] = [
  ['a name in Impact', inImpact('The ledger-db was slow.')],
  ['a name in the Customer summary', edit(noGlossary(), SUMMARY, 'The ledger-db team\nrestored the capacity')],
  ['a name in the title', edit(noGlossary(), 'title: Delayed payment notifications', 'title: Delays in ledger-db')],
  ['a name in a region', edit(noGlossary(), 'regions: [us-east-2]', 'regions: [us-east-2, ledger-db]')],
  ['a name in an open action', edit(noGlossary(), 'Make the pool size adjustable', 'Make ledger-db adjustable')],
  [
    'a name in a dropped action',
    edit(noGlossary(), '| 2025-11-28 | in-progress |', '| 2025-11-28 | dropped |').replace(
      'Make the pool size adjustable',
      'Make ledger-db adjustable',
    ),
  ],
  ['a name in the Validation column', edit(noGlossary(), 'Game day: halve the pool', 'Game day on ledger-db: halve the pool')],
  ['a name in Detection', edit(noGlossary(), 'Yes. Queue age is the delay', 'Yes. ledger-db queue age is the delay')],
  ['a name in inline code', inImpact('The `ledger-db` was slow.')],
  ['a name in a code block', inImpact('\n\n```\nledger-db restarted\n```\n')],
  ['a name in a list and a quote', inImpact('\n\n- one\n  > the ledger-db was slow\n')],
  ['a name in a table', inImpact('\n\n| a | b |\n| --- | --- |\n| x | ledger-db |\n')],
  ['a name in raw HTML, with a reference', inImpact('<span>ledger&shy;-db</span>')],
  ['a name in an HTML block, with a Windows-1252 reference', inImpact('\n\n<div>\nledger&#150;db\n</div>\n')],
  ['a name in inline HTML, with a Windows-1252 reference (Markdown text: U+FFFD)', inImpact('<span>ledger&#150;db</span>')],
  ['a name in an HTML comment', inImpact('<!-- ledger-db -->')],
  ['a name in an HTML block comment', inImpact('\n\n<div>\nfine <!-- ledger-db -->\n</div>\n')],
  ['a name in an image', inImpact('![ledger-db](https://example.com/x.png)')],
  ['a name as an @handle', inImpact('Thanks @ledger-db.')],
  ['a name in link text', inImpact('See [ledger-db](https://status.example.com/x).')],
  ['a name in a link target', inImpact('See [the notice](https://status.example.com/ledger-db).')],
  [
    'a name in a link target, with a glossary entry',
    inImpact('See [the notice](https://status.example.com/ledger-db).', paymentsDocument()),
  ],
  ['a name in a link reference definition', inImpact('See [the notice][n].\n\n[n]: https://status.example.com/ledger-db\n\n')],
  ['a name in an autolink', inImpact('See <https://status.example.com/ledger-db>.')],
  ['a name split by emphasis', inImpact('The ledger-*db* was slow.')],
  ['a name with a zero-width space', inImpact('The ledger\u200B-db was slow.')],
  ['a name with a soft hyphen', inImpact('The ledger\u00ADdb was slow.')],
  ['a name with a non-breaking hyphen', inImpact('The ledger\u2011db was slow.')],
  ['a name with a Cyrillic letter', inImpact('The l\u0435dger-db was slow.')],
  ['a name joined by a comment', inImpact('The ledger-<!-- x -->db was slow.')],
  ['a name joined by an image', inImpact('The ledger-![](https://cdn.example.com/x.png)db was slow.')],
  ['a name around a removed id in brackets', inImpact('The ledger-(AI-1)db was slow.')],
  ['a name around a removed lesson id in brackets', inImpact('The ledger-[L1]db was slow.')],
  ['a name before an em dash', inImpact('The ledger-db\u2014our store\u2014was slow.')],
  ['a name after an em dash', inImpact('Our store\u2014ledger-db was slow.')],
  ['a name before an en dash', inImpact('The ledger-db\u2013backed pages were slow.')],
  ['a name before a hyphen and a word', inImpact('The ledger-db-backed pages were slow.')],
  ['a name in a bare URL, with a glossary entry', inImpact('See https://status.example.com/ledger-db/page now.', paymentsDocument())],
  ['a name in an e-mail address, with a glossary entry', inImpact('Write to ledger-db@example.com now.', paymentsDocument())],
  ['a name in a bare host name, with a glossary entry', inImpact('Traffic moved to ledger-db.internal at noon.', paymentsDocument())],
  ['a name in a host name with a port, with a glossary entry', inImpact('See status.ledger-db.example.com:8443.', paymentsDocument())],
  ['a name before "e.g.", with a glossary entry', inImpact('The ledger-db, e.g. its pool, was slow.', paymentsDocument())],
  ['a name before a version, with a glossary entry', inImpact('The ledger-db.v2 was slow.', paymentsDocument())],
  [
    'a glossary term that is a whole host name',
    inImpact(
      'See status.ledger.example.com now.',
      edit(paymentsDocument(), 'glossary:\n', 'glossary:\n  status.ledger.example.com: our status page\n'),
    ),
    { internalTerms: ['status.ledger.example.com'] },
  ],
  [
    'a name beside a bare URL, with a glossary entry',
    inImpact('The ledger-db (https://status.example.com/page) was slow.', paymentsDocument()),
  ],
  ['a longer name', inImpact('The ledger-dbs were slow.')],
  ['a name with a glossary entry', inImpact('The ledger-db was slow.', paymentsDocument())],
  [
    'a name inside a longer glossary term',
    inImpact('The ledger-db pool was slow.', edit(noGlossary(), 'glossary:\n', 'glossary:\n  ledger-db pool: payment capacity\n')),
  ],
  [
    'a name in a glossary wording',
    edit(paymentsDocument(), 'webhook-dispatcher: payment notifications', 'webhook-dispatcher: notices of ledger-db'),
  ],
  [
    'a name in an unused glossary wording',
    edit(paymentsDocument(), 'ledger-db: payment records', 'ledger-db: payment records\n  spare-term: fed by ledger-db'),
  ],
  ['a configured internal term', inImpact('The Pinecone index was rebuilt.', paymentsDocument()), { internalTerms: ['pinecone'] }],
  [
    'a glossary term marked false',
    inImpact(
      'The Pinecone index was rebuilt.',
      edit(paymentsDocument(), 'ledger-db: payment records', 'ledger-db: payment records\n  pinecone: false'),
    ),
  ],
  [
    'a name in a ticket link',
    edit(inImpact('See https://tickets.example.com/ledger-db/1.'), 'glossary:', 'tickets: [https://tickets.example.com/T-1]\nglossary:'),
  ],
];

describe('customer-terms reports a name exactly when the export would refuse it', () => {
  for (const [what, text, config] of cases) {
    it(what, () => {
      const { reported, refused } = verdicts(text, config);
      expect(new Set(refused).size, 'every format agrees').toBe(1);
      expect({ reported }).toEqual({ reported: refused[0] });
    });
  }
});

describe('where the rule cannot know the configuration, it reports more, never less', () => {
  it('a name inside a link to an internal domain', () => {
    // The rule does not see internalDomains, so it reports what the export leaves out.
    const text = inImpact('See https://wiki.corp.example.com/ledger-db now.');
    const { reported, refused } = verdicts(text, { internalDomains: ['corp.example.com'] });
    expect({ reported, refused }).toEqual({ reported: true, refused: [false, false, false] });
  });
});

describe('a number of 0x80 to 0x9F in an HTML block is what a browser shows', () => {
  it('reads "ledger&#150;db" as "ledger–db", a name, as the rule does', () => {
    const { reported, refused } = verdicts(inImpact('\n\n<div>\nledger&#150;db\n</div>\n'));
    expect({ reported, refused }).toEqual({ reported: true, refused: [true, true, true] });
  });

  it('but in Markdown text, between inline tags, it is U+FFFD, as CommonMark reads it: no name', () => {
    const { reported, refused } = verdicts(inImpact('<span>ledger&#150;db</span>'));
    expect({ reported, refused }).toEqual({ reported: false, refused: [false, false, false] });
  });
});

describe('the glossary reaches a name that a removal joins', () => {
  it('replaces it through a comment or an image, and keeps the words around a removed id apart', () => {
    const text = inImpact(
      'The ledger-<!-- x -->db and ledger-![](https://cdn.example.com/x.png)db and ledger-(AI-1)db.',
      paymentsDocument(),
    );
    expect(exportString(text).output).toContain('minutes late. The payment records and payment records and ledger- db.');
  });
});

describe('the glossary does not reach into a bare URL', () => {
  it('publishes the address as written, so the leak check refuses it', () => {
    const result = exportString(inImpact('See https://status.example.com/ledger-db/page now.', paymentsDocument()));
    expect(result.output).toContain('minutes late. See https://status.example.com/ledger-db/page now.');
    expect(result.leaks.map((l) => l.name)).toEqual(['ledger-db']);
  });
});

describe('the glossary does not reach into a bare host name', () => {
  it('publishes it as written, so the leak check refuses it', () => {
    const result = exportString(inImpact('Traffic moved to ledger-db.internal:8443, then back.', paymentsDocument()));
    expect(result.output).toContain('minutes late. Traffic moved to ledger-db.internal:8443, then back.');
    expect(result.leaks.map((l) => l.name)).toEqual(['ledger-db']);
  });

  it('still words a name before "e.g." or a version, and a glossary term that is a whole host name', () => {
    const glossary = edit(paymentsDocument(), 'glossary:\n', 'glossary:\n  status.ledger.example.com: our status page\n');
    const result = exportString(
      inImpact('The ledger-db, e.g. its pool, and ledger-db.v2 were slow; see status.ledger.example.com.', glossary),
    );
    expect(result.output).toContain(
      'minutes late. The payment records, e.g. its pool, and payment records.v2 were slow; see our status page.',
    );
    expect(result.leaks).toEqual([]);
  });
});
