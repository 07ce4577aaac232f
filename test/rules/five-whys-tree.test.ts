// five-whys-tree: the five whys branch into at least minRootCauses root
// causes: a tree, not a chain.
import dedent from 'dedent';
import { expect, it } from 'vitest';
import rule from '../../src/rules/five-whys-tree.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { testConfig } from '../helpers/lint.js';

const CHAIN = dedent`
  ## Five whys

  - 3 hosts failed for 40 minutes. {five-whys-tree}
    - Why? Disks filled.
      - Why? Logs were not rotated.
        - Why? The rotation job was removed. → L1
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

ruleTester(rule).run({
  valid: [
    { name: 'the example of the format: four root causes', code: CONTRACT_EXAMPLE },
    { name: 'a chain when minRootCauses is 1', code: CHAIN.replace(' {five-whys-tree}', ''), options: { minRootCauses: 1 } },
    { name: 'four root causes when minRootCauses is 4', code: CONTRACT_EXAMPLE, options: { minRootCauses: 4 } },
    {
      name: 'a tree that branches only at the bottom',
      code: `${CHAIN.replace(' {five-whys-tree}', '')}\n      - Why? Nobody reviewed the change. → L2`,
    },
    { name: 'a section with no list, which five-whys-problem reports', code: '## Five whys\n\nTo be written.' },
    { name: 'a missing section, which required-sections reports', code: '', drop: ['## Five whys'] },
  ],
  invalid: [
    {
      name: 'a chain, at the problem statement',
      code: CHAIN,
      messages: ['The five whys reach 1 root cause; incidents have several contributing causes'],
    },
    {
      name: 'a problem statement with no why at all',
      code: '## Five whys\n\n- 3 hosts failed for 40 minutes. {five-whys-tree}',
      messages: ['reach 0 root causes'],
    },
    {
      name: 'fewer root causes than minRootCauses',
      code: CONTRACT_EXAMPLE.replace('for 45 minutes.', 'for 45 minutes. {five-whys-tree}'),
      options: { minRootCauses: 5 },
      messages: ['until at least 5'],
    },
    {
      name: 'as an error when set to error',
      code: CHAIN.replace('{five-whys-tree}', '{five-whys-tree:error}'),
      config: { rules: { 'five-whys-tree': { level: 'error' } } },
    },
  ],
});

it('five-whys-tree refuses a minRootCauses below 1 when the configuration loads', () => {
  expect(() => testConfig({ rules: { 'five-whys-tree': { options: { minRootCauses: 0 } } } })).toThrow();
});
