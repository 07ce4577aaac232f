// action-item-validated: a done item is not complete until validated; a
// validated item says how in the Validation column, a dropped item says why.
import dedent from 'dedent';
import { expect, it } from 'vitest';
import rule from '../../src/rules/action-item-validated.js';
import { lintCase, prepare, ruleTester } from '../helpers/rule-tester.js';
import { findingsOf, lintString } from '../helpers/lint.js';
import type { Message } from '../../src/engine/rule.js';

const HEAD = dedent`
  ## Action items

  | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
  |---|---|---|---|---|---|---|---|
`;
const items = (...rows: string[]) => `${HEAD}\n${rows.join('\n')}`;
const AI1 =
  '| AI-1 | Read the pool size from one file | short | payments-team | 2025-09-05 | validated | L1 | A change to one file only now fails the pipeline |';
const ai2 = (status: string, validation: string, marker = '') =>
  `| AI-2 | Make the pool size adjustable at run time | mid | payments-team | 2025-11-28 | ${status} | L2 | ${validation} |${marker}`;
const GAME_DAY = 'Game day: halve the pool, then restore it in under 5 minutes';

// The table without its Validation column, AI-2 done.
const NO_COLUMN = dedent`
  ## Action items

  | ID | Action | Term | Owner | Due | Status | Lessons |
  |---|---|---|---|---|---|---|
  | AI-1 | Read the pool size from one file | short | payments-team | 2025-09-05 | validated | L1 |
  | AI-2 | Make the pool size adjustable at run time | mid | payments-team | 2025-11-28 | done | L2 | {action-item-validated}
`;

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE: validated with a Validation, and in-progress', code: '' },
    { name: 'a dropped item that says why', code: items(AI1, ai2('dropped', GAME_DAY)) },
    { name: 'an in-progress item with an empty Validation', code: items(AI1, ai2('in-progress', '')) },
    { name: 'an open item with an empty Validation', code: items(AI1, ai2('open', '')) },
  ],
  invalid: [
    {
      name: 'a done item, even with a Validation, at its row',
      code: items(AI1, ai2('done', GAME_DAY, ' {action-item-validated}')),
      messages: ['AI-2 is done but not complete until validated'],
    },
    { name: 'a done item (any case) with an empty Validation', code: items(AI1, ai2('Done', '', ' {action-item-validated}')) },
    {
      name: 'a validated item with an empty Validation',
      code: items(
        '| AI-1 | Read the pool size from one file | short | payments-team | 2025-09-05 | validated | L1 | | {action-item-validated}',
        ai2('in-progress', GAME_DAY),
      ),
      messages: ['AI-1 is validated but the Validation column is empty: say how'],
    },
    {
      name: 'a dropped item with no reason',
      code: items(AI1, ai2('dropped', '', ' {action-item-validated}')),
      messages: ['AI-2 is dropped: say why'],
    },
    { name: 'without a Validation column, done items only', code: NO_COLUMN },
  ],
});

it('action-item-validated leaves a missing Validation column to action-item-fields, which reports it once', () => {
  const { text } = prepare(rule, { code: NO_COLUMN });
  const lines = text.split('\n');
  const header = lines.indexOf('| ID | Action | Term | Owner | Due | Status | Lessons |') + 1;
  const messages = lintString(text);
  expect(findingsOf(messages, 'action-item-validated')).toEqual([
    ['action-item-validated', 'warn', lines.findIndex((l) => l.startsWith('| AI-2 |')) + 1],
  ]);
  expect(findingsOf(messages, 'action-item-fields')).toEqual([['action-item-fields', 'error', header]]);
});

// The findings of a case as [rule, severity, line, column], and its row of an id as [line, text].
function places(code: string) {
  const { text } = prepare(rule, { code });
  const lines = text.split('\n');
  const found = (messages: Message[]) => messages.map((m) => [m.ruleId, m.severity, m.line, m.column]);
  const row = (id: string): [number, string] => {
    const index = lines.findIndex((l) => l.startsWith(`| ${id} |`));
    return [index + 1, lines[index]!];
  };
  return { mine: found(lintCase(rule, { code }, text)), all: found(lintString(text)), row };
}

it('action-item-validated reports a done item at its Status cell', () => {
  const { mine, row } = places(items(AI1, ai2('done', GAME_DAY)));
  const [line, text] = row('AI-2');
  expect(mine).toEqual([['action-item-validated', 'warn', line, text.indexOf('done') + 1]]);
});

it('action-item-validated reports an empty Validation just after its "|", as action-item-fields reports an empty Owner', () => {
  const { all, row } = places(items(AI1, ai2('dropped', '').replace('payments-team', '')));
  const [line, text] = row('AI-2');
  // "|  |" is an empty cell: the Owner's first, the Validation's last.
  expect(all).toEqual([
    ['action-item-fields', 'error', line, text.indexOf('|  |') + 2],
    ['action-item-validated', 'warn', line, text.lastIndexOf('|  |') + 2],
  ]);
});
