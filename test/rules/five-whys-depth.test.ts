// five-whys-depth: the deepest root cause is at depth minDepth (3) or more,
// and no root cause is shallower than minLeafDepth (2).
import dedent from 'dedent';
import { expect, it } from 'vitest';
import rule from '../../src/rules/five-whys-depth.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { testConfig } from '../helpers/lint.js';

const whys = (...lines: string[]) => `## Five whys\n\n${lines.join('\n')}`;

// Root causes at depth 3 (L1) and 2 (L2).
const TREE = dedent`
  ## Five whys

  - Payment notifications were up to 40 minutes late for 75 minutes.
    - Why? The notification workers could not keep up with the queue.
      - Why? A configuration change halved the worker pool.
        - Why? The pool size was set in two files and the change updated only one. → L1
    - Why did it take 75 minutes to recover? Scaling the pool back took a full deployment.
      - Why? The pool size cannot be changed at run time. → L2
`;

/** The tree with a marker at the end of the line that holds `text`. */
const mark = (text: string, marker = '{five-whys-depth}') => {
  const lines = TREE.split('\n');
  const at = lines.findIndex((l) => l.includes(text));
  if (at === -1) throw new Error(`mark: no line with "${text}"`);
  lines[at] += ` ${marker}`;
  return lines.join('\n');
};

// The example of format 3.3: four root causes, at depths 3, 2, 2 and 2.
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

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    { name: 'the deepest root cause at 3, the shallowest at 2', code: TREE },
    { name: 'the default minDepth, set', code: TREE, options: { minDepth: 3 } },
    { name: 'the example of the format', code: CONTRACT_EXAMPLE },
    {
      name: 'a deep tree',
      code: dedent`
        ## Root cause analysis

        - 18% of card payments at checkout were declined for 90 minutes.
          - Why? The gateway rejected the processor's new TLS certificate.
            - Why? The gateway pinned the processor's old certificate.
              - Why? Pinning was added in 2021 with no owner for its rotation. → L1
          - Why did the declines last 90 minutes? Support cases told us 18 minutes
            in, and failing over was manual.
            - Why did no alarm fire? The decline alarm ignores declines that carry
              processor error codes. → L2
            - Why was failing over manual? The secondary processor path had never
              been tested in production. → L3
      `,
    },
    {
      name: 'a shallow tree when the options allow it',
      code: whys('- 3 hosts failed.', '  - Why? A. → L1', '  - Why? B. → L2'),
      options: { minDepth: 1, minLeafDepth: 1 },
    },
    // five-whys-tree and five-whys-problem report these.
    { name: 'a problem statement with no why', code: whys('- 3 hosts failed.') },
    { name: 'a section with no list', code: whys('No list.') },
    {
      name: 'nothing when off',
      code: whys('- 3 hosts failed.', '  - Why? A.', '    - Why? B. → L1', '  - Why? C.', '    - Why? D. → L2'),
      config: { rules: { 'five-whys-depth': { level: 'off' } } },
    },
  ],
  invalid: [
    {
      name: 'a tree that is not deep enough, at the problem, and a root cause at depth 1, at itself',
      code: dedent`
        ## Five whys

        - Payment notifications were up to 40 minutes late for 75 minutes. {five-whys-depth}
          - Why? A configuration change halved the worker pool. → L1 {five-whys-depth}
          - Why did it take 75 minutes to recover? Scaling the pool back took a full deployment.
            - Why? The pool size cannot be changed at run time. → L2
      `,
      messages: [
        'The deepest root cause is at depth 2; keep asking why until at least depth 3, where causes are worth acting on',
        'This root cause is at depth 1; ask why at least once more (depth 2 or more)',
      ],
    },
    {
      name: 'a root cause at depth 1 even when the tree is deep elsewhere',
      code: whys('- 3 hosts failed.', '  - Why? A.', '    - Why? B.', '      - Why? C. → L1', '  - Why? D. → L2 {five-whys-depth}'),
    },
    {
      name: 'every root cause shallower than minLeafDepth',
      code: whys(
        '- 3 hosts failed.',
        '  - Why? A. → L1 {five-whys-depth}',
        '  - Why? B. → L2 {five-whys-depth}',
        '  - Why? C.',
        '    - Why? D.',
        '      - Why? E.',
      ),
    },
    {
      name: 'minDepth from the options',
      code: mark('- Payment notifications'),
      options: { minDepth: 4 },
      messages: ['depth 3; keep asking why until at least depth 4'],
    },
    {
      name: 'minLeafDepth from the options',
      code: mark('- Why? The pool size cannot be changed'),
      options: { minLeafDepth: 3 },
      messages: ['This root cause is at depth 2; ask why at least once more (depth 3 or more)'],
    },
    {
      name: 'as an error when set to error',
      code: whys('- 3 hosts failed. {five-whys-depth:error}', '  - Why? A.', '    - Why? B. → L1', '  - Why? C.', '    - Why? D. → L2'),
      config: { rules: { 'five-whys-depth': { level: 'error' } } },
    },
  ],
});

it('five-whys-depth refuses options below 1 when the configuration loads', () => {
  expect(() => testConfig({ rules: { 'five-whys-depth': { options: { minDepth: 0 } } } })).toThrow();
  expect(() => testConfig({ rules: { 'five-whys-depth': { options: { minLeafDepth: 0 } } } })).toThrow();
});
