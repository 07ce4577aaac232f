// required-sections: each required section present exactly once, and a
// missing section reported by this rule alone.
import dedent from 'dedent';
import { it } from 'vitest';
import rule from '../../src/rules/required-sections.js';
import { expectMarkers, MINIMAL, ruleTester, type TestCase } from '../helpers/rule-tester.js';
import { splice } from '../helpers/splice.js';
import { edit } from '../helpers/lint.js';

const TITLE = '# Delayed payment notifications';
const REQUIRED = ['Impact', 'Timeline', 'Five whys', 'Detection', 'Dependencies', 'Lessons', 'Action items'];

/**
 * The minimal COE as a whole document, with sections dropped and lines
 * replaced. An excerpt cannot mark the title, where a missing section is
 * reported, and a second section of the same kind in an excerpt replaces the
 * first instead of joining the document.
 */
function whole(drop: string[], ...edits: [string, string][]): TestCase {
  const dropped = splice(MINIMAL, '', drop).text;
  return { code: edits.reduce((text, [from, to]) => edit(text, from, to), dropped), document: true };
}

/** The title marked with one finding per missing section. */
const markTitle = (count = 1, marker = '{required-sections}'): [string, string] => [
  `${TITLE}\n`,
  `${TITLE} ${Array(count).fill(marker).join(' ')}\n`,
];

/** Adds sections at the end of the minimal COE. */
const atEnd = (sections: string): [string, string] => [
  '| Resize in staging under load |\n',
  `| Resize in staging under load |\n\n${sections}\n`,
];

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    {
      name: 'headings written as aliases, numbered, with emoji and punctuation',
      code: dedent`
        ## 🔥 Impact summary

        Merchants received payment notifications up to 40 minutes late.

        ## ⏱️ Timeline:

        - 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.

        ## III. 5 Whys

        - Payment notifications were up to 40 minutes late for 75 minutes.

        ## 4) DETECTION

        The queue age alarm paged the on-call engineer.

        ## Dependencies.

        None.

        ## Learnings

        - **L1:** A setting must have one source of truth.

        ## Actions 🛠️

        | ID | Action | Term | Owner | Due | Status | Lessons | Validation |
        |---|---|---|---|---|---|---|---|
        | AI-1 | Read the pool size from one file | short | payments-team | 2025-09-05 | validated | L1 | A change to one file only now fails the pipeline |
      `,
    },
    {
      name: 'no optional section, and sections of its own',
      code: '## Appendix: graphs\n\nSee the dashboard.\n\n## Mitigation\n\nWe restored the pool.',
    },
    {
      name: 'a heading matched through a configured alias',
      code: '## What customers saw\n\nMerchants received payment notifications late.',
      drop: ['## Impact'],
      config: { sections: { impact: ['What customers saw'] } },
    },
    {
      name: 'a level-3 heading, or a heading in code, is no second section',
      code: dedent`
        ## Detection

        The queue age alarm paged the on-call engineer.

        ### Timeline

        See above.

        ## Notes

        \`\`\`markdown
        ## Impact
        \`\`\`
      `,
    },
    { name: 'nothing when off', code: '', drop: ['## Lessons'], config: { rules: { 'required-sections': { level: 'off' } } } },
    // Emoji sequences, dropped whole: skin tone with a ZWJ sequence, a keycap,
    // a subdivision flag (tags), text and emoji presentation selectors.
    ...['Lessons learned 👩🏽‍💻', '1️⃣ Lessons', '🏴󠁧󠁢󠁳󠁣󠁴󠁿 Learnings', 'Lessons ✍︎', 'Lessons 👍🏿!', '🧑‍🤝‍🧑 Lessons learned ☑️'].map(
      (heading): TestCase => ({ name: `a heading with emoji: ${heading}`, ...whole([], ['## Lessons\n', `## ${heading}\n`]) }),
    ),
  ],
  invalid: [
    ...REQUIRED.map((heading): TestCase => ({
      name: `a missing ${heading}, at the title`,
      ...whole([`## ${heading}`], markTitle()),
      messages: [`Missing section "## ${heading}"`],
    })),
    {
      name: 'each missing section once',
      ...whole(['## Lessons', '## Detection'], markTitle(2)),
      messages: ['Missing section "## Detection" (or "Detection review")', 'Missing section "## Lessons"'],
    },
    {
      name: 'at line 1 when there is no title',
      ...whole(['## Timeline'], [`${TITLE}\n\n`, ''], ['---\ncoe: 1', '--- {required-sections}\ncoe: 1']),
    },
    { name: 'a section written as a level-3 heading, as missing', ...whole([], markTitle(), ['## Dependencies\n', '### Dependencies\n']) },
    {
      name: 'a missing section and a duplicate, the duplicate at its heading',
      ...whole(
        ['## Dependencies'],
        markTitle(),
        atEnd('## Event timeline {required-sections}\n\n- 2025-09-03 18:00 UTC — Follow-up review held.'),
      ),
      messages: ['Missing section "## Dependencies"', 'Section "Timeline" appears more than once (also at line 34): merge them'],
    },
    {
      name: 'a section written twice under two of its names',
      ...whole([], atEnd('## Customer impact {required-sections}\n\nMore about the impact.')),
    },
    {
      name: 'each extra occurrence',
      ...whole([], atEnd('## Lessons learned {required-sections}\n\n- **L3:** x\n\n## Learnings {required-sections}\n\n- **L4:** y')),
    },
    {
      name: 'as a warning when set to warn',
      ...whole(['## Lessons'], markTitle(1, '{required-sections:warn}')),
      config: { rules: { 'required-sections': { level: 'warn' } } },
    },
  ],
});

/** Lints a case with every rule: its markers, of any rule, are all the findings. */
const expectEveryRule = (test: TestCase) => expectMarkers(rule, { ...test, everyRule: true });

it.each(REQUIRED)('required-sections: a missing %s is reported by this rule alone, not by the rules about its content', (heading) => {
  expectEveryRule(whole([`## ${heading}`], markTitle()));
});

it('required-sections: a missing Action items is reported alone even when other sections name action items', () => {
  expectEveryRule(
    whole(['## Action items'], markTitle(), ['so the same alarm would page us again.', 'so the same alarm would page us again (AI-1).']),
  );
});
