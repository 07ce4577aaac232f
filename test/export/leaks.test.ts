// The leak check: an internal name left in the rendered draft is reported
// with why it is internal, where it is in the draft and where it came from.
import { describe, expect, it } from 'vitest';
import { edit, findingsOf, lineOf, lintString } from '../helpers/lint.js';
import { exportString, paymentsDocument } from './helpers.js';
import { describeLeak, findLeaks } from '../../src/export/leaks.js';
import { EXPORT_FORMATS } from '../../src/export/renderers.js';
import { htmlView, jsonView, markdownView } from '../../src/export/reader.js';

const SENTENCE = 'between 5 and 40 minutes late.';

/** The payments COE with words put into the first paragraph of its Impact. */
function impactSaying(words: string, text = paymentsDocument()): string {
  return edit(text, SENTENCE, `${SENTENCE} ${words}`);
}

function leaksOf(text: string, format: (typeof EXPORT_FORMATS)[number] = 'md', config = {}) {
  return exportString(text, format, config).leaks.map((l) => ({ name: l.name, kinds: l.kinds, sources: l.sources }));
}

describe('leak check', () => {
  it('finds nothing in a COE whose internal names all have glossary entries', () => {
    for (const format of EXPORT_FORMATS) expect(exportString(paymentsDocument(), format).leaks).toEqual([]);
  });

  it('reports a services entry with no glossary entry', () => {
    const text = impactSaying('The ledger-db was slow.', edit(paymentsDocument(), '  ledger-db: payment records\n', ''));
    expect(leaksOf(text)).toEqual([
      { name: 'ledger-db', kinds: ['a services entry'], sources: [`the Impact section (test.md:${lineOf(text, 'Between 14:05')})`] },
    ]);
  });

  it('reports an author', () => {
    const text = edit(paymentsDocument(), 'restored the capacity', 'restored, with Ines Okafor, the capacity');
    expect(leaksOf(text)).toEqual([
      {
        name: 'Ines Okafor',
        kinds: ['an author'],
        sources: [`the Customer summary section (test.md:${lineOf(text, 'Between 14:05 and 15:20 UTC on September 3, 2025, payment')})`],
      },
    ]);
  });

  // The draft's own dates ("By June 30, 2026") name the month, not the person.
  it('reads a month in a date as the month, for an author named like one', () => {
    for (const [author, due] of [
      ['June', '2026-06-30'],
      ['May', '2026-05-29'],
    ]) {
      const dated = edit(paymentsDocument(), '| 2025-11-28 |', `| ${due} |`);
      const text = edit(dated, 'authors: [Ines Okafor]', `authors: [${author}]`);
      expect(exportString(text, 'md').output, author).toContain(`By ${author} `);
      expect(leaksOf(text), author).toEqual([]);
      const named = edit(text, 'restored the capacity', `restored, with ${author}, the capacity`);
      expect(
        leaksOf(named).map((l) => [l.name, l.kinds]),
        author,
      ).toEqual([[author, ['an author']]]);
    }
    const jun = [{ name: 'Jun', kinds: ['an author'] }];
    expect(findLeaks('Jun 30 08:12\nJun 2 and Jun\n', markdownView, jun, []).map((l) => l.draftLines)).toEqual([[2]]);
  });

  it('reports the owner of the COE, and of action items, case folded', () => {
    const text = impactSaying('PAYMENTS-TEAM was paged.');
    expect(leaksOf(text)).toEqual([
      {
        name: 'payments-team',
        kinds: ['the owner of the COE', 'the owner of AI-1', 'the owner of AI-2'],
        sources: [expect.stringMatching(/^the Impact section/)],
      },
    ]);
  });

  it('reports the owner of an action item', () => {
    const owned = edit(paymentsDocument(), '| mid | payments-team |', '| mid | capacity-squad |');
    const text = edit(owned, 'Make the pool size adjustable at run time', 'Have capacity-squad make the pool size adjustable');
    expect(leaksOf(text)).toEqual([
      { name: 'capacity-squad', kinds: ['the owner of AI-2'], sources: [`the Action items section (test.md:${lineOf(text, '| AI-2 |')})`] },
    ]);
  });

  it('reports each person of an Owner cell or owner that names several, or adds a role or an address', () => {
    for (const owner of ['Dana Whitfield, Sam Lee', 'Dana Whitfield / Sam Lee', 'Sam Lee (SRE)', 'Sam Lee <sam@example.com>']) {
      const owned = edit(paymentsDocument(), '| mid | payments-team |', `| mid | ${owner} |`);
      const text = impactSaying('Sam Lee answered the first report.', owned);
      expect(leaksOf(text), owner).toEqual([
        { name: 'Sam Lee', kinds: ['the owner of AI-2'], sources: [expect.stringMatching(/^the Impact section/)] },
      ]);
    }
    const addressed = edit(paymentsDocument(), '| mid | payments-team |', '| mid | Sam Lee <sam@example.com> |');
    expect(leaksOf(impactSaying('Write to sam@example.com.', addressed)).map((l) => l.name)).toEqual(['sam@example.com']);
    const roles = edit(paymentsDocument(), '| mid | payments-team |', '| mid | Sam Lee (SRE) |');
    expect(leaksOf(impactSaying('Our SRE team answered.', roles))).toEqual([]);
  });

  it('reports each author and the COE owner named in one value', () => {
    const text = edit(impactSaying('Dana Whitfield answered.'), 'owner: payments-team', 'owner: Dana Whitfield, payments-team');
    expect(leaksOf(text).map((l) => [l.name, l.kinds])).toEqual([['Dana Whitfield', ['the owner of the COE']]]);
  });

  it('reads no name across two blocks of the draft, as customer-terms reads none across two paragraphs', () => {
    const shapes = [
      'Customers could not use:\n\n- checkout\n- payment\n\nService was restored at 07:58 UTC.',
      '### Payment\n\nService was slow for an hour.',
      '| Area | State |\n|---|---|\n| blue | fleet drained |',
      '- blue\n- fleet drained',
    ];
    for (const shape of shapes) {
      const text = edit(paymentsDocument(), SENTENCE, `${SENTENCE}\n\n${shape}\n`);
      for (const format of EXPORT_FORMATS) {
        expect(leaksOf(text, format, { internalTerms: ['payment service', 'blue fleet'] }), `${format}: ${shape}`).toEqual([]);
      }
      expect(findingsOf(lintString(text, { config: { internalTerms: ['payment service', 'blue fleet'] } }), 'customer-terms')).toEqual([]);
    }
    const within = edit(paymentsDocument(), SENTENCE, `${SENTENCE} The payment\nservice was slow.`);
    for (const format of EXPORT_FORMATS)
      expect(leaksOf(within, format, { internalTerms: ['payment service'] }).map((l) => l.name)).toEqual(['payment service']);
  });

  it('is never refused for a name the glossary wording or a removed id makes, which customer-terms reports', () => {
    const config = { internalTerms: ['routing mesh'] };
    const cases = [
      // "ledger-db" is worded "payment records": with "index" after it, the draft reads "payment records index".
      { says: 'The ledger-db index was rebuilt.', term: 'records index', excerpt: 'The payment records index was rebuilt.' },
      { says: 'Requests went through the routing (AI-2) mesh.', term: 'routing mesh', excerpt: 'Requests went through the routing mesh.' },
    ];
    for (const { says, term, excerpt } of cases) {
      const text = impactSaying(says);
      const terms = { internalTerms: [...config.internalTerms, term] };
      expect(leaksOf(text, 'md', terms).map((l) => l.name)).toEqual([term]);
      const found = lintString(text, { config: terms }).filter((m) => m.ruleId === 'customer-terms');
      expect(found.map((m) => [m.line, m.column])).toEqual([[lineOf(text, says), expect.any(Number)]]);
      expect(found[0]!.message).toContain(
        `Internal name "${term}" in the Impact section once the export has put in glossary wordings and left out ids: the draft reads "…`,
      );
      expect(found[0]!.message).toContain(excerpt);
    }
  });

  it('reports a name in the target a reference link takes from its definition, as customer-terms does', () => {
    const text = edit(impactSaying('See [the graph][g].'), '## Timeline', '[g]: https://status.example.com/ledger-db/graph\n\n## Timeline');
    expect(leaksOf(text).map((l) => l.name)).toEqual(['ledger-db']);
    const found = lintString(text).filter((m) => m.ruleId === 'customer-terms');
    expect(found.map((m) => [m.line, m.column])).toEqual([[lineOf(text, '[g]: '), 6]]);
    expect(found[0]!.message).toMatch(/^Internal name "ledger-db" in a link target in the Impact section/);
  });

  it('reports a configured internal term', () => {
    const text = impactSaying('Shard map 7 was rebuilt.');
    expect(leaksOf(text, 'md', { internalTerms: ['shard map'] })).toEqual([
      { name: 'shard map', kinds: ['a configured internal term'], sources: [expect.stringMatching(/^the Impact section/)] },
    ]);
  });

  it('matches names whole', () => {
    const text = impactSaying('The payments-teams and the payments team were fine.');
    expect(leaksOf(text)).toEqual([]);
  });

  it('finds a name in a link target, and in the title', () => {
    const linked = impactSaying('See [the notice](https://status.example.com/payments-team).');
    expect(leaksOf(linked).map((l) => l.sources)).toEqual([[expect.stringMatching(/^the Impact section/)]]);
    const titled = edit(paymentsDocument(), 'title: Delayed payment notifications', 'title: Delays seen by payments-team');
    expect(leaksOf(titled)).toEqual([
      {
        name: 'payments-team',
        kinds: ['the owner of the COE', 'the owner of AI-1', 'the owner of AI-2'],
        sources: ['the title (test.md:4)'],
      },
    ]);
  });

  it('finds names as each format escapes them', () => {
    const text = impactSaying(
      "Ines O'Kafor and the queue_worker saw it.",
      edit(paymentsDocument(), 'authors: [Ines Okafor]', 'authors: ["Ines O\'Kafor"]').replace(
        'services: [webhook-dispatcher, ledger-db]',
        'services: [webhook-dispatcher, ledger-db, queue_worker]',
      ),
    );
    for (const format of EXPORT_FORMATS) {
      const result = exportString(text, format);
      expect(
        result.leaks.map((l) => [l.name, l.draftLines.length > 0]),
        format,
      ).toEqual([
        ['queue_worker', true],
        ["Ines O'Kafor", true],
      ]);
    }
  });

  it('says where in the draft each leak is', () => {
    const found = findLeaks(
      'line one\nsecret-svc here\nand SECRET-SVC\n',
      markdownView,
      [{ name: 'secret-svc', kinds: ['a services entry'] }],
      [{ text: 'secret-svc here', where: 'the Impact section (x.md:9)' }],
    );
    expect(found).toEqual([
      { name: 'secret-svc', kinds: ['a services entry'], draftLines: [2, 3], sources: ['the Impact section (x.md:9)'] },
    ]);
    expect(describeLeak(found[0]!)).toBe('"secret-svc" (a services entry) at lines 2, 3 of the draft, from the Impact section (x.md:9)');
  });
});

