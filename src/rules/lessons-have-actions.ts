// Every lesson leads to action: at least one action item names it.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import { hasPlaceholder } from '../util/placeholders.js';

export default defineRule({
  meta: {
    id: 'lessons-have-actions',
    severity: 'error',
    description: 'Every lesson has an id (L<n>) and is named in the Lessons column of at least one action item',
    options: z.strictObject({}),
    docs: {
      rationale:
        'A lesson without an action item is an observation, not a correction. Each lesson begins with its id (`**L1:**`) so that action items can name it in their Lessons column, and each lesson must be named by at least one action item. A lesson with no id, or an id defined twice, is reported too.',
      fail: dedent(`
        ## Lessons

        - **L1:** A setting must have one source of truth.
        - **L2:** Capacity must be adjustable without a deployment. {lessons-have-actions}

        ## Action items

        | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
        |---|---|---|---|---|---|---|---|
        | AI-1 | Read the pool size from one file and check it in the pipeline | short | payments-team | 2025-09-05 | validated | L1 | A change to one file only now fails the pipeline |
      `),
      pass: dedent(`
        ## Lessons

        - **L1:** A setting must have one source of truth.
        - **L2:** Capacity must be adjustable without a deployment.

        ## Action items

        | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
        |---|---|---|---|---|---|---|---|
        | AI-1 | Read the pool size from one file and check it in the pipeline | short | payments-team | 2025-09-05 | validated | L1 | A change to one file only now fails the pipeline |
        | AI-2 | Make the pool size adjustable at run time | mid | payments-team | 2025-11-28 | in-progress | L2 | |
      `),
    },
  },
  check({ doc }) {
    const lessons = doc.lessons;
    if (!lessons) return [];
    // No Lessons column to read: action-item-fields reports the table, not each lesson.
    const readable = doc.actionItems?.table?.columns.includes('lessons') === true;
    const named = new Set(doc.actionItems?.items.flatMap((item) => item.lessons.map((r) => r.id)));
    const seen = new Map<string, number>();
    const findings: RuleFinding[] = [];
    for (const lesson of lessons) {
      if (!lesson.id) {
        if (hasPlaceholder(lesson.text)) continue; // no-placeholders reports it
        findings.push({
          message: 'This lesson has no id: begin it with "L<n>:" (e.g. "**L1:** …") so action items can name it',
          range: lesson.textRange,
        });
        continue;
      }
      const first = seen.get(lesson.id);
      if (first !== undefined) {
        findings.push({
          message: `Lesson ${lesson.id} is defined twice (also on line ${first}): give it its own id`,
          range: lesson.textRange,
        });
        continue;
      }
      seen.set(lesson.id, lesson.range.start.line);
      if (!lesson.separator) {
        findings.push({
          message: `Lesson ${lesson.id} has no ":" after its id: write "${lesson.id}: …" (e.g. "**${lesson.id}:** …") so the id reads as the lesson's own`,
          range: lesson.textRange,
        });
      }
      if (readable && !named.has(lesson.id)) {
        findings.push({
          message: `Lesson ${lesson.id} has no action item: name it in the Lessons column of the action that applies it`,
          range: lesson.textRange,
        });
      }
    }
    return findings;
  },
});
