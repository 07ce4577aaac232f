// Every L<n> and AI-<n> referenced is defined.
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';

export default defineRule({
  meta: {
    id: 'references-exist',
    severity: 'error',
    description: 'Every lesson (L<n>) and action item (AI-<n>) referenced is defined in the Lessons or Action items section',
    options: z.strictObject({}),
  },
  check({ doc }) {
    const lessons = doc.lessons ? new Set(doc.lessons.map((l) => l.id)) : undefined;
    const actions = doc.actionItems ? new Set(doc.actionItems.items.map((i) => i.id)) : undefined;
    return doc.references
      .filter((ref) => {
        // A missing section is reported by required-sections alone.
        const defined = ref.kind === 'lesson' ? lessons : actions;
        return defined !== undefined && !defined.has(ref.id);
      })
      .map((ref) => ({
        message:
          ref.kind === 'lesson'
            ? `${ref.id} is referenced but no lesson ${ref.id} is defined: add it under Lessons or fix the reference`
            : `${ref.id} is referenced but no action item ${ref.id} is defined: add it to the Action items table or fix the reference`,
        range: ref.range,
      }));
  },
});