describe('leak check: the draft as a reader sees it', () => {
  const noLedgerGlossary = () => edit(paymentsDocument(), '  ledger-db: payment records\n', '');
  const hidden = [
    'ledger\u200B-db',
    'ledger-\u2060db',
    'ledger\u00ADdb',
    'ledger&shy;-db',
    'ledger&#8203;-db',
    '<span>ledger&shy;-db</span>',
    'ledger\u2010db',
    'ledger\u2011db',
    'ledger\u2212db',
    'l\u0435dger-db',
    '\uFF4C\uFF45\uFF44\uFF47\uFF45\uFF52-db',
    'ledger-*db*',
    '`ledger`-db',
  ];
  for (const written of hidden) {
    it(`finds ${JSON.stringify(written)} in every format`, () => {
      const text = impactSaying(`The ${written} was slow.`, noLedgerGlossary());
      for (const format of EXPORT_FORMATS) {
        const leaks = exportString(text, format).leaks;
        expect([format, leaks.map((l) => l.name)]).toEqual([format, ['ledger-db']]);
        expect(leaks[0]!.draftLines.length, format).toBeGreaterThan(0);
      }
    });
  }

  it('reads link targets decoded, as a browser shows them', () => {
    for (const url of ['https://status.example.com/ledger%E2%80%90db', 'https://l\u0435dger-db.example.com/']) {
      const text = impactSaying(`See [the notice](${url}).`);
      for (const format of EXPORT_FORMATS)
        expect([format, exportString(text, format).leaks.map((l) => l.name)]).toEqual([format, ['ledger-db']]);
    }
  });

  it('finds internal domains, with any subdomain, through markup and character references', () => {
    const domain = [{ name: 'corp.example.com', kinds: ['a configured internal domain'], domain: true }];
    const draft = (view: typeof markdownView, text: string) => findLeaks(text, view, domain, []).map((l) => l.draftLines);
    expect(draft(markdownView, 'a\nsee db\\_primary.corp.example.com\nand wiki.*corp*.example.com\n')).toEqual([[2, 3]]);
    expect(draft(markdownView, '[x](<https://corp.example.com@evil.example/>)\n')).toEqual([[1]]);
    expect(draft(htmlView, '<p>wiki.<em>corp</em>.example.com</p>\n<p>_ldap._tcp.corp&#x2E;example.com</p>')).toEqual([[1, 2]]);
    expect(draft(htmlView, '<p><a href="https://corp.example.com&#64;evil.example/">x</a></p>')).toEqual([[1]]);
    expect(draft(jsonView, '{\n  "text": "db_primary.corp.example.com"\n}\n')).toEqual([[2]]);
    expect(draft(markdownView, 'notcorp.example.com and corp.example.community\n')).toEqual([]);
  });

  it('reports an internal domain that reaches the draft, and a glossary term marked false', () => {
    const worded = edit(
      paymentsDocument(),
      'webhook-dispatcher: payment notifications',
      'webhook-dispatcher: notices from wiki.corp.example.com',
    );
    expect(leaksOf(worded, 'md', { internalDomains: ['corp.example.com'] })).toEqual([
      { name: 'corp.example.com', kinds: ['a configured internal domain'], sources: ['the glossary (test.md:19)'] },
    ]);
    const internalOnly = impactSaying(
      'The Pinecone index was rebuilt.',
      edit(paymentsDocument(), '  ledger-db: payment records\n', '  ledger-db: payment records\n  pinecone: false\n'),
    );
    expect(leaksOf(internalOnly)).toEqual([
      { name: 'pinecone', kinds: ['internal only in the glossary'], sources: [expect.stringMatching(/^the Impact section/)] },
    ]);
  });

  it('reports a team written as a handle, "@orders-team", where the draft names it without the "@"', () => {
    const handles = edit(
      edit(paymentsDocument(), 'owner: payments-team', 'owner: "@orders-team"'),
      '| AI-1 | Read the pool size from one file and check it in the pipeline | short | payments-team |',
      '| AI-1 | Read the pool size from one file and check it in the pipeline | short | @acme/payments-squad |',
    );
    const text = impactSaying('The orders-team rolled back, and payments-squad helped; Acme thanks you.', handles);
    expect(leaksOf(text).map((l) => [l.name, l.kinds])).toEqual([
      ['orders-team', ['the owner of the COE']],
      ['payments-squad', ['the owner of AI-1']],
    ]);
  });

  it('names a long list of action item owners briefly', () => {
    const leak = {
      name: 'ops',
      kinds: ['the owner of the COE', ...Array.from({ length: 8 }, (_, i) => `the owner of AI-${i + 1}`)],
      draftLines: [3],
      sources: [],
    };
    expect(describeLeak(leak)).toBe('"ops" (the owner of the COE, AI-1, AI-2, AI-3, AI-4, 4 more) at line 3 of the draft');
  });
});

describe('leak check: a dash next to a name is punctuation', () => {
  it('replaces a worded name beside a dash, and reports an author or owner beside one', () => {
    const text = impactSaying(
      'The ledger-db\u2014our store\u2014was slow; webhook-dispatcher\u2013dependent pages waited. Ines Okafor\u2014our lead\u2014and payments-team\u2013led work.',
    );
    const result = exportString(text);
    expect(result.output).toContain(
      'between 5 and 40 minutes late. The payment records\u2014our store\u2014was slow; payment notifications\u2013dependent pages waited. Ines Okafor\u2014our lead\u2014and payments-team\u2013led work.',
    );
    expect(result.leaks.map((l) => l.name)).toEqual(['Ines Okafor', 'payments-team']);
  });

  it('still reads a hyphen after a name as part of a longer word', () => {
    expect(exportString(impactSaying('Ines Okafor-Smith and payments-team-led work.')).leaks).toEqual([]);
  });
});
