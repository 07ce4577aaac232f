// action-item-term-due: short items due within shortDays and mid items within
// midDays of the date of incident.resolved, none due before the incident
// began, and at least one item mid- or long-term.
import { expect, it } from 'vitest';
import rule from '../../src/rules/action-item-term-due.js';
import actionItemFields from '../../src/rules/action-item-fields.js';
import { lintCase, prepare, ruleTester } from '../helpers/rule-tester.js';

// The minimal COE: started 2025-09-03T14:05Z, resolved 2025-09-03T17:00Z;
// AI-1 short due 2025-09-05, AI-2 mid due 2025-11-28.
const MARK = ' {action-item-term-due}';
type Item = { term?: string; due?: string; mark?: string };

/** The minimal COE's action items with the Term and Due of each given; `mark` marks a line. */
function items({ header = '', ai1 = {}, ai2 = {} }: { header?: string; ai1?: Item; ai2?: Item } = {}): string {
  const { term: t1 = 'short', due: d1 = '2025-09-05', mark: m1 = '' } = ai1;
  const { term: t2 = 'mid', due: d2 = '2025-11-28', mark: m2 = '' } = ai2;
  return [
    '## Action items',
    '',
    `| ID | Action | Term | Owner | Due | Status | Lessons | Validation |${header}`,
    '|---|---|---|---|---|---|---|---|',
    `| AI-1 | Read the pool size from one file | ${t1} | payments-team | ${d1} | validated | L1 | A change to one file only now fails the pipeline |${m1}`,
    `| AI-2 | Make the pool size adjustable at run time | ${t2} | payments-team | ${d2} | in-progress | L2 | Resize in staging under load |${m2}`,
  ].join('\n');
}

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    { name: 'a short item due exactly 3 days after the date of resolved', code: items({ ai1: { due: '2025-09-06' } }) },
    { name: 'a mid item due exactly 90 days after resolved', code: items({ ai2: { due: '2025-12-02' } }) },
    { name: 'a long item, which has no limit', code: items({ ai2: { term: 'long', due: '2030-01-01' } }) },
    { name: 'an item due on the day the incident began', code: items({ ai1: { due: '2025-09-03' } }) },
    { name: 'no limits without incident.resolved', code: items({ ai1: { due: '2025-09-30' } }), drop: ['incident.resolved'] },
    { name: 'an invalid due date, which action-item-fields reports', code: items({ ai1: { due: '2025-09-31' } }) },
    // With AI-2's term invalid, the table is not judged as all short-term.
    { name: 'an invalid term, which may be meant as mid or long', code: items({ ai2: { term: 'soon', due: '2025-09-05' } }) },
  ],
  invalid: [
    {
      name: 'a short item due 4 days after resolved, at its row',
      code: items({ ai1: { due: '2025-09-07', mark: MARK } }),
      messages: ['AI-1 is short-term but due 2025-09-07, 4 days after resolution (limit 3): bring the date forward, or make it mid-term'],
    },
    {
      name: 'a mid item due 91 days after resolved',
      code: items({ ai2: { due: '2025-12-03', mark: MARK } }),
      messages: ['AI-2 is mid-term but due 2025-12-03, 91 days after resolution (limit 90): bring the date forward, or make it long-term'],
    },
    { name: 'a term in another case', code: items({ ai1: { term: 'Short', due: '2025-09-07', mark: MARK } }) },
    {
      // 23:30 at -05:00 is 04:30 UTC the next day; the date written is 09-03.
      name: 'the date of resolved as written, in its own offset',
      code: `---\nincident:\n  resolved: 2025-09-03T23:30:00-05:00\n---\n${items({ ai1: { due: '2025-09-07', mark: MARK } })}`,
      messages: ['4 days after resolution'],
    },
    {
      name: "every item short-term, at the first item's Term",
      code: items({ ai1: { mark: MARK }, ai2: { term: 'short', due: '2025-09-05' } }),
      messages: [
        'Every action item is short-term: add at least one mid- or long-term item that changes the conditions behind the incident, not only its trigger',
      ],
    },
    {
      name: 'an item due before the incident began',
      code: items({ ai1: { due: '2025-09-02', mark: MARK } }),
      messages: ['AI-1 is due 2025-09-02, before the incident began: correct the Due date'],
    },
    {
      name: 'due dates beyond the shortDays and midDays options',
      code: items({ ai1: { mark: MARK }, ai2: { mark: MARK } }),
      options: { shortDays: 1, midDays: 30 },
      messages: ['(limit 1)', '(limit 30)'],
    },
  ],
});

it('action-item-term-due leaves an invalid due date to action-item-fields, which reports it', () => {
  const test = { code: items({ ai1: { due: '2025-09-31', mark: ' {action-item-fields:error}' } }) };
  const { text, expected } = prepare(actionItemFields, test);
  expect(lintCase(rule, test, text)).toEqual([]);
  expect(lintCase(actionItemFields, test, text).map(({ ruleId, severity, line }) => ({ ruleId, severity, line }))).toEqual(expected);
});
