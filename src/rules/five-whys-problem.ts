// The five whys start from exactly one problem statement that carries data.
import { z } from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import { headingOf } from './util.js';

export default defineRule({
  meta: {
    id: 'five-whys-problem',
    severity: 'error',
    description: 'The five whys list has exactly one top-level item, the problem statement, and it carries a number',
    options: z.strictObject({}),
  },
  check({ doc }) {
    const whys = doc.whys;
    if (!whys) return [];
    const [problem, ...others] = whys.roots;
    if (!problem) {
      return [
        {
          message: 'Five whys has no list: write the problem statement as the one top-level item and nest each "why?" under what it explains',
          range: headingOf(doc, 'five-whys'),
        },
      ];
    }
    const findings: RuleFinding[] = others.map((node) => ({
      message: 'Five whys has more than one top-level item: keep one problem statement and nest every "why?" under it',
      range: node.textRange,
    }));
    if (!/\d/.test(problem.text)) {
      findings.push({
        message: 'The problem statement carries no number: say how much, how many or how long (e.g. "3% of API calls failed for 45 minutes")',
        range: problem.textRange,
      });
    }
    return findings;
  },
});
