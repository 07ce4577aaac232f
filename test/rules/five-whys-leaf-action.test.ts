// five-whys-leaf-action: every root cause references a lesson or an action
// item; an undefined reference is for references-exist alone.
import dedent from 'dedent';
import { expect, it } from 'vitest';
import rule from '../../src/rules/five-whys-leaf-action.js';
import referencesExist from '../../src/rules/references-exist.js';
import { lintCase, prepare, ruleTester } from '../helpers/rule-tester.js';

// The minimal COE's five whys, with the last root cause's ending replaced.
const whys = (ending: string) => dedent`
  ## Five whys

  - Payment notifications were up to 40 minutes late for 75 minutes.
    - Why? The notification workers could not keep up with the queue.
      - Why? A configuration change halved the worker pool.
        - Why? The pool size was set in two files and the change updated one. → L1
    - Why did recovery take 75 minutes? Scaling the pool took a full deployment.
      - Why? The pool size cannot be changed at run time.${ending}
`;

// The example of format 3.3: four root causes.
const CONTRACT_EXAMPLE = dedent`
  ## Five whys

  - 3% of order placement calls failed with HTTP 500 for 45 minutes.
    - Why? One of 100 hosts behind the load balancer returned HTTP 500.
      - Why? Its disk returned I/O errors.
        - Why? A storage impairment in one availability zone. → L1
      - Why did the health check not remove that host? It checked the
        process, not the disk. → L1
      - Why did one host in 100 cause 3% of the errors? Least-connections
        routing sends more traffic to a host that fails fast. → L2
    - Why did the impact last 45 minutes? No engineer was engaged for the
      first 30 minutes.
      - Why? The alarm paged a queue that nobody watched at night. → L2
`;

const MESSAGE =
  'This root cause references no lesson or action item: end it with the lesson it teaches (→ L1) or the action that fixes it (AI-1)';

ruleTester(rule).run({
  valid: [
    // The minimal COE's inner whys have no reference: only root causes need one.
    { name: 'the minimal COE, whose whys with children have no reference', code: '' },
    { name: 'the example of the format', code: CONTRACT_EXAMPLE },
    {
      name: 'root causes that reference action items, on a continuation line too',
      code: dedent`
        ## Five whys

        - Payment notifications were up to 40 minutes late for 75 minutes.
          - Why? The notification workers could not keep up with the queue.
            - Why? A configuration change halved the worker pool.
              - Why? The pool size was set in two files and the change updated
                only one. Fixed by AI-1.
          - Why did it take 75 minutes to recover? Scaling the pool back took a full deployment.
            - Why? The pool size cannot be changed at run time (L2, AI-2).
      `,
    },
    { name: 'an undefined reference, which references-exist reports', code: whys(' → L9') },
    { name: 'a problem statement with no why, which has no root cause', code: '## Five whys\n\n- 3 hosts failed.' },
    { name: 'a root cause left as a placeholder, which no-placeholders reports', code: whys(' TODO') },
    { name: 'nothing when off', code: whys(''), config: { rules: { [rule.meta.id]: { level: 'off' } } } },
  ],
  invalid: [
    {
      name: 'each root cause with no reference, at its text',
      code: dedent`
        ## Five whys

        - Payment notifications were up to 40 minutes late for 75 minutes.
          - Why? The notification workers could not keep up with the queue.
            - Why? A configuration change halved the worker pool.
              - Why? The pool size was set in two files and the change updated only one. → L1
            - Why did the queue not shed load? It has no priority for payment events. {five-whys-leaf-action}
          - Why did it take 75 minutes to recover? Scaling the pool back took a full deployment.
            - Why? The pool size cannot be changed at run time. → L2
            - Why? The runbook did not say how to scale the pool. {five-whys-leaf-action}
      `,
      messages: [MESSAGE, MESSAGE],
    },
    { name: 'a root cause whose only reference is in a second paragraph', code: whys(' {five-whys-leaf-action}\n\n        See L2.') },
    { name: 'a reference in code, which does not count', code: whys(' `echo L2` {five-whys-leaf-action}') },
    { name: 'a lesson number that is not a reference token', code: whys(' See lesson 2. {five-whys-leaf-action}') },
    {
      name: 'as a warning when set to warn',
      code: whys(' {five-whys-leaf-action:warn}'),
      config: { rules: { [rule.meta.id]: { level: 'warn' } } },
    },
  ],
});

it('five-whys-leaf-action leaves an undefined reference to references-exist, which reports it', () => {
  const test = { code: whys(' → L9 {references-exist:error}') };
  const { text, expected } = prepare(referencesExist, test);
  expect(lintCase(rule, test, text)).toEqual([]);
  expect(lintCase(referencesExist, test, text).map(({ ruleId, severity, line }) => ({ ruleId, severity, line }))).toEqual(expected);
});
