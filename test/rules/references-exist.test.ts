// references-exist: every L<n> and AI-<n> referenced is defined, and an
// undefined reference is reported by this rule alone.
import dedent from 'dedent';
import { expect, it } from 'vitest';
import rule from '../../src/rules/references-exist.js';
import { lintCase, prepare, ruleTester } from '../helpers/rule-tester.js';
import { lintString } from '../helpers/lint.js';

const ID = 'references-exist';
const MARK = ` {${ID}}`;

// The minimal COE's five whys, with the text after each root cause.
const whys = (first = '→ L1', second = '→ L2') => dedent`
  ## Five whys

  - Payment notifications were up to 40 minutes late for 75 minutes.
    - Why? The notification workers could not keep up with the queue.
      - Why? A configuration change halved the worker pool.
        - Why? The pool size was set in two files and the change updated one. ${first}
    - Why did recovery take 75 minutes? Scaling the pool took a full deployment.
      - Why? The pool size cannot be changed at run time. ${second}
`;

// The minimal COE's action items, with what follows each row.
const actions = (first = '', second = '') => dedent`
  ## Action items

  | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
  |---|---|---|---|---|---|---|---|
  | AI-1 | Read the pool size from one file | short | payments-team | 2025-09-05 | validated | L1 | A change to one file only now fails the pipeline |${first}
  | AI-2 | Make the pool size adjustable at run time | mid | payments-team | 2025-11-28 | in-progress | L2 | Resize in staging under load |${second}
`;

const L1 = '- **L1:** A setting must have one source of truth.';

