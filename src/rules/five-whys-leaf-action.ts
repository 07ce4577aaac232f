// Every root cause leads somewhere: a lesson or an action item.
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';
import { rootCauses } from '../sections/five-whys.js';

export default defineRule({
  meta: {
    id: 'five-whys-leaf-action',
    severity: 'error',
    description: 'Every root cause (a why with no children) references a lesson (L<n>) or an action item (AI-<n>)',
    options: z.strictObject({}),
  },
  check({ doc }) {
    if (!doc.whys) return [];
    return rootCauses(doc.whys)
      .filter((leaf) => leaf.references.length === 0)
      .map((leaf) => ({
        message: 'This root cause references no lesson or action item: end it with the lesson it teaches (→ L1) or the action that fixes it (AI-1)',
        range: leaf.textRange,
      }));
  },
});
