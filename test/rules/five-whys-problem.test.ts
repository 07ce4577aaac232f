// five-whys-problem: exactly one top-level item, the problem statement, and it
// carries data (a number).
import dedent from 'dedent';
import rule from '../../src/rules/five-whys-problem.js';
import { ruleTester, type TestCase } from '../helpers/rule-tester.js';

/** A Five whys section: this problem statement over two branches of whys. */
const tree = (statement: string) => dedent`
  ## Five whys

  - ${statement}
    - Why? The notification workers could not keep up with the queue.
      - Why? A configuration change halved the worker pool. → L1
    - Why did recovery take so long? Scaling the pool took a full deployment.
      - Why? The pool size cannot be changed at run time. → L2
`;

const whys = (...lines: string[]) => `## Five whys\n\n${lines.join('\n')}`;

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

const NO_NUMBER = 'The problem statement carries no number: say how much, how many or how long';
const SECOND_ITEM = 'Five whys has more than one top-level item: keep one problem statement and nest every "why?" under it';

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    { name: 'the example of the format', code: CONTRACT_EXAMPLE },
    {
      name: 'an ordered list whose number is in bold',
      code: dedent`
        ## Five whys

        1. **1,200** merchants received payment notifications late, by up to forty minutes.
           1. Why? The notification workers could not keep up with the queue.
              1. Why? A configuration change halved the worker pool.
                 1. Why? The pool size was set in two files and the change updated only one. → L1
           2. Why did it take so long to recover? Scaling the pool back took a full deployment.
              1. Why? The pool size cannot be changed at run time. → L2
      `,
    },
    ...[
      '3% of API calls failed.',
      'HTTP 500 errors on checkout.',
      'Orders failed for 45 minutes.',
      'p99 latency rose to 2.5 s.',
      // Digits right after a letter of a script written without spaces.
      '注文APIの3%が70分間失敗した。',
      // Digits of other scripts: fullwidth, Arabic-Indic.
      '注文確認メールの３%が遅れて届いた。',
      'Order emails arrived late for ٤٥ minutes.',
      'An eighth of order emails arrived late.',
      // A multiplier, "x10" or "×3", is digits of data; "ec2" is not.
      'Order placement errors rose x10 over baseline.',
      'Checkout latency rose ×3 on ec2 hosts.',
    ].map((statement): TestCase => ({ name: `a problem statement with a number: ${statement}`, code: tree(statement) })),
    { name: 'a Five whys section that is missing (required-sections reports it)', code: '', drop: ['## Five whys'] },
    { name: 'nothing when off', code: tree('Notifications were late.'), config: { rules: { 'five-whys-problem': { level: 'off' } } } },
  ],
  invalid: [
    {
      name: 'a problem statement with no number, and a second top-level item',
      code: dedent`
        ## Five whys

        - Payment notifications were late. {five-whys-problem}
          - Why? The notification workers could not keep up with the queue.
            - Why? A configuration change halved the worker pool.
              - Why? The pool size was set in two files and the change updated only one. → L1
          - Why did it take so long to recover? Scaling the pool back took a full deployment.
            - Why? The pool size cannot be changed at run time. → L2
        - Merchants held their orders until the notifications arrived. {five-whys-problem}
      `,
      messages: [NO_NUMBER, SECOND_ITEM],
    },
    {
      name: 'a problem statement with no number, at the statement',
      code: tree('Payment notifications were late for over an hour. {five-whys-problem}'),
      messages: [NO_NUMBER],
    },
    {
      name: "the statement's own text only, not its children",
      code: whys(
        '- Payment notifications were late. {five-whys-problem}',
        '',
        '  They were late for 75 minutes.',
        '',
        '  - Why? 2 files held the pool size. → L1',
        '    - Why? Nobody owned it. → L2',
      ),
    },
    { name: 'a lesson reference is no data', code: tree('Payment notifications were late. → L1 {five-whys-problem}') },
    { name: 'a region name is no data', code: tree('Payment notifications were late in us-east-2. {five-whys-problem}') },
    {
      name: 'an instance type is no data, nor a word that begins with x',
      code: tree('Payment notifications were late on x2gd hosts. {five-whys-problem}'),
    },
    {
      name: 'a number in an HTML comment, which never renders, is no data',
      code: tree('Order placement calls failed. <!-- add the error rate (3%) and duration --> {five-whys-problem}'),
      messages: [NO_NUMBER],
    },
    {
      name: 'each top-level item after the first',
      code: whys(
        '- 3 hosts failed for 40 minutes.',
        '  - Why? A. → L1',
        '  - Why? B. → L2',
        '- 2 statements. {five-whys-problem}',
        '- 3 statements. {five-whys-problem}',
      ),
      messages: [SECOND_ITEM, SECOND_ITEM],
    },
    {
      name: 'a top-level item in a second list',
      code: whys(
        '- 3 hosts failed for 40 minutes.',
        '  - Why? A. → L1',
        '  - Why? B. → L2',
        '',
        'And also:',
        '',
        '- 5 more minutes of delay. {five-whys-problem}',
      ),
    },
    {
      name: 'a section with no list, at its heading',
      code: '## Five whys {five-whys-problem}\n\nThe pool was too small.',
      messages: ['Five whys has no list: write the problem statement as the one top-level item'],
    },
    { name: 'an empty section, at its heading', code: '## Five whys {five-whys-problem}' },
    {
      name: 'as a warning when set to warn',
      code: tree('Notifications were late. {five-whys-problem:warn}'),
      config: { rules: { 'five-whys-problem': { level: 'warn' } } },
    },
  ],
});
