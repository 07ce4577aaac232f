// Every lesson leads to action: at least one action item names it.
import { z } from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';

export default defineRule({
  meta: {
    id: 'lessons-have-actions',
    severity: 'error',
    description: 'Every lesson has an id (L<n>) and is named in the Lessons column of at least one action item',
    options: z.strictObject({}),
  },
  check({ doc }) {
    const lessons = doc.lessons;
    if (!lessons || !doc.actionItems) return [];
    const named = new Set(doc.actionItems.items.flatMap((item) => item.lessons.map((r) => r.id)));
    const seen = new Map<string, number>();
    const findings: RuleFinding[] = [];
    for (const lesson of lessons) {
      if (!lesson.id) {
        findings.push({ message: 'This lesson has no id: begin it with "L<n>:" (e.g. "**L1:** …") so action items can name it', range: lesson.range });
        continue;
      }
      const first = seen.get(lesson.id);
      if (first !== undefined) {
        findings.push({ message: `Lesson ${lesson.id} is defined twice (also on line ${first}): give it its own id`, range: lesson.range });
        continue;
      }
      seen.set(lesson.id, lesson.range.start.line);
      if (!named.has(lesson.id)) {
        findings.push({ message: `Lesson ${lesson.id} has no action item: name it in the Lessons column of the action that applies it`, range: lesson.range });
      }
    }
    return findings;
  },
});
