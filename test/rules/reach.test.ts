// The optional Reach column of action items (format 3.7): read by the
// parser, checked by action-item-fields when it is there, empty allowed.
import dedent from 'dedent';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/action-item-fields.js';
import { ruleTester, MINIMAL } from '../helpers/rule-tester.js';
import { splice } from '../helpers/splice.js';
import { parseCoeDocument } from '../../src/parse/document.js';

const table = (reach1: string, reach2: string) => dedent`
  ## Action items

  | ID | Action | Term | Owner | Due | Status | Lessons | Validation | Reach |
  |---|---|---|---|---|---|---|---|---|
  | AI-1 | Read the pool size from one file | short | payments-team | 2025-09-05 | validated | L1 | A change to one file only now fails the pipeline | ${reach1} |
  | AI-2 | Make the pool size adjustable at run time | mid | payments-team | 2025-11-28 | in-progress | L2 | Resize in staging under load | ${reach2} |
`;

ruleTester(rule).run({
  valid: [
    { name: 'every Reach value, case folded', code: table('team', 'Centralized') },
    { name: 'an empty Reach cell', code: table('education', '') },
    { name: 'no Reach column at all', code: '' },
  ],
  invalid: [
    {
      name: 'a Reach that is not one of the four, with what was meant',
      code: table('team', 'centralised').replace(
        '| Resize in staging under load | centralised |',
        '| Resize in staging under load | centralised | {action-item-fields}',
      ),
      messages: [
        'AI-2: Reach "centralised" must be one of team, education, distributed, centralized, or empty (did you mean "centralized"?)',
      ],
    },
  ],
});

describe('the Reach column in the model', () => {
  it('is read case folded, and is empty where the table has none', () => {
    const parsed = parseCoeDocument('t.md', splice(MINIMAL, table('Team', '')).text);
    if (!parsed.ok) throw new Error('parse');
    expect(parsed.doc.actionItems!.items.map((i) => i.reach)).toEqual(['team', '']);
    expect(parsed.doc.actionItems!.table!.missingColumns).toEqual([]);
  });
});
