// The five whys go deep enough: the deepest root cause at depth 3 or more,
// and no root cause shallower than depth 2.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import { rootCauses } from '../sections/five-whys.js';

export default defineRule({
  meta: {
    id: 'five-whys-depth',
    severity: 'warn',
    description: 'The deepest root cause is at depth `minDepth` (3) or more, and no root cause is shallower than `minLeafDepth` (2)',
    options: z.strictObject({
      minDepth: z.number().int().min(1).default(3),
      minLeafDepth: z.number().int().min(1).default(2),
    }),
    docs: {
      rationale:
        'The first answers to "why?" describe symptoms; the causes worth acting on come a few levels down. The problem statement is depth 0 and its whys depth 1: the deepest root cause must be at depth `minDepth` (3) or more, and no root cause may stop above depth `minLeafDepth` (2), since a root cause right under the problem statement usually restates it.',
      fail: dedent(`
        ## Five whys

        - Payment notifications were up to 40 minutes late for 75 minutes. {five-whys-depth}
          - Why? A configuration change halved the worker pool. → L1 {five-whys-depth}
          - Why did it take 75 minutes to recover? Scaling the pool back took a full deployment.
            - Why? The pool size cannot be changed at run time. → L2
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
    const leaves = rootCauses(doc.whys);
    if (leaves.length === 0) return [];
    const findings: RuleFinding[] = [];
    const deepest = leaves.reduce((d, n) => Math.max(d, n.depth), 0);
    if (deepest < options.minDepth) {
      findings.push({
        message: `The deepest root cause is at depth ${deepest}; keep asking why until at least depth ${options.minDepth}, where causes are worth acting on`,
        range: problem.textRange,
      });
    }
    for (const leaf of leaves.filter((n) => n.depth < options.minLeafDepth)) {
      findings.push({
        message: `This root cause is at depth ${leaf.depth}; ask why at least once more (depth ${options.minLeafDepth} or more)`,
        range: leaf.textRange,
      });
    }
    return findings;
  },
});
