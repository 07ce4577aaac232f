// The five whys go deep enough: the deepest root cause at depth 3 or more,
// and no root cause shallower than depth 2.
import { z } from 'zod';
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
  },
  check({ doc, options }) {
    const problem = doc.whys?.roots[0];
    if (!doc.whys || !problem) return [];
    const leaves = rootCauses(doc.whys);
    if (leaves.length === 0) return [];
    const findings: RuleFinding[] = [];
    const deepest = Math.max(...leaves.map((n) => n.depth));
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
