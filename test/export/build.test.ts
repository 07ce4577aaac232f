// The RCA model: when and where, what happened, root cause, actions, timeline.
import { describe, expect, it } from 'vitest';
import { edit } from '../helpers/lint.js';
import { exportString, paymentsDocument } from './helpers.js';
import { windowInWords } from '../../src/export/dates.js';
import { rcaSchema } from '../../src/export/schema.js';
import { PLACEHOLDER } from '../../src/export/build.js';

const t = (iso: string) => Date.parse(iso);

function withoutCustomerSummary(text = paymentsDocument()): string {
  return text.slice(0, text.indexOf('## Customer summary'));
}

describe('when customers were affected', () => {
  it('says a window within one day in words, in UTC', () => {
    expect(windowInWords(t('2025-10-20T06:48:00Z'), t('2025-10-20T07:58:00Z'))).toBe('Between 06:48 and 07:58 UTC on October 20, 2025');
  });

  it('says a window over two days with both dates', () => {
    expect(windowInWords(t('2017-01-31T23:27:00Z'), t('2017-02-01T18:14:00Z'))).toBe(
      'From 23:27 UTC on January 31, 2017 to 18:14 UTC on February 1, 2017',
    );
  });

  it('reads the window from start to mitigation, converting offsets to UTC', () => {
    const text = edit(paymentsDocument(), 'start: 2025-09-03T14:05:00Z', 'start: 2025-09-04T01:05:00+11:00');
    const { rca } = exportString(text);
    expect(rca.impactWindow).toEqual({
      start: '2025-09-03T14:05:00.000Z',
      end: '2025-09-03T15:20:00.000Z',
      text: 'Between 14:05 and 15:20 UTC on September 3, 2025',
    });
  });

  it('says when impact began while mitigation is unknown', () => {
    const text = edit(paymentsDocument(), '  mitigated: 2025-09-03T15:20:00Z\n', '');
    const { rca } = exportString(text);
    expect(rca.impactWindow).toEqual({ start: '2025-09-03T14:05:00.000Z', end: null, text: 'Starting at 14:05 UTC on September 3, 2025' });
  });
});

describe('where customers were affected', () => {
  it('opens with the window, the functions in glossary wording and the regions', () => {
    const { rca, output } = exportString(paymentsDocument());
    expect(rca.summary).toBe(
      'Between 14:05 and 15:20 UTC on September 3, 2025, customers using payment notifications and payment records in the us-east-2 region were affected.',
    );
    expect(rca.affected).toEqual({ functions: ['payment notifications', 'payment records'], regions: ['us-east-2'] });
    expect(output.split('\n').slice(0, 3)).toEqual(['# Delayed payment notifications', '', rca.summary]);
  });

  it('names no service that has no glossary entry, and no region when there is none', () => {
    const text = edit(edit(paymentsDocument(), '  ledger-db: payment records\n', ''), 'regions: [us-east-2]\n', '');
    expect(exportString(text).rca.summary).toBe(
      'Between 14:05 and 15:20 UTC on September 3, 2025, customers using payment notifications were affected.',
    );
  });

  it('names several regions', () => {
    const text = edit(paymentsDocument(), 'regions: [us-east-2]', 'regions: [us-east-1, us-east-2, eu-west-1]');
    expect(exportString(text).rca.summary).toContain(' in the us-east-1, us-east-2 and eu-west-1 regions were affected.');
  });

  it('says worldwide for the region global, not "the global region"', () => {
    for (const regions of ['[global]', '[Global, us-east-2]']) {
      const { rca } = exportString(edit(paymentsDocument(), 'regions: [us-east-2]', `regions: ${regions}`));
      expect(rca.summary).toBe(
        'Between 14:05 and 15:20 UTC on September 3, 2025, customers using payment notifications and payment records worldwide were affected.',
      );
    }
  });
});

