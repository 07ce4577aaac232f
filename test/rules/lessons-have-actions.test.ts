// lessons-have-actions: every lesson has an id and is named in the Lessons
// column of at least one action item.
import dedent from 'dedent';
import { expect, it } from 'vitest';
import rule from '../../src/rules/lessons-have-actions.js';
import referencesExist from '../../src/rules/references-exist.js';
import { lintCase, prepare, ruleTester } from '../helpers/rule-tester.js';

const L2 = '- **L2:** Capacity must be adjustable without a deployment.';
const MARK = ' {lessons-have-actions}';

/** The minimal COE's Lessons, with L2 marked or rewritten. */
const lessons = (l2 = L2) => `## Lessons\n\n- **L1:** A setting must have one source of truth.\n${l2}\n`;

/** The minimal COE's action items, with the Lessons (and Status, Action) cells given. */
const actionItems = ({
  ai1 = 'L1',
  ai2 = 'L2',
  status = 'in-progress',
  action = 'Make the pool size adjustable at run time',
} = {}) => dedent`
  ## Action items

  | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
  |---|---|---|---|---|---|---|---|
  | AI-1 | Read the pool size from one file | short | payments-team | 2025-09-05 | validated | ${ai1} | A change to one file only now fails the pipeline |
  | AI-2 | ${action} | mid | payments-team | 2025-11-28 | ${status} | ${ai2} | Resize in staging under load |
`;

const UNNAMED = lessons(L2 + MARK) + actionItems({ ai2: '' });

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    {
      name: 'ids written bold or not, followed by ":", "." or a dash',
      code:
        dedent`
        ## Lessons

        - **L1:** A setting must have one source of truth.
        - L2. Capacity must be adjustable without a deployment.
        - **L3** — Alarms must page before merchants notice.
      ` +
        '\n' +
        actionItems({ ai2: 'L2, L3' }),
    },
    { name: 'a lesson named by one of several lessons of an item', code: actionItems({ ai1: '', ai2: 'L1, L2' }) },
    { name: 'a lesson named by an item of any status', code: actionItems({ status: 'dropped' }) },
    { name: 'no Action items section, which required-sections reports', code: '', drop: ['## Action items'] },
    { name: 'no Lessons section, which required-sections reports', code: '', drop: ['## Lessons'] },
    { name: 'a reference to an undefined lesson, which references-exist reports', code: actionItems({ ai2: 'L2, L9' }) },
    { name: 'nothing when off', code: UNNAMED.replace(MARK, ''), config: { rules: { [rule.meta.id]: { level: 'off' } } } },
  ],
  invalid: [
    {
      name: 'a lesson with no action item, a lesson with no id and a lesson id defined twice',
      code: dedent`
        ## Lessons

        - **L1:** A setting must have one source of truth.
        - **L2:** Capacity must be adjustable without a deployment.
        - **L3:** Alarms must page before merchants notice.${MARK}
        - Keep a runbook for scaling the pool.${MARK}
        - **L1:** Review every configuration change twice.${MARK}
      `,
      messages: [
        'Lesson L3 has no action item: name it in the Lessons column of the action that applies it',
        'This lesson has no id: begin it with "L<n>:" (e.g. "**L1:** …") so action items can name it',
        /^Lesson L1 is defined twice \(also on line \d+\): give it its own id$/,
      ],
    },
    { name: 'a lesson that no action item names in its Lessons column', code: UNNAMED, messages: ['Lesson L2 has no action item'] },
    {
      name: 'a lesson named only in the Action or Validation column, which does not count',
      code: lessons(L2 + MARK) + actionItems({ ai2: '', action: 'Make the pool size adjustable at run time (L2)' }),
    },
    // The minimal COE's five whys reference L2, but no action item does.
    { name: 'a lesson named only in another section, which does not count', code: lessons(L2 + MARK) + actionItems({ ai2: 'L1' }) },
    {
      name: 'a lesson whose id has no separator',
      code: lessons(`- L2 Capacity must be adjustable without a deployment.${MARK}`),
      messages: ['Lesson L2 has no ":" after its id: write "L2: …" (e.g. "**L2:** …") so the id reads as the lesson\'s own'],
    },
    {
      name: 'as a warning when set to warn',
      code: UNNAMED.replace(MARK, ' {lessons-have-actions:warn}'),
      config: { rules: { [rule.meta.id]: { level: 'warn' } } },
    },
  ],
});

it('lessons-have-actions leaves an undefined lesson to references-exist, which reports it', () => {
  const test = { code: actionItems({ ai2: 'L2, L9' }).replace(/\|$/, '| {references-exist:error}') };
  const { text, expected } = prepare(referencesExist, test);
  expect(lintCase(rule, test, text)).toEqual([]);
  expect(lintCase(referencesExist, test, text).map(({ ruleId, severity, line }) => ({ ruleId, severity, line }))).toEqual(expected);
});

it('lessons-have-actions points at the lesson text, not its bullet, as the JSON example of format 5 does (column 3)', () => {
  const test = {
    code: `## Lessons\n\n- **L1:** A setting must have one source of truth.\n${L2}\n  More about it.\n1. L3 Alarms must page.\n${actionItems({ ai2: '' })}`,
  };
  const { text } = prepare(rule, test);
  const lineOf = (start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;
  expect(lintCase(rule, test, text).map((m) => [m.ruleId, m.severity, m.line, m.column])).toEqual([
    ['lessons-have-actions', 'error', lineOf(L2), 3],
    ['lessons-have-actions', 'error', lineOf('1. L3'), 4],
    ['lessons-have-actions', 'error', lineOf('1. L3'), 4],
  ]);
});
