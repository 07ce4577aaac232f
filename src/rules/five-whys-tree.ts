// The five whys are a tree, not a chain: several root causes.
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';
import { rootCauses } from '../sections/five-whys.js';
import { plural } from './util.js';

export default defineRule({
  meta: {
    id: 'five-whys-tree',
    severity: 'warn',
    description: 'The five whys branch into at least `minRootCauses` root causes: a tree, not a chain',
    options: z.strictObject({ minRootCauses: z.number().int().min(1).default(2) }),
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
