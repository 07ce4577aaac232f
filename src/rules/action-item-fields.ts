// Action items: the columns of section 3.7, each value valid, ids unique.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import type { ActionColumn, ActionItem } from '../model/types.js';
import { ACTION_HEADERS } from '../sections/action-items.js';
import { headingOf } from './util.js';
import { ACTION_STATUSES, isOneOf, REACHES, TERMS } from '../model/vocabulary.js';
import { parseDay } from '../util/time.js';
import { hasPlaceholder } from '../util/placeholders.js';
import { didYouMean } from '../util/suggest.js';

const ACTION_ID = /^AI-[1-9]\d*$/;
const LESSON_LIST = /^\s*L[1-9]\d*(\s*,\s*L[1-9]\d*)*\s*$/;

export default defineRule({
  meta: {
    id: 'action-item-fields',
    severity: 'error',
    description:
      'The action items table has the columns ID, Action, Term, Owner, Due, Status, Lessons and Validation, each value valid (an optional Reach too) and ids unique',
    options: z.strictObject({}),
    docs: {
      rationale:
        'Action items are tracked long after the COE is approved, so each must say what will be done, by whom and by when, in a form people and tools can read: a unique id `AI-<n>`, the action, a term (`short`, `mid` or `long`), an owner, a due date `YYYY-MM-DD`, a status (`open`, `in-progress`, `done`, `validated` or `dropped`), the lessons it applies (`L1, L2`) and how it was validated. Columns are found by their header text, in any order.',
      fail: dedent(`
        ## Action items

        | ID | Action | Term | Owner | Due | Status | Lessons | {action-item-fields}
        |---|---|---|---|---|---|---|
        | AI-1 | Read the pool size from one file | soon | | next week | ongoing | L1 | {action-item-fields} {action-item-fields} {action-item-fields} {action-item-fields}
        | AI-1 | Make the pool size adjustable at run time | mid | payments-team | 2025-11-28 | in-progress | L2 | {action-item-fields}
      `),
      pass: dedent(`
        ## Action items

        | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
        |---|---|---|---|---|---|---|---|
        | AI-1 | Read the pool size from one file | short | payments-team | 2025-09-05 | validated | L1 | A change to one file only now fails the pipeline |
        | AI-2 | Make the pool size adjustable at run time | mid | payments-team | 2025-11-28 | in-progress | L2 | |
      `),
    },
  },
  check({ doc }) {
    const model = doc.actionItems;
    if (!model) return [];
    if (!model.table) {
      const columns = Object.values(ACTION_HEADERS).join(' | ');
      return [{ message: `Action items has no table: add one with the columns | ${columns} |`, range: headingOf(doc, 'action-items') }];
    }
    const findings: RuleFinding[] = [];
    if (model.table.missingColumns.length > 0) {
      const names = model.table.missingColumns.map((c) => `"${ACTION_HEADERS[c]}"`).join(', ');
      findings.push({
        message: `The action items table lacks the column${model.table.missingColumns.length > 1 ? 's' : ''} ${names}`,
        range: model.table.headerRange,
      });
    }
    if (model.items.length === 0) {
      findings.push({
        message: 'The action items table has no rows: every lesson needs at least one action',
        range: model.table.headerRange,
      });
    }
    const ids = new Map<string, number>();
    for (const item of model.items) {
      findings.push(...checkItem(item, model.table.columns, ids));
      if (item.id) ids.set(item.id, item.range.start.line);
    }
    return findings;
  },
});

function checkItem(item: ActionItem, columns: ActionColumn[], ids: Map<string, number>): RuleFinding[] {
  const out: RuleFinding[] = [];
  const bad = (column: ActionColumn, message: string) => {
    // A value still left as a placeholder is reported by no-placeholders alone.
    if (hasPlaceholder(item.cells[column]?.text)) return;
    if (columns.includes(column)) out.push({ message, range: item.cells[column]?.range ?? item.range });
  };
  if (!ACTION_ID.test(item.id))
    bad(
      'id',
      item.id ? `"${item.id}" is not an action item id: write AI-<n> (e.g. AI-1)` : 'This action item has no id: write AI-<n> (e.g. AI-1)',
    );
  else if (ids.has(item.id)) bad('id', `${item.id} is used twice (also on line ${ids.get(item.id)}): give each action item its own id`);
  const label = item.id || 'This action item';
  if (!item.action) bad('action', `${label} has no Action: say what will be done`);
  const term = item.cells.term?.text ?? item.term;
  if (!isOneOf(TERMS, item.term))
    bad('term', `${label}: Term "${term}" must be short (hours), mid (days to weeks) or long (systemic change)${didYouMean(term, TERMS)}`);
  if (!item.owner) bad('owner', `${label} has no Owner: name a team or person`);
  if (parseDay(item.due) === undefined) bad('due', `${label}: Due "${item.due}" must be a date written YYYY-MM-DD`);
  const status = item.cells.status?.text ?? item.status;
  if (!isOneOf(ACTION_STATUSES, item.status))
    bad('status', `${label}: Status "${status}" must be one of ${ACTION_STATUSES.join(', ')}${didYouMean(status, ACTION_STATUSES)}`);
  const reach = item.cells.reach?.text ?? '';
  if (reach && !isOneOf(REACHES, item.reach))
    bad('reach', `${label}: Reach "${reach}" must be one of ${REACHES.join(', ')}, or empty${didYouMean(reach, REACHES)}`);
  const lessons = item.cells.lessons?.text ?? '';
  if (lessons && !LESSON_LIST.test(lessons))
    bad('lessons', `${label}: Lessons "${lessons}" must be lesson ids separated by commas, e.g. "L1, L2"`);
  return out;
}
