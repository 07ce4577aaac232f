// Redaction: each case of issue 5, on the base document with one paragraph
// of its Impact (or one value of its frontmatter) replaced.
import { describe, expect, it } from 'vitest';
import { edit } from '../helpers/lint.js';
import { exportString, paymentsDocument } from './helpers.js';
import { applyEdits, makeRedactor } from '../../src/export/redact.js';
import type { ResolvedConfig } from '../../src/config/config.js';

const SECOND_PARAGRAPH = `We were alerted at 14:09 UTC, posted a status page notice at 14:30 UTC, and
cleared the backlog by 15:20 UTC, when notifications were on time again. No
notification was lost, and every merchant received each notification once.`;

const TICKETS = 'ledger-db: payment records\ntickets: [https://tickets.example.com/T-1234]\n---';

/** The base document with the second paragraph of its Impact replaced. */
function withParagraph(paragraph: string, base = paymentsDocument()): string {
  return edit(base, SECOND_PARAGRAPH, paragraph);
}

/** What the draft says for that paragraph: plain text and Markdown. */
function redacted(paragraph: string, options: { base?: string; config?: Partial<ResolvedConfig> } = {}) {
  const result = exportString(withParagraph(paragraph, options.base), 'md', options.config);
  const block = result.rca.whatHappened.blocks[1];
  const text = result.rca.whatHappened.text.split('\n\n')[1];
  return { text, block, output: result.output, result };
}

describe('glossary', () => {
  it('replaces each term with its customer wording', () => {
    expect(redacted('Calls to webhook-dispatcher failed while ledger-db was slow.').text).toBe(
      'Calls to payment notifications failed while payment records was slow.',
    );
  });

  it('matches whole words only', () => {
    expect(redacted('The webhook-dispatchers and my-ledger-db and ledger-db2 hosts were fine.').text).toBe(
      'The webhook-dispatchers and my-ledger-db and ledger-db2 hosts were fine.',
    );
  });

  it('folds case, and capitalises the wording at the start of a sentence', () => {
    expect(redacted('Webhook-Dispatcher stalled. Then LEDGER-DB stalled too.').text).toBe(
      'Payment notifications stalled. Then payment records stalled too.',
    );
    expect(redacted('"Webhook-Dispatcher" stalled. (Ledger-db too.) It said "ledger-db".').text).toBe(
      '"Payment notifications" stalled. (Payment records too.) It said "payment records".',
    );
  });

  it('replaces the longest term first', () => {
    const base = edit(
      paymentsDocument(),
      'ledger-db: payment records\n',
      'ledger-db: payment records\n  webhook-dispatcher pool: notification capacity\n',
    );
    expect(redacted('The webhook-dispatcher pool shrank, so webhook-dispatcher fell behind.', { base }).text).toBe(
      'The notification capacity shrank, so payment notifications fell behind.',
    );
  });

  it('applies to the title, the action items and inline code', () => {
    const base = edit(
      edit(paymentsDocument(), 'title: Delayed payment notifications', 'title: Delays in webhook-dispatcher'),
      'Make the pool size adjustable at run time',
      'Make the `webhook-dispatcher` pool adjustable at run time',
    );
    const { result } = redacted(SECOND_PARAGRAPH, { base });
    expect(result.rca.title).toBe('Delays in payment notifications');
    expect(result.rca.actions[1]!.actions[0]!.text).toBe('Make the payment notifications pool adjustable at run time');
    expect(result.output).not.toContain('webhook-dispatcher');
  });
});

