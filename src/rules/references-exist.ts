// Every L<n> and AI-<n> referenced is defined.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule } from '../engine/rule.js';

export default defineRule({
  meta: {
    id: 'references-exist',
    severity: 'error',
    description: 'Every lesson (L<n>) and action item (AI-<n>) referenced is defined in the Lessons or Action items section',
    options: z.strictObject({}),
    docs: {
      rationale:
        'References tie a COE together: a root cause points at its lesson, a lesson is named by its actions, a detection gap points at the action that closes it. A reference to an `L<n>` or `AI-<n>` that is not defined is a broken link, usually left by a renumbered lesson or a deleted action, and the chain from cause to change is lost. `L<n>` is read as a lesson in the Five whys, Detection, Dependencies, Lessons and Action items sections; `AI-<n>` anywhere outside code.',
      fail: dedent(`
        ## Five whys

        - Payment notifications were up to 40 minutes late for 75 minutes.
          - Why? The notification workers could not keep up with the queue.
            - Why? A configuration change halved the worker pool.
              - Why? The pool size was set in two files and the change updated only one. → L1
          - Why did it take 75 minutes to recover? Scaling the pool back took a full deployment.
            - Why? The pool size cannot be changed at run time. → L3, AI-4 {references-exist} {references-exist}
      `),
      pass: dedent(`
        ## Five whys

        - Payment notifications were up to 40 minutes late for 75 minutes.
          - Why? The notification workers could not keep up with the queue.
            - Why? A configuration change halved the worker pool.
              - Why? The pool size was set in two files and the change updated only one. → L1
          - Why did it take 75 minutes to recover? Scaling the pool back took a full deployment.
            - Why? The pool size cannot be changed at run time. → L2, AI-2
      `),
    },
  },
  check({ doc }) {
    const lessons = doc.lessons ? new Set(doc.lessons.map((l) => l.id)) : undefined;
    // No table or no ID column: the ids cannot be read, and action-item-fields says so.
    const readable = doc.actionItems?.table?.columns.includes('id');
    const actions = readable ? new Set(doc.actionItems!.items.map((i) => i.id)) : undefined;
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
