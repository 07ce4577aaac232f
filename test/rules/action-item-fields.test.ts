// action-item-fields: the Action items table has the columns of section 3.7,
// each value is valid, and ids are unique.
import dedent from 'dedent';
import rule from '../../src/rules/action-item-fields.js';
import { ruleTester, type TestCase } from '../helpers/rule-tester.js';

const HEADER = '| ID | Action | Term | Owner | Due | Status | Lessons | Validation |\n|---|---|---|---|---|---|---|---|';
const GOOD = [
  'AI-1',
  'Read the pool size from one file',
  'short',
  'payments-team',
  '2025-09-05',
  'validated',
  'L1',
  'A change to one file fails',
];
const AI2 =
  '| AI-2 | Make the pool size adjustable at run time | mid | payments-team | 2025-11-28 | in-progress | L2 | Resize in staging under load |';
const MARK = ' {action-item-fields}';

/** An Action items section of the given table lines. */
const actions = (...lines: string[]) => ['## Action items', '', ...lines].join('\n');
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

/** The table with AI-1's cell `index` set to `value`, its row marked `marks` times. */
const withCell = (index: number, value: string, marks = 0) =>
  actions(HEADER, row(GOOD.map((c, i) => (i === index ? value : c))) + MARK.repeat(marks), AI2);

