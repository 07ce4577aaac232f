// An action item is complete only when validated: `done` is not enough, and
// `validated` and `dropped` items say how (or why) in the Validation column.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import type { ActionItem } from '../model/types.js';

export default defineRule({
  meta: {
    id: 'action-item-validated',
    severity: 'warn',
    description:
      'A `done` item is not complete until validated; a `validated` item says how in the Validation column, a `dropped` item says why',
    options: z.strictObject({}),
    docs: {
      rationale:
        'An action item is complete only when it has been tested that the same conditions no longer lead to the same failure. `done` means the work is finished but not yet proven, so it is always reported. A `validated` item records how it was verified in the Validation column; a `dropped` item records why it was dropped there.',
      fail: dedent(`
        ## Action items

        | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
        |---|---|---|---|---|---|---|---|
        | AI-1 | Add a disk write check to the health check | short | orders-team | 2025-10-21 | done | L1 | | {action-item-validated}
        | AI-2 | Rate-limit new accounts | mid | orders-team | 2025-11-15 | dropped | L2 | | {action-item-validated}
      `),
      pass: dedent(`
        ## Action items

        | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
        |---|---|---|---|---|---|---|---|
        | AI-1 | Add a disk write check to the health check | short | orders-team | 2025-10-21 | validated | L1 | Injected disk faults on a canary host; removed within 30 s |
        | AI-2 | Rate-limit new accounts | mid | orders-team | 2025-11-15 | dropped | L2 | AI-1 removes the failing host, which ends this failure mode |
      `),
    },
  },
  check({ doc }) {
    const model = doc.actionItems;
    if (!model?.table) return []; // action-item-fields reports a missing table
    // Without a Validation column, action-item-fields reports the column once;
    // reporting each validated or dropped item too would repeat that problem.
    const hasColumn = model.table.columns.includes('validation');
    return model.items.flatMap((item) => check(item, hasColumn));
  },
});

// Each finding points at the cell to change: the Status of a done item, the
// (empty) Validation of a validated or dropped one.
function check(item: ActionItem, hasColumn: boolean): RuleFinding[] {
  const label = item.id || 'This action item';
  const empty = hasColumn && !item.validation;
  const at = (column: 'status' | 'validation', message: string) => [{ message, range: item.cells[column]?.range ?? item.range }];
  if (item.status === 'done') {
    return at(
      'status',
      `${label} is done but not complete until validated: validate it and say how in the Validation column, then mark it validated`,
    );
  }
  if (item.status === 'validated' && empty) {
    return at(
      'validation',
      `${label} is validated but the Validation column is empty: say how it was verified that the same conditions no longer cause the failure`,
    );
  }
  if (item.status === 'dropped' && empty) return at('validation', `${label} is dropped: say why it was dropped in the Validation column`);
  return [];
}