describe('links', () => {
  it('drops links to ticket URLs and keeps their text', () => {
    const base = edit(paymentsDocument(), 'ledger-db: payment records\n---', TICKETS);
    const r = redacted('See [the ticket](https://tickets.example.com/T-1234) for details.', { base });
    expect(r.text).toBe('See the ticket for details.');
    expect(r.output).not.toContain('tickets.example.com');
  });

  it('drops other links to the ticket system too, and bare or autolinked ticket URLs', () => {
    const base = edit(paymentsDocument(), 'ledger-db: payment records\n---', TICKETS);
    const r = redacted(
      'See [a related one](https://tickets.example.com/T-99), <https://tickets.example.com/T-1234> and https://tickets.example.com/T-1234.',
      { base },
    );
    expect(r.text).toBe('See a related one, and.');
    expect(r.output).not.toContain('tickets.example.com');
  });

  it('drops links to configured internal domains and their subdomains, and keeps their text', () => {
    const r = redacted('Read the [runbook](https://wiki.corp.example.com/runbook) and [dashboard](http://corp.example.com/d).', {
      config: { internalDomains: ['corp.example.com'] },
    });
    expect(r.text).toBe('Read the runbook and dashboard.');
    expect(r.output).not.toContain('corp.example.com');
  });

  it('drops bare internal URLs, host names and e-mail addresses from the text', () => {
    const r = redacted('Write to oncall@corp.example.com or see wiki.corp.example.com/page (https://corp.example.com/x).', {
      config: { internalDomains: ['corp.example.com'] },
    });
    expect(r.text).toBe('Write to or see.');
  });

  it('keeps public links', () => {
    const r = redacted('Our [status page](https://status.example.com/incidents/42) has the updates.', {
      config: { internalDomains: ['corp.example.com'] },
    });
    expect(r.block).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Our ' },
        { type: 'link', href: 'https://status.example.com/incidents/42', children: [{ type: 'text', text: 'status page' }] },
        { type: 'text', text: ' has the updates.' },
      ],
    });
    expect(r.output).toContain('[status page](<https://status.example.com/incidents/42>)');
  });

  it('keeps a reference link to a public page, with the target of its definition', () => {
    const r = redacted(
      'Updates were on our [status page][status], and in [the log][].\n\n[status]: https://status.example.com/incidents/42\n[the log]: <https://status.example.com/log> "Log"',
    );
    expect(r.block).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Updates were on our ' },
        { type: 'link', href: 'https://status.example.com/incidents/42', children: [{ type: 'text', text: 'status page' }] },
        { type: 'text', text: ', and in ' },
        { type: 'link', href: 'https://status.example.com/log', children: [{ type: 'text', text: 'the log' }] },
        { type: 'text', text: '.' },
      ],
    });
  });

  it('keeps only the text of a reference link to an internal page, or with no definition', () => {
    const r = redacted('See the [runbook][rb] and [nothing][none].\n\n[rb]: https://wiki.corp.example.com/rb', {
      config: { internalDomains: ['corp.example.com'] },
    });
    expect(r.block).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'See the runbook and [nothing][none].' }] });
  });

  it('keeps only the text of javascript:, data: and relative links', () => {
    const r = redacted('Click [here](javascript:alert(1)), [there](data:text/html,x) or [the doc](../other.md).');
    expect(r.block).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Click here, there or the doc.' }] });
  });

  it('drops images', () => {
    expect(redacted('A graph ![error rate](https://cdn.example.com/graph.png) of errors.').text).toBe('A graph of errors.');
  });
});

describe('internal ids and handles', () => {
  it('leaves out action and lesson ids, and what pointed at them', () => {
    expect(redacted('We fixed it (AI-1, AI-2) and learnt L1 → L2. See AI-1.').text).toBe('We fixed it and learnt. See.');
  });

  it('keeps a lesson id of the Impact that is prose, not a reference (as the lint reads it)', () => {
    expect(redacted('The L2 load balancer dropped connections; L1 and L2 caches held.').text).toBe(
      'The L2 load balancer dropped connections; L1 and L2 caches held.',
    );
    expect(redacted('The balancer failed (see L2), and we learnt L1 → L2. It is L1').text).toBe(
      'The balancer failed, and we learnt. It is',
    );
  });

  it('leaves out every lesson id of an Action cell', () => {
    const text = edit(paymentsDocument(), 'Make the pool size adjustable at run time', 'Make the L2 pool size adjustable at run time');
    expect(exportString(text).output).toContain('Make the pool size adjustable at run time');
  });

  it('keeps an id that is part of an address', () => {
    expect(redacted('Tracked at https://status.example.com/AI-1 and status.example.com/L1, not AI-1.').text).toBe(
      'Tracked at https://status.example.com/AI-1 and status.example.com/L1, not.',
    );
  });

  it('keeps L<n> that is not a lesson of the COE', () => {
    expect(redacted('The L7 load balancer held, see AI-2.').text).toBe('The L7 load balancer held, see.');
  });

  it('leaves out COE ids with the configured prefix', () => {
    expect(redacted('As in COE-2024-113, payments were safe.').text).toBe('As in, payments were safe.');
    expect(redacted('As in INC-2024-113, payments were safe.', { config: { idPrefix: 'INC' } }).text).toBe('As in, payments were safe.');
  });

  it('leaves out @handles but not e-mail addresses', () => {
    expect(redacted('Thanks @ines-o and @bob. Mail support@example.com.').text).toBe('Thanks and. Mail support@example.com.');
  });

  it('leaves out HTML comments and keeps raw HTML as text', () => {
    const r = redacted('Before <!-- ask @ines --> after <b onclick="x()">bold</b>.');
    expect(r.text).toBe('Before after <b onclick="x()">bold</b>.');
    expect(r.output).toContain('Before after \\<b onclick="x()"\\>bold\\</b\\>.');
  });
});