describe('root cause', () => {
  it('is the Customer summary section', () => {
    const { rca, warnings } = exportString(paymentsDocument());
    expect(rca.rootCause.placeholder).toBe(false);
    expect(rca.rootCause.text).toMatch(/^Between 14:05 and 15:20 UTC on September 3, 2025, payment notifications arrived late/);
    expect(warnings).toEqual([]);
  });

  it('is a clearly marked placeholder, with a warning, when there is no Customer summary', () => {
    const { rca, warnings, output } = exportString(withoutCustomerSummary());
    expect(rca.rootCause).toEqual({
      placeholder: true,
      text: `[${PLACEHOLDER}]`,
      blocks: [{ type: 'paragraph', content: [{ type: 'strong', children: [{ type: 'text', text: `[${PLACEHOLDER}]` }] }] }],
    });
    expect(warnings).toEqual([expect.stringContaining('no "Customer summary" section')]);
    expect(output).toContain('## Root cause\n\n**\\[Placeholder: the root cause');
  });

  it('is a placeholder when the Customer summary holds nothing customers may read', () => {
    const { rca, warnings } = exportString(`${withoutCustomerSummary()}## Customer summary\n\n<!-- to do -->\nAI-1\n`);
    expect(rca.rootCause.placeholder).toBe(true);
    expect(warnings).toEqual([expect.stringContaining('"Customer summary" section is empty')]);
  });
});

describe('people named with @handles', () => {
  const REWORD = 'reword each sentence so it reads well without them (say "our on-call engineer" or "a customer", or leave the thanks out)';

  it('warns where each handle the draft leaves out was, in prose and a table cell, but not within brackets it empties', () => {
    let text = edit(
      paymentsDocument(),
      '## Customer summary\n\n',
      '## Customer summary\n\nThanks to @dana-w, (@sam) and\n[@lee] for the `@ops` report.\n\n',
    );
    text = edit(text, '| AI-2 | Make the pool size', '| AI-2 | With @kim, make the pool size');
    const { rca, warnings } = exportString(text);
    expect(rca.rootCause.text).toMatch(/^Thanks to, and for the @ops report\./);
    const line = text.split('\n').indexOf('Thanks to @dana-w, (@sam) and') + 1;
    const row = text.split('\n').findIndex((l) => l.startsWith('| AI-2 |')) + 1;
    expect(warnings).toEqual([
      `the draft leaves out the people it names: @dana-w (test.md:${line}:11), @kim (test.md:${row}:15); ${REWORD}`,
    ]);
  });

  it('keeps what only looks like a handle: in code, a package scope, an annotation', () => {
    const said =
      'Run `npm install @example/sdk@2.4.1` to get the fix; @types/node and @Retryable(3) stay.\n\n```java\n@Override\n@Retryable(maxAttempts = 3)\nimport x from "@aws-sdk/client-s3";\n```\n\n';
    const { rca, warnings } = exportString(edit(paymentsDocument(), '## Customer summary\n\n', `## Customer summary\n\n${said}`));
    expect(rca.rootCause.text).toContain('Run npm install @example/sdk@2.4.1 to get the fix; @types/node and @Retryable(3) stay.');
    expect(rca.rootCause.text).toContain('@Override\n@Retryable(maxAttempts = 3)\nimport x from "@aws-sdk/client-s3";');
    expect(warnings).toEqual([]);
  });

  it('counts what it does not show, and reads the title', () => {
    let text = edit(paymentsDocument(), 'title: Delayed payment notifications', 'title: Delayed payment notifications seen by @ana');
    text = edit(text, '## Customer summary\n\n', '## Customer summary\n\n@a @b @c @d @e @f wrote this.\n\n');
    const { warnings } = exportString(text);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^the draft leaves out the people it names: @ana \(test\.md:4\), @a \(test\.md:\d+:1\), .*@d \(test\.md:\d+:10\), 2 more; /,
      ),
    ]);
  });

  it('says nothing of handles in brackets, an e-mail address, a handle in a comment or in the internal sections', () => {
    let text = edit(
      paymentsDocument(),
      '## Customer summary\n\n',
      '## Customer summary\n\nWe thank the customers (@dana-w, @sam) and [ @lee ] who wrote to help@example.com. <!-- thanks @dana-w -->\n\n',
    );
    text = edit(text, '## Lessons\n', '## Lessons\n\nAsk @dana-w.\n');
    expect(exportString(text).warnings).toEqual([]);
  });
});

