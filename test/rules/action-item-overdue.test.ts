// action-item-overdue: an open or in-progress action item is past its due
// date (settings.now); an item due today is not overdue.
import dedent from 'dedent';
import { expect, it } from 'vitest';
import rule from '../../src/rules/action-item-overdue.js';
import { prepare, ruleTester } from '../helpers/rule-tester.js';
import { findingsOf, lintString } from '../helpers/lint.js';

const ID = 'action-item-overdue';

// The minimal COE's table, AI-2 with the given Due and Status; AI-1 is validated and was due 2025-09-05.
const withAi2 = (due: string, status: string, marker = '') => dedent`
  ## Action items

  | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
  |---|---|---|---|---|---|---|---|
  | AI-1 | Read the pool size from one file | short | payments-team | 2025-09-05 | validated | L1 | A change to one file only now fails the pipeline |
  | AI-2 | Make the pool size adjustable at run time | mid | payments-team | ${due} | ${status} | L2 | Resize in staging under load |${marker}
`;
const MARK = ` {${ID}}`;

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE before the due date', code: '', now: '2025-10-01' },
    { name: 'an item due today', code: withAi2('2025-11-28', 'in-progress'), now: '2025-11-28' },
    ...['done', 'dropped', 'validated'].map((status) => ({
      name: `a ${status} item past its due date`,
      code: withAi2('2025-10-15', status),
      now: '2026-01-01',
    })),
    { name: 'an invalid due date, which action-item-fields reports', code: withAi2('next week', 'open'), now: '2026-01-01' },
  ],
  invalid: [
    {
      name: 'an in-progress item the day after its due date, with the days overdue',
      code: withAi2('2025-11-28', 'in-progress', MARK),
      now: '2025-11-29',
      messages: ['AI-2 is 1 day overdue (due 2025-11-28, still in-progress)'],
    },
    {
      name: 'an open item (any case), counting the days',
      code: withAi2('2025-10-15', 'Open', MARK),
      now: '2025-11-01',
      messages: ['17 days overdue'],
    },
    {
      name: 'days counted across months and years',
      code: withAi2('2025-12-31', 'open', MARK),
      now: '2026-03-01',
      messages: ['60 days overdue'],
    },
  ],
});

it('action-item-overdue leaves an invalid due date to action-item-fields, which reports it', () => {
  const { text } = prepare(rule, { code: withAi2('next week', 'open') });
  const row = text.split('\n').findIndex((l) => l.startsWith('| AI-2 |')) + 1;
  expect(findingsOf(lintString(text, { now: '2026-01-01' }), 'action-item-fields')).toEqual([['action-item-fields', 'error', row]]);
});