// References in every section that reads lessons, under numbered and alias
// headings, and lessons defined in three manners; `mark` marks the lines of
// the four references as findings.
const everywhere = (r: { why: string; detection: string; dependency: string; lessons: string }, mark = '') => dedent`
  ## 3. Root cause analysis

  - Payment notifications were up to 40 minutes late for 75 minutes.
    - Why? A configuration change halved the worker pool.
      - Why? The pool size was set in two files and the change updated one. → L1
    - Why did recovery take 75 minutes? Scaling the pool took a full deployment,
      and no alarm said the pool was half its size.
      - Why? The pool size cannot be changed at run time. → ${r.why}${mark}

  ## 4. Detection review

  ### Was detection fast enough?

  Yes. The queue age alarm paged the on-call engineer four minutes after the
  backlog began to grow. An alarm on the pool size itself comes with ${r.detection}.${mark}

  ## 5. Dependency review

  | Dependency | Promise (SLA) | As promised | Our implementation | Failure mode | Blast radius |
  |---|---|---|---|---|---|
  | Configuration service (internal) | 99.9% availability | yes | We read the pool size from two files | expected-unhandled | One pool size for all workers (${r.dependency}) |${mark}

  ## 6. Lessons learned

  ${L1}
  - L2. Capacity must be adjustable without a deployment.
  - **L3** — An alarm must watch the capacity, not only the queue.

  ## 7. Corrective actions

  | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
  |---|---|---|---|---|---|---|---|
  | AI-1 | Read the pool size from one file | short | payments-team | 2025-09-05 | validated | L1 | A change to one file only now fails the pipeline |
  | AI-2 | Make the pool size adjustable at run time | mid | payments-team | 2025-11-28 | in-progress | ${r.lessons} | Resize in staging under load |${mark}
  | AI-3 | Alarm on the pool size | mid | payments-team | 2025-11-28 | open | L3 | Halve the pool in staging; the alarm fires |
`;

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    {
      name: 'references in the five whys, detection, dependencies, lessons and action items, under alias headings',
      code: everywhere({ why: 'L2, L3', detection: 'AI-3', dependency: 'AI-1', lessons: 'L2' }),
    },
    {
      name: 'L<n> outside the sections about lessons is not a lesson',
      code: dedent`
        ## Impact

        Merchants received payment notifications up to 40 minutes late. The L7 load
        balancer was fine.

        ## Timeline

        - 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.
        - 14:30 — Status page notice posted; L4 checks green.
      `,
    },
    { name: 'references in code', code: whys('→ L1', '→ L2 (see `grep AI-9` and `echo L9`)') },
    { name: 'tokens that only contain an id', code: whys('→ L1', '→ L2 (runbook RL1, XAI-9, L2a)') },
    {
      name: 'ids in addresses, which are part of them',
      code: dedent`
        ## Impact

        Tracked in https://jira.example.com/browse/AI-42 and <https://jira.example.com/browse/AI-43>, see
        jira.example.com/AI-44?x=AI-45#AI-46 and /srv/tickets/AI-47, served by AI-48.tickets.internal:8080.
      `,
    },
    {
      name: 'ids in relative file paths',
      code: dedent`
        ## Impact

        The runbook runbooks/AI-7.md was followed (also ./AI-9.md, ../AI-9/notes.md, ~/AI-9 and
        C:\\runbooks\\AI-9.md, docs\\AI-9.txt).
      `,
    },
    { name: 'lessons referenced when the Lessons section is missing (required-sections reports it)', code: '', drop: ['## Lessons'] },
    {
      name: 'an action item referenced when the Action items section is missing',
      code: dedent`
        ## Detection

        ### Was detection fast enough?

        Yes, and it will stay fast whatever the cause of the slowdown (AI-3).
      `,
      drop: ['## Action items'],
    },
    { name: 'nothing when off', code: whys('→ L1', '→ L2, AI-4'), config: { rules: { [ID]: { level: 'off' } } } },
  ],
  invalid: [
    {
      name: 'ids beside an address, or written as a pair',
      code: dedent`
        ## Impact

        AI-42 is at https://jira.example.com/browse/AI-42. {references-exist}
        The AI-7/AI-8 pair was late. {references-exist} {references-exist}
        So was the AI-9/AI-10.Then pair, without a space. {references-exist} {references-exist}
      `,
    },
    {
      name: 'an id before a full stop and a capital, no space between: no host name',
      code: dedent`
        ## Impact

        See AI-42.Then we left, as AI-43.V2 says. {references-exist} {references-exist}
      `,
    },
    {
      name: 'each undefined reference at its place: five whys, detection, dependencies, the Lessons column',
      code: everywhere({ why: 'L3, L4', detection: 'AI-7', dependency: 'AI-9', lessons: 'L2, L5' }, MARK),
      messages: [
        'L4 is referenced but no lesson L4 is defined: add it under Lessons or fix the reference',
        'AI-7 is referenced but no action item AI-7 is defined: add it to the Action items table or fix the reference',
        'AI-9',
        'L5',
      ],
    },
    {
      name: 'an undefined action item anywhere in the body',
      code: dedent`
        ## Impact

        Merchants received payment notifications up to 40 minutes late. See AI-5.${MARK}

        ## Customer summary

        Payment notifications arrived late. We restored the capacity (AI-6)${MARK}
        and will make it adjustable within minutes by November 28, 2025.
      `,
    },
    {
      name: 'a lesson that was removed but is still referenced',
      code: [whys('→ L1', `→ L2${MARK}`), '## Lessons', '', L1, '', actions('', MARK)].join('\n'),
    },
    {
      name: 'every lesson reference when the Lessons section has no list',
      code: [whys(`→ L1${MARK}`, `→ L2${MARK}`), '## Lessons', '', 'To be written.', '', actions(MARK, MARK)].join('\n'),
    },
    {
      name: 'a reference inside a bold lesson id',
      code: `## Lessons\n\n${L1}\n- **L2:** Capacity must be adjustable without a deployment. See AI-9.${MARK}`,
    },
    {
      name: 'a reference inside a plain lesson id',
      code: `## Lessons\n\n${L1}\n- L2: Capacity must be adjustable without a deployment. See AI-9.${MARK}`,
    },
    {
      name: 'as a warning when set to warn',
      code: whys('→ L1', `→ L2, AI-4 {${ID}:warn}`),
      config: { rules: { [ID]: { level: 'warn' } } },
    },
  ],
});

it('references-exist reports the column of the reference', () => {
  const test = { code: whys('→ L1', '→ L2, L3') };
  const { text } = prepare(rule, test);
  const line = text.split('\n').findIndex((l) => l.endsWith('→ L2, L3'));
  const found = lintCase(rule, test, text).map((m) => [m.line, m.column]);
  expect(found).toEqual([[line + 1, text.split('\n')[line]!.indexOf('L3') + 1]]);
});

it('references-exist alone reports an undefined reference, which five-whys-leaf-action and lessons-have-actions leave to it', () => {
  const { text, expected } = prepare(rule, { code: whys('→ L1', `→ L3${MARK}`) });
  expect(lintString(text).map(({ ruleId, severity, line }) => ({ ruleId, severity, line }))).toEqual(expected);
});
