// Due dates fit each term: short within `shortDays` and mid within `midDays`
// of the date of incident.resolved; at least one mid- or long-term item.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import type { ActionItem, IncidentTime } from '../model/types.js';
import { isOneOf, TERMS, type Term } from '../model/vocabulary.js';
import { DAY_MS, parseDay } from '../util/time.js';
import { plural } from '../util/text.js';

export default defineRule({
  meta: {
    id: 'action-item-term-due',
    severity: 'warn',
    description:
      'Short-term items are due within `shortDays` (3) and mid-term items within `midDays` (90) of the date of incident.resolved, no item is due before the incident began, and at least one item is mid- or long-term',
    options: z.strictObject({
      shortDays: z.number().int().min(0).default(3),
      midDays: z.number().int().min(0).default(90),
    }),
    docs: {
      rationale:
        'A term is a promise about time: `short` means hours (due within 3 days of resolution), `mid` days to weeks (within 90 days), `long` a systemic change. A due date beyond its term hides a slow fix behind a short label. Fixing only the immediate trigger leaves the conditions in place, so at least one item must be `mid` or `long`.',
      fail: dedent(`
        ---
        incident:
          resolved: 2025-09-03T17:00:00Z
        ---

        ## Action items

        | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
        |---|---|---|---|---|---|---|---|
        | AI-1 | Check the pool size in the pipeline | short | payments-team | 2025-09-12 | open | L1 | | {action-item-term-due} {action-item-term-due}
      `),
      pass: dedent(`
        ---
        incident:
          resolved: 2025-09-03T17:00:00Z
        ---

        ## Action items

        | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
        |---|---|---|---|---|---|---|---|
        | AI-1 | Check the pool size in the pipeline | short | payments-team | 2025-09-06 | open | L1 | |
        | AI-2 | Make the pool size adjustable at run time | mid | payments-team | 2025-10-15 | open | L2 | |
      `),
    },
  },
  check({ doc, options }) {
    const model = doc.actionItems;
    if (!model?.table) return []; // action-item-fields reports a missing table
    const incident = doc.frontmatter.data.incident;
    const resolved = dayOf(incident?.resolved);
    const start = dayOf(incident?.start);
    const limits: Record<Term, number | undefined> = { short: options.shortDays, mid: options.midDays, long: undefined };
    const findings: RuleFinding[] = [];
    for (const item of model.items) {
      const term = termOf(item);
      const due = parseDay(item.due);
      if (!term || due === undefined) continue; // action-item-fields reports invalid values
      const problem = dueProblem(item, term, due, start, resolved, limits[term]);
      if (problem) findings.push({ message: problem, range: item.cells.due?.range ?? item.range });
    }
    const terms = model.items.map(termOf);
    // An invalid term may be meant as mid or long: judge only a table of valid terms.
    if (terms.length > 0 && terms.every((t) => t === 'short')) {
      findings.push({
        message:
          'Every action item is short-term: add at least one mid- or long-term item that changes the conditions behind the incident, not only its trigger',
        // At the first item's Term, where a change starts (format 4.1: a cell's text, not its "|").
        range: model.items[0]?.cells.term?.range ?? model.table.headerRange,
      });
    }
    return findings;
  },
});

function termOf(item: ActionItem): Term | undefined {
  return isOneOf(TERMS, item.term) ? item.term : undefined;
}

/** The calendar date of a milestone as written (at its own offset), in ms. */
function dayOf(time: IncidentTime | undefined): number | undefined {
  return time?.valid ? parseDay(time.text.slice(0, 10)) : undefined;
}

function dueProblem(
  item: ActionItem,
  term: Term,
  due: number,
  start: number | undefined,
  resolved: number | undefined,
  limitDays: number | undefined,
): string | undefined {
  const label = item.id || 'This action item';
  // A due date before the incident began cannot be a plan made after it: almost
  // surely a typo (wrong year or month), and no other rule would catch it.
  if (start !== undefined && due < start) {
    return `${label} is due ${item.due}, before the incident began: correct the Due date`;
  }
  // Without incident.resolved there is no date to measure from (frontmatter-schema
  // requires it from status approved on).
  if (resolved === undefined || limitDays === undefined) return undefined;
  if (due <= resolved + limitDays * DAY_MS) return undefined;
  const days = Math.round((due - resolved) / DAY_MS);
  return `${label} is ${term}-term but due ${item.due}, ${plural(days, 'day')} after resolution (limit ${limitDays}): bring the date forward, or make it ${term === 'short' ? 'mid' : 'long'}-term`;
}
