// An open or in-progress action item is past its due date (compared with
// settings.now: today, or --now).
import dedent from 'dedent';
import * as z from 'zod';
import { defineDatedRule, type RuleFinding } from '../engine/rule.js';
import type { Range } from '../model/types.js';
import { DAY_MS, parseDay } from '../util/time.js';
import { plural } from '../util/text.js';
import { isOneOf, PENDING_STATUSES } from '../model/vocabulary.js';

export default defineDatedRule({
  meta: {
    id: 'action-item-overdue',
    severity: 'warn',
    description: 'An `open` or `in-progress` action item is past its due date (today, or `--now DATE`); an item due today is not overdue',
    options: z.strictObject({}),
    docs: {
      rationale:
        'A COE is only worth its action items. An item still `open` or `in-progress` after its due date is either late or planned wrong: finish it, or agree a new date and write it down, so the table stays the truth. An item due today is not yet overdue.',
      fail: {
        text: dedent(`
          ## Action items

          | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
          |---|---|---|---|---|---|---|---|
          | AI-5 | Alarm on failed orders per minute | mid | orders-team | 2025-11-15 | open | L4 | Replay must alarm within 5 minutes | {action-item-overdue}
        `),
        now: '2025-12-01',
      },
      pass: {
        text: dedent(`
          ## Action items

          | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
          |---|---|---|---|---|---|---|---|
          | AI-5 | Alarm on failed orders per minute | mid | orders-team | 2025-12-12 | open | L4 | Replay must alarm within 5 minutes |
        `),
        now: '2025-12-01',
      },
    },
  },
  // What the rule reads, kept by the cache: the items that may be overdue.
  dated: {
    facts: ({ doc }) =>
      (doc.actionItems?.items ?? [])
        .filter((item) => parseDay(item.due) !== undefined && isOneOf(PENDING_STATUSES, item.status))
        .map((item): Pending => ({
          label: item.id || 'This action item',
          due: item.due,
          status: item.status,
          range: item.cells.due?.range ?? item.range,
        })),
    on(pending, { settings }) {
      const now = parseDay(settings.now);
      if (now === undefined) return [];
      return pending.flatMap((item) => overdue(item, now));
    },
  },
});

/** An open or in-progress item with a due date. */
interface Pending {
  label: string;
  due: string;
  status: string;
  range: Range;
}

// An invalid Due or Status is reported by action-item-fields.
function overdue(item: Pending, now: number): RuleFinding[] {
  const due = parseDay(item.due)!;
  if (due >= now) return [];
  const days = Math.round((now - due) / DAY_MS);
  return [
    {
      message: `${item.label} is ${plural(days, 'day')} overdue (due ${item.due}, still ${item.status}): finish it, or agree a new due date and update Due`,
      range: item.range,
    },
  ];
}
