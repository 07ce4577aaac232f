// no-placeholders: no TODO, TBD, FIXME, ??? or {{…}} left from a template,
// in the prose or the frontmatter; code and HTML comments are not read.
import dedent from 'dedent';
import { expect, it } from 'vitest';
import rule from '../../src/rules/no-placeholders.js';
import { lintCase, prepare, ruleTester } from '../helpers/rule-tester.js';

const ID = 'no-placeholders';
const MARK = ` {${ID}}`;

// Placeholders in the frontmatter (a quoted value too) and in three sections;
// `mark` is the marker of each finding, `status` the COE's status.
const placeholders = (mark = MARK, status = 'review') => dedent`
  ---
  title: "Delayed payment notifications {{subtitle}}"${mark}
  status: ${status}
  owner: TBD${mark}
  ---

  ## Impact

  Between 14:05 and 15:20 UTC on September 3, 2025, merchants received payment
  notifications between 5 and 40 minutes late.
  TODO: confirm how many merchants held orders.${mark}

  ## Timeline

  - 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.
  - 14:30 — Status page notice posted (wording ???).${mark}

  ## Customer summary

  Payment notifications arrived late. We will make the capacity adjustable by
  {{due date}}. FIXME${mark}${mark}
`;

// A sentence of prose, alone in its section.
const prose = (sentence: string) => `## Detection\n\n### Was detection fast enough?\n\n${sentence}`;

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    {
      name: 'inline code, code blocks, HTML comments, TODOS, "a todo list" and mastodon',
      code: dedent`
        ## Timeline

        - 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.
        - 14:30 — Status page notice posted; the \`TODO\` marker in the template was removed.

        ## Detection

        <!-- TODO: answer the three questions below. -->

        ### Was detection fast enough?

        Yes. Any loss of worker capacity (we keep TODOS in the backlog, and a todo list; see
        mastodon?) raises queue age.

        ## Dependencies

        None: the workers, the queue and the configuration are ours.

        \`\`\`yaml
        owner: TODO
        note: "{{fill in}}"
        \`\`\`
      `,
    },
    { name: 'TODOS, mastodon, TBDs and FIXMEs are not whole placeholder words', code: prose('TODOS and mastodon and TBDs and FIXMEs.') },
    { name: 'a todo list is English', code: prose('Our todo list is empty.') },
    { name: '?? and single braces', code: prose('Why?? {x} was the key.') },
    { name: '??? closing a question', code: prose('Why???? Is checkout down???') },
  ],
  invalid: [
    {
      name: 'each placeholder of the body and the frontmatter, as an error in review',
      code: placeholders(),
      messages: [
        'Placeholder "{{subtitle}}" is left from the template: write the real content in its place, or remove it',
        '"TBD"',
        '"TODO"',
        '"???"',
        '"{{due date}}"',
        '"FIXME"',
      ],
    },
    { name: 'warnings while the COE is a draft', code: placeholders(` {${ID}:warn}`, 'draft') },
    { name: 'errors once approved', code: placeholders(` {${ID}:error}`, 'approved') },
    {
      name: 'a configured level over the draft severity',
      code: placeholders(` {${ID}:error}`, 'draft'),
      config: { rules: { [ID]: { level: 'error' } } },
    },
    { name: '"TODO:" is a placeholder', code: prose(`TODO: check. Yes, the alarm paged us.${MARK}`) },
    { name: '"TODO(x)" is a placeholder', code: prose(`Yes, the alarm paged us (TODO(ines) confirm).${MARK}`) },
    { name: '??? standing alone', code: prose(`The count is ???.${MARK}`) },
    { name: '??? in parentheses', code: prose(`(???) Yes, the alarm paged us.${MARK}`) },
    { name: '{{…}} with spaces inside', code: prose(`{{ merchant_count }} merchants.${MARK}`) },
    {
      name: 'the prose beside inline code, not the code',
      code: dedent`
        ## Timeline

        - 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.
        - 14:30 — Status page notice posted (\`TODO\` and \`{{x}}\` in the template, TBD).${MARK}
      `,
      messages: ['"TBD"'],
    },
    {
      name: 'the prose after a code block, not the block',
      code: dedent`
        ## Dependencies

        \`\`\`text
        TODO: FIXME ??? {{x}}
        \`\`\`

        TBD${MARK}
      `,
    },
    {
      name: 'the prose after an HTML comment, not the comment',
      code: prose(`<!-- TODO: answer each question in 15 words or more -->\n\nFIXME${MARK}`),
    },
    { name: 'one finding per placeholder of a frontmatter list', code: `---\nauthors: [TBD, TODO]${MARK}${MARK}\n---` },
    {
      name: 'the words of the option, in place of the default',
      code: prose(`XXX TODO Yes, the alarm paged us.${MARK}`),
      options: { words: ['XXX'] },
      messages: ['Placeholder "XXX"'],
    },
  ],
});

it('no-placeholders reports at the exact column, in quoted frontmatter values too', () => {
  const test = { code: placeholders() };
  const { text } = prepare(rule, test);
  const lines = text.split('\n');
  // [line, column, endColumn] of a placeholder, found in the document.
  const place = (line: string, placeholder: string) => {
    const index = lines.findIndex((l) => l.startsWith(line));
    const column = lines[index]!.indexOf(placeholder) + 1;
    return [index + 1, column, column + placeholder.length];
  };
  expect(lintCase(rule, test, text).map((m) => [m.line, m.column, m.endColumn])).toEqual([
    place('title:', '{{subtitle}}'),
    place('owner:', 'TBD'),
    place('TODO: confirm', 'TODO'),
    place('- 14:30', '???'),
    place('{{due date}}', '{{due date}}'),
    place('{{due date}}', 'FIXME'),
  ]);
});