const cellCase = (name: string, index: number, value: string): TestCase => ({ name, code: withCell(index, value) });

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    {
      name: 'a table with short, mid and long items and empty Validation cells',
      code: actions(
        HEADER,
        '| AI-1 | Remove certificate pinning from the gateway | short | checkout-team | 2025-10-25 | validated | L1 | Rotated a test certificate in staging; payments kept flowing |',
        '| AI-2 | Alarm on declines by processor error code | mid | checkout-team | 2025-12-15 | in-progress | L2 | |',
        '| AI-3 | Fail over to the secondary processor automatically and test it monthly | long | payments-platform | 2026-06-30 | open | L1 | |',
      ),
    },
    ...['short', 'mid', 'long', 'Long'].map((term) => cellCase(`the term ${term}`, 2, term)),
    ...['open', 'in-progress', 'done', 'validated', 'dropped', 'Done', 'IN-PROGRESS'].map((status) =>
      cellCase(`the status ${status}`, 5, status),
    ),
    ...['L1,L2', 'L1, L2', '**L1**', ''].map((lessons) => cellCase(`the lessons "${lessons}"`, 6, lessons)),
    cellCase('an id of several digits', 0, 'AI-10'),
    {
      name: 'columns in another order, under other names, with extra columns',
      code: actions(
        '| # | What | Owners | Due date | Status | Term | Lesson | Verification | Notes |',
        '|---|---|---|---|---|---|---|---|---|',
        '| AI-1 | Read the pool size from one file | payments-team | 2025-09-05 | validated | short | L1 | A change to one file fails | |',
        '| AI-2 | Make the pool size adjustable | payments-team | 2025-11-28 | in-progress | mid | L2 | | see ticket |',
      ),
    },
    { name: 'no Action items section, which required-sections reports', code: '', drop: ['## Action items'] },
    { name: 'nothing when off', code: withCell(2, 'medium'), config: { rules: { [rule.meta.id]: { level: 'off' } } } },
  ],
  invalid: [
    {
      name: 'each bad value at its row, and a duplicate id at its second use',
      code: dedent`
        ## Action items

        | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
        |---|---|---|---|---|---|---|---|
        | AI-1 | Read the pool size from one file and check it in the pipeline | short | payments-team | 2025-09-05 | validated | L1 | A change to one file only now fails the pipeline |
        | AI-2 | Make the pool size adjustable at run time | mid | payments-team | 2025-11-28 | in-progress | L2 | Game day: halve the pool, then restore it in under 5 minutes |
        | AI-2 | Alarm on the size of the worker pool | mid | payments-team | 2025-10-01 | open | L2 | |${MARK}
        | ai-3 | | someday | | 2025-13-01 | finished | L1 L2 | |${MARK.repeat(7)}
      `,
      messages: [
        /^AI-2 is used twice \(also on line \d+\): give each action item its own id$/,
        '"ai-3" is not an action item id: write AI-<n> (e.g. AI-1)',
        'ai-3 has no Action: say what will be done',
        'ai-3: Term "someday" must be short (hours), mid (days to weeks) or long (systemic change)',
        'ai-3 has no Owner: name a team or person',
        'ai-3: Due "2025-13-01" must be a date written YYYY-MM-DD',
        'ai-3: Status "finished" must be one of open, in-progress, done, validated, dropped',
        'ai-3: Lessons "L1 L2" must be lesson ids separated by commas, e.g. "L1, L2"',
      ],
    },
    {
      name: 'a section with no table, at its heading',
      code: `## Action items${MARK}\n\n- AI-1: read the pool size from one file (payments-team, 2025-09-05)`,
      messages: [
        'Action items has no table: add one with the columns | ID | Action | Term | Owner | Due | Status | Lessons | Validation |',
      ],
    },
    {
      name: 'missing columns, once, at the header row',
      code: actions(
        `| ID | Action | Owner | Due |${MARK}`,
        '|---|---|---|---|',
        '| AI-1 | Read the pool size | payments-team | 2025-09-05 |',
        '| AI-2 | Make it adjustable | payments-team | 2025-11-28 |',
      ),
      messages: ['The action items table lacks the columns "Term", "Status", "Lessons", "Validation"'],
    },
    {
      name: 'a missing column, whose values are not reported',
      code: actions(
        `| ID | Action | Term | Owner | Due | Lessons | Validation |${MARK}`,
        '|---|---|---|---|---|---|---|',
        '| AI-1 | Read the pool size | short | payments-team | 2025-09-05 | L1 | |',
      ),
      messages: ['The action items table lacks the column "Status"'],
    },
    {
      name: 'a table with no rows, at its header',
      code: actions(HEADER.replace('|\n', `|${MARK}\n`)),
      messages: ['The action items table has no rows: every lesson needs at least one action'],
    },
    ...(
      [
        ['an id that is not AI-<n>', 0, 'A-1', '"A-1" is not an action item id'],
        ['an id with a zero', 0, 'AI-0', '"AI-0" is not an action item id'],
        ['an id in lower case', 0, 'ai-1', '"ai-1" is not an action item id'],
        ['an empty id', 0, '', 'This action item has no id: write AI-<n> (e.g. AI-1)'],
        ['an empty action', 1, '', 'AI-1 has no Action'],
        ['a term outside short, mid and long', 2, 'medium', 'AI-1: Term "medium" must be short'],
        ['an empty term', 2, '', 'AI-1: Term "" must be short'],
        ['an empty owner', 3, '', 'AI-1 has no Owner'],
        ['a due date in another format', 4, '05/09/2025', 'AI-1: Due "05/09/2025" must be a date'],
        ['a due date that is not a real day', 4, '2025-09-31', 'AI-1: Due "2025-09-31" must be a date'],
        ['an empty due date', 4, '', 'AI-1: Due "" must be a date'],
        ['a status outside the list', 5, 'closed', 'AI-1: Status "closed" must be one of'],
        ['an empty status', 5, '', 'AI-1: Status "" must be one of'],
        ['lessons separated by spaces', 6, 'L1 L2', 'AI-1: Lessons "L1 L2" must be lesson ids'],
        ['lessons that are not ids', 6, 'the first one', 'AI-1: Lessons "the first one" must be lesson ids'],
        ['lessons separated by semicolons', 6, 'L1; L2', 'AI-1: Lessons "L1; L2" must be lesson ids'],
      ] as const
    ).map(([name, index, value, message]) => ({ name, code: withCell(index, value, 1), messages: [message] })),
    {
      // GFM reads the missing cells as empty: no term, owner, due or status.
      name: 'a row with cells missing, for each missing value',
      code: actions(HEADER, `| AI-1 | Read the pool size |${MARK.repeat(4)}`, AI2),
      messages: ['AI-1: Term', 'AI-1 has no Owner', 'AI-1: Due', 'AI-1: Status'],
    },
    {
      name: 'an id used twice, at the second use',
      code: actions(HEADER, row(GOOD), AI2.replace('AI-2', 'AI-1') + MARK),
      messages: ['AI-1 is used twice'],
    },
    {
      name: 'as a warning when set to warn',
      code: withCell(2, 'medium').replace('| A change to one file fails |', '| A change to one file fails | {action-item-fields:warn}'),
      config: { rules: { [rule.meta.id]: { level: 'warn' } } },
    },
  ],
});