describe('what is left out', () => {
  const { output, rca } = exportString(paymentsDocument());

  it('leaves out owners, authors and action ids', () => {
    for (const name of ['payments-team', 'Ines Okafor', 'AI-1', 'AI-2', 'COE-2025-017']) expect(output).not.toContain(name);
  });

  it('leaves out the internal sections', () => {
    for (const text of [
      'The pool size was set in two files', // five whys
      'A setting must have one source of truth', // lessons
      'The queue age alarm paged', // detection
      'no dependency was involved', // dependencies
      'halves the notification worker pool', // timeline details
      'A change to one file only now fails the pipeline', // validation column
    ]) {
      expect(output).not.toContain(text);
      expect(JSON.stringify(rca)).not.toContain(text);
    }
  });

  it('leaves out dropped action items', () => {
    const text = edit(
      paymentsDocument(),
      '| AI-2 |',
      '| AI-3 | Hire a second team | long | payments-team | 2026-01-01 | dropped | L2 | Not needed after AI-2 |\n| AI-2 |',
    );
    const result = exportString(text);
    expect(result.output).not.toContain('Hire a second team');
    expect(result.rca.actions.map((g) => g.term)).toEqual(['short', 'mid']);
  });
});

describe('the redactor alone', () => {
  const redactor = makeRedactor({
    glossary: { 'orders-api': 'order placement' },
    tickets: ['https://tickets.example.com/T-1/'],
    internalDomains: ['https://Corp.Example.com/'],
    lessonIds: new Set(['L1']),
    idPrefix: 'COE',
  });

  it('normalises configured domains and ticket URLs', () => {
    expect(redactor.href('https://TICKETS.example.com/T-1')).toBeUndefined();
    expect(redactor.href('https://a.b.corp.example.com:8443/x')).toBeUndefined();
    expect(redactor.href('mailto:ops@corp.example.com')).toBeUndefined();
    expect(redactor.href('https://notcorp.example.com/x')).toBe('https://notcorp.example.com/x');
    expect(redactor.href('mailto:help@example.com')).toBe('mailto:help@example.com');
    expect(redactor.href('JavaScript:alert(1)')).toBeUndefined();
  });

  it('replaces terms without touching the wording it put in', () => {
    const r = makeRedactor({ glossary: { 'a b': 'b', b: 'x' }, tickets: [], internalDomains: [], lessonIds: new Set(), idPrefix: 'COE' });
    expect(applyEdits('a b c', r.edits('a b c'))).toBe('b c');
  });
});

describe('what a reader would read as an internal name', () => {
  const corp = { config: { internalDomains: ['corp.example.com'] } };

  it('leaves out hosts on an internal domain whatever their labels hold, split by emphasis, or in user info', () => {
    const cases: [string, string][] = [
      ['See db_primary.corp.example.com and _ldap._tcp.corp.example.com now.', 'See and now.'],
      ['See wiki.*corp*.example.com now.', 'See now.'],
      ['See **wiki.corp**.example.com/x now.', 'See now.'],
      ['See https://corp.example.com@evil.example/ now.', 'See now.'],
      ['See [the page](https://corp.example.com@evil.example/) now.', 'See the page now.'],
      ['See wiki.corp\u200B.example.com now.', 'See now.'],
      ['Mail ops@corp.example.com, then wait.', 'Mail, then wait.'],
    ];
    for (const [paragraph, expected] of cases) {
      const { text, result } = redacted(paragraph, corp);
      expect(text).toBe(expected);
      for (const format of ['md', 'html', 'json'] as const) {
        const out = exportString(withParagraph(paragraph), format, corp.config);
        expect([paragraph, format, /corp/i.test(out.output), out.leaks]).toEqual([paragraph, format, false, []]);
      }
      expect(result.leaks).toEqual([]);
    }
  });

  it('puts names hidden by invisible characters, hyphen variants or lookalike letters in customer wording', () => {
    for (const name of ['ledger\u00ADdb', 'ledger\u200B-db', 'ledger\u2011db', 'l\u0435dger-db', 'LEDGER\uFF0DDB', 'ledger-*db*']) {
      const { text, output } = redacted(`Calls to ${name} were slow.`);
      expect([name, text, output.includes('payment records were slow')]).toEqual([name, 'Calls to payment records were slow.', true]);
    }
  });

  it('leaves a glossary term marked false out of the opening sentence', () => {
    const base = edit(paymentsDocument(), 'ledger-db: payment records', 'ledger-db: false');
    const { rca } = exportString(base);
    expect(rca.affected.functions).toEqual(['payment notifications']);
    expect(rca.summary).toBe(
      'Between 14:05 and 15:20 UTC on September 3, 2025, customers using payment notifications in the us-east-2 region were affected.',
    );
  });
});