describe('ids in running text', () => {
  const IDS = 'reword each sentence so it reads well without them, or put the ids in brackets ("(AI-2)"), which go with them';
  const summary = (said: string, text = paymentsDocument()) => edit(text, '## Customer summary\n\n', `## Customer summary\n\n${said}\n\n`);

  it('warns where an id the draft leaves out was a word of a sentence', () => {
    const text = edit(
      summary('AI-2 adds an alarm. See AI-1.'),
      'title: Delayed payment notifications',
      'title: Delayed payment notifications, after COE-2024-113',
    );
    const line = text.split('\n').indexOf('AI-2 adds an alarm. See AI-1.') + 1;
    const { rca, warnings } = exportString(text);
    expect(rca.rootCause.text).toMatch(/^adds an alarm\. See\./);
    expect(warnings).toEqual([
      `the draft leaves out the ids its sentences name: COE-2024-113 (test.md:4), AI-2 (test.md:${line}:1), AI-1 (test.md:${line}:25); ${IDS}`,
    ]);
  });

  it('says nothing of ids that tidying takes away whole', () => {
    const said = 'We fixed it (see AI-1) and (AI-1, AI-2), as planned, AI-1, L1, then learnt L1 → L2. Fixed, AI-2.';
    const { rca, warnings } = exportString(summary(said));
    expect(rca.rootCause.text).toMatch(/^We fixed it and, as planned, then learnt\. Fixed\./);
    expect(warnings).toEqual([]);
  });

  // The arrows the lint reads a reference beside: →, ->, => and ⇒.
  it('says nothing of lesson ids beside any arrow the lint reads', () => {
    for (const arrow of ['→', '->', '=>', '⇒']) {
      const { rca, warnings } = exportString(summary(`We learnt L1 ${arrow} L2.`));
      expect(rca.rootCause.text, arrow).toMatch(/^We learnt\./);
      expect(warnings, arrow).toEqual([]);
    }
  });
});

describe('internal addresses in running text', () => {
  const ADDRESSES =
    'reword each sentence so it reads well without them (name a page customers can open, such as the status page, or leave the pointer out)';
  const summary = (said: string) =>
    edit(
      edit(paymentsDocument(), '## Customer summary\n\n', `## Customer summary\n\n${said}\n\n`),
      'owner: payments-team\n',
      'owner: payments-team\ntickets: [https://tickets.example.com/T-1234]\n',
    );

  it('warns where a ticket link the draft leaves out was a word of a sentence', () => {
    const said = 'Customers can follow progress at https://tickets.example.com/T-1234 as we work on it.';
    const text = summary(said);
    const line = text.split('\n').indexOf(said) + 1;
    const { rca, warnings } = exportString(text);
    expect(rca.rootCause.text).toMatch(/^Customers can follow progress at as we work on it\./);
    expect(warnings).toEqual([
      `the draft leaves out the internal addresses its sentences name (ticket links, internal hosts): https://tickets.example.com/T-1234 (test.md:${line}:34); ${ADDRESSES}`,
    ]);
  });

  it('says nothing of one in brackets, which goes with them', () => {
    const { rca, warnings } = exportString(summary('We fixed it (see https://tickets.example.com/T-1234) today.'));
    expect(rca.rootCause.text).toMatch(/^We fixed it today\./);
    expect(warnings).toEqual([]);
  });
});

