// The five whys are a tree, not a chain: several root causes.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule } from '../engine/rule.js';
import { rootCauses } from '../sections/five-whys.js';
import { plural } from '../util/text.js';

export default defineRule({
  meta: {
    id: 'five-whys-tree',
    severity: 'warn',
    description: 'The five whys branch into at least `minRootCauses` root causes: a tree, not a chain',
    options: z.strictObject({ minRootCauses: z.number().int().min(1).default(2) }),
    docs: {
      rationale:
        'Incidents rarely have a single cause. A chain of whys follows one thread to one root cause and stops; a tree also asks why the impact lasted so long, why it was not detected sooner and why it spread, and each branch leads to its own lesson. The rule asks for at least `minRootCauses` (2) root causes, the whys with no children.',
      fail: dedent(`
        ## Five whys

        - Payment notifications were up to 40 minutes late for 75 minutes. {five-whys-tree}
          - Why? The notification workers could not keep up with the queue.
            - Why? A configuration change halved the worker pool.
              - Why? The pool size was set in two files and the change updated only one. → L1
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
  check({ doc, options }) {
    const problem = doc.whys?.roots[0];
    if (!doc.whys || !problem) return [];
    const count = rootCauses(doc.whys).length;
    if (count >= options.minRootCauses) return [];
    return [
      {
        message: `The five whys reach ${plural(count, 'root cause')}; incidents have several contributing causes: ask why of every branch (detection, blast radius, duration) until at least ${options.minRootCauses}`,
        range: problem.textRange,
      },
    ];
  },
});
