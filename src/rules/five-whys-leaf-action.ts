// Every root cause leads somewhere: a lesson or an action item.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule } from '../engine/rule.js';
import { rootCauses } from '../sections/five-whys.js';
import { hasPlaceholder } from '../util/placeholders.js';

export default defineRule({
  meta: {
    id: 'five-whys-leaf-action',
    severity: 'error',
    description: 'Every root cause (a why with no children) references a lesson (L<n>) or an action item (AI-<n>)',
    options: z.strictObject({}),
    docs: {
      rationale:
        'A root cause that leads nowhere will happen again. Each root cause (a why with no children) names the lesson it teaches (`→ L1`) or the action item that fixes it (`AI-1`), so that the COE can be followed from each cause to the change that addresses it. A reference to an id that is not defined is reported by `references-exist`, not by this rule.',
      fail: dedent(`
        ## Five whys

        - Payment notifications were up to 40 minutes late for 75 minutes.
          - Why? The notification workers could not keep up with the queue.
            - Why? A configuration change halved the worker pool.
              - Why? The pool size was set in two files and the change updated only one. → L1
          - Why did it take 75 minutes to recover? Scaling the pool back took a full deployment.
            - Why? The pool size cannot be changed at run time. {five-whys-leaf-action}
      `),
      pass: dedent(`
        ## Five whys

        - Payment notifications were up to 40 minutes late for 75 minutes.
          - Why? The notification workers could not keep up with the queue.
            - Why? A configuration change halved the worker pool.
              - Why? The pool size was set in two files and the change updated only one. → L1
          - Why did it take 75 minutes to recover? Scaling the pool back took a full deployment.
            - Why? The pool size cannot be changed at run time. → L2
      `),
    },
  },
  check({ doc }) {
    if (!doc.whys) return [];
    return (
      rootCauses(doc.whys)
        // A root cause still left as a placeholder is reported by no-placeholders alone.
        .filter((leaf) => leaf.references.length === 0 && !hasPlaceholder(leaf.text))
        .map((leaf) => ({
          message:
            'This root cause references no lesson or action item: end it with the lesson it teaches (→ L1) or the action that fixes it (AI-1)',
          range: leaf.textRange,
        }))
    );
  },
});