describe('what we are doing', () => {
  it('lists done items as done and open items with their due date, grouped by term', () => {
    const { rca, output } = exportString(paymentsDocument());
    expect(rca.actions).toEqual([
      {
        term: 'short',
        heading: 'Immediate fixes',
        actions: [
          {
            text: 'Read the pool size from one file and check it in the pipeline',
            content: [{ type: 'text', text: 'Read the pool size from one file and check it in the pipeline' }],
            status: 'done',
            due: null,
            dueText: null,
          },
        ],
      },
      {
        term: 'mid',
        heading: 'In the coming weeks',
        actions: [
          {
            text: 'Make the pool size adjustable at run time',
            content: [{ type: 'text', text: 'Make the pool size adjustable at run time' }],
            status: 'planned',
            due: '2025-11-28',
            dueText: 'November 28, 2025',
          },
        ],
      },
    ]);
    expect(output).toContain(
      '## What we are doing\n\n### Immediate fixes\n\n- **Done:** Read the pool size from one file and check it in the pipeline\n\n' +
        '### In the coming weeks\n\n- **By November 28, 2025:** Make the pool size adjustable at run time\n',
    );
  });

  it('puts what is done first, then what is planned by due date; long term and unknown terms last', () => {
    const rows = [
      '| AI-3 | Later fix | mid | payments-team | 2025-11-30 | open | L2 | |',
      '| AI-4 | Sooner fix | mid | payments-team | 2025-10-01 | in-progress | L2 | |',
      '| AI-5 | Finished fix | mid | payments-team | 2025-09-20 | done | L2 | |',
      '| AI-6 | Rethink capacity | long | payments-team | 2026-03-01 | open | L2 | |',
      '| AI-7 | Mystery | someday | payments-team | | open | L2 | |',
    ].join('\n');
    const text = edit(paymentsDocument(), '| AI-2 | Make', `${rows}\n| AI-2 | Make`);
    const { rca } = exportString(text);
    expect(rca.actions.map((g) => [g.term, g.actions.map((a) => [a.text, a.status, a.due])])).toEqual([
      ['short', [['Read the pool size from one file and check it in the pipeline', 'done', null]]],
      [
        'mid',
        [
          ['Finished fix', 'done', null],
          ['Sooner fix', 'planned', '2025-10-01'],
          ['Make the pool size adjustable at run time', 'planned', '2025-11-28'],
          ['Later fix', 'planned', '2025-11-30'],
        ],
      ],
      ['long', [['Rethink capacity', 'planned', '2026-03-01']]],
      ['other', [['Mystery', 'planned', null]]],
    ]);
    expect(rca.actions.map((g) => g.heading)).toEqual([
      'Immediate fixes',
      'In the coming weeks',
      'Longer-term improvements',
      'Other actions',
    ]);
  });
});

describe('timeline', () => {
  it('holds start, first customer notice, mitigation and resolution, in UTC', () => {
    const { rca, output } = exportString(paymentsDocument());
    expect(rca.timeline).toEqual([
      { milestone: 'start', label: 'Customers began to be affected', time: '2025-09-03T14:05:00.000Z', text: '2025-09-03 14:05 UTC' },
      {
        milestone: 'customer_notified',
        label: 'We first notified customers',
        time: '2025-09-03T14:30:00.000Z',
        text: '2025-09-03 14:30 UTC',
      },
      { milestone: 'mitigated', label: 'Customer impact ended', time: '2025-09-03T15:20:00.000Z', text: '2025-09-03 15:20 UTC' },
      { milestone: 'resolved', label: 'The issue was fully resolved', time: '2025-09-03T17:00:00.000Z', text: '2025-09-03 17:00 UTC' },
    ]);
    expect(
      output.endsWith(
        '## Timeline\n\n- 2025-09-03 14:05 UTC: Customers began to be affected\n' +
          '- 2025-09-03 14:30 UTC: We first notified customers\n- 2025-09-03 15:20 UTC: Customer impact ended\n' +
          '- 2025-09-03 17:00 UTC: The issue was fully resolved\n',
      ),
    ).toBe(true);
  });

  it('leaves out milestones the COE does not give', () => {
    const text = edit(paymentsDocument(), '  customer_notified: 2025-09-03T14:30:00Z\n', '');
    expect(exportString(text).rca.timeline.map((e) => e.milestone)).toEqual(['start', 'mitigated', 'resolved']);
  });
});

describe('the model', () => {
  it('has the documented shape', () => {
    const { rca } = exportString(paymentsDocument());
    expect(rcaSchema.parse(rca)).toEqual(rca);
  });

  it('has its sections in the order of the contract', () => {
    const headings = exportString(paymentsDocument())
      .output.split('\n')
      .filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## What happened', '## Root cause', '## What we are doing', '## Timeline']);
  });
});
