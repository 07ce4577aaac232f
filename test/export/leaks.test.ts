// The leak check: an internal name left in the rendered draft is reported
// with why it is internal, where it is in the draft and where it came from.
import { describe, expect, it } from 'vitest';
import { edit, lineOf } from '../helpers/lint.js';
import { exportString, paymentsDocument } from './helpers.js';
import { describeLeak, findLeaks } from '../../src/export/leaks.js';
import { EXPORT_FORMATS } from '../../src/export/renderers.js';
import { markdownView } from '../../src/export/reader.js';

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
      { name: 'Ines Okafor', kinds: ['an author'], sources: [`the Customer summary section (test.md:${lineOf(text, 'Between 14:05 and 15:20 UTC on September 3, 2025, payment')})`] },
    ]);
  });

  it('reports the owner of the COE, and of action items, case folded', () => {
    const text = impactSaying('PAYMENTS-TEAM was paged.');
    expect(leaksOf(text)).toEqual([
      { name: 'payments-team', kinds: ['the owner of the COE', 'the owner of AI-1', 'the owner of AI-2'], sources: [expect.stringMatching(/^the Impact section/)] },
    ]);
  });

  it('reports the owner of an action item', () => {
    const owned = edit(paymentsDocument(), '| mid | payments-team |', '| mid | capacity-squad |');
    const text = edit(owned, 'Make the pool size adjustable at run time', 'Have capacity-squad make the pool size adjustable');
    expect(leaksOf(text)).toEqual([
      { name: 'capacity-squad', kinds: ['the owner of AI-2'], sources: [`the Action items section (test.md:${lineOf(text, '| AI-2 |')})`] },
    ]);
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
      { name: 'payments-team', kinds: ['the owner of the COE', 'the owner of AI-1', 'the owner of AI-2'], sources: ['the title (test.md:4)'] },
    ]);
  });

  it('finds names as each format escapes them', () => {
    const text = impactSaying("Ines O'Kafor and the queue_worker saw it.", edit(paymentsDocument(), 'authors: [Ines Okafor]', 'authors: ["Ines O\'Kafor"]').replace('services: [webhook-dispatcher, ledger-db]', 'services: [webhook-dispatcher, ledger-db, queue_worker]'));
    for (const format of EXPORT_FORMATS) {
      const result = exportString(text, format);
      expect(result.leaks.map((l) => [l.name, l.draftLines.length > 0]), format).toEqual([
        ['queue_worker', true],
        ["Ines O'Kafor", true],
      ]);
    }
  });

  it('says where in the draft each leak is', () => {
    const found = findLeaks('line one\nsecret-svc here\nand SECRET-SVC\n', markdownView, [{ name: 'secret-svc', kinds: ['a services entry'] }], [
      { text: 'secret-svc here', where: 'the Impact section (x.md:9)' },
    ]);
    expect(found).toEqual([{ name: 'secret-svc', kinds: ['a services entry'], draftLines: [2, 3], sources: ['the Impact section (x.md:9)'] }]);
    expect(describeLeak(found[0]!)).toBe('"secret-svc" (a services entry) at lines 2, 3 of the draft, from the Impact section (x.md:9)');
  });
});
