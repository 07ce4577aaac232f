// The five whys start from exactly one problem statement that carries data.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import { headingOf } from './util.js';
import { carriesNumber } from '../util/numbers.js';
import { hasPlaceholder } from '../util/placeholders.js';

export default defineRule({
  meta: {
    id: 'five-whys-problem',
    severity: 'error',
    description: 'The five whys list has exactly one top-level item, the problem statement, and it carries a number',
    options: z.strictObject({}),
    docs: {
      rationale:
        'The five whys start from one problem statement, and every why hangs under it. The statement carries data (a rate, a count, a duration) so that the analysis starts from what was measured, "3% of API calls failed for 45 minutes", rather than from an impression, and so that readers can judge how much went wrong. A second top-level item starts a second analysis: nest it under the problem statement instead.',
      fail: dedent(`
        ## Five whys

        - Payment notifications were late. {five-whys-problem}
          - Why? The notification workers could not keep up with the queue.
            - Why? A configuration change halved the worker pool.
              - Why? The pool size was set in two files and the change updated only one. → L1
        - Scaling the pool back took a full deployment. {five-whys-problem}
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
  check({ doc }) {
    const whys = doc.whys;
    if (!whys) return [];
    const [problem, ...others] = whys.roots;
    if (!problem) {
      return [
        {
          message:
            'Five whys has no list: write the problem statement as the one top-level item and nest each "why?" under what it explains',
          range: headingOf(doc, 'five-whys'),
        },
      ];
    }
    const findings: RuleFinding[] = others.map((node) => ({
      message: 'Five whys has more than one top-level item: keep one problem statement and nest every "why?" under it',
      range: node.textRange,
    }));
    if (!carriesNumber(problem.text) && !hasPlaceholder(problem.text)) {
      findings.push({
        message:
          'The problem statement carries no number: say how much, how many or how long (e.g. "3% of API calls failed for 45 minutes")',
        range: problem.textRange,
      });
    }
    return findings;
  },
});
