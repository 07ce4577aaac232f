// blameless-language: no blaming words in the prose, and no names or
// @handles in the five whys; code is never read.
import dedent from 'dedent';
import { expect, it } from 'vitest';
import rule from '../../src/rules/blameless-language.js';
import { lintCase, prepare, ruleTester, type TestCase } from '../helpers/rule-tester.js';

const ID = 'blameless-language';
const MARK = ` {${ID}}`;

// A sentence of prose outside the five whys, alone in its section.
const prose = (sentence: string) => `## Detection\n\n### Was detection fast enough?\n\n${sentence}`;
// A root cause of the five whys.
const why = (cause: string) => dedent`
  ## Five whys

  - Payment notifications were up to 40 minutes late for 75 minutes.
    - Why? The notification workers could not keep up with the queue.
      - Why? ${cause}
`;
const authors = (list: string) => `---\nauthors: [${list}]\n---\n\n`;

// Blaming words in four sections, and the author's name, a part of it and a handle in the five whys.
const BLAME = dedent`
  ## Impact

  Merchants received payment notifications up to 40 minutes late. Payments themselves
  succeeded (the delay was operator error), but merchants held their orders.${MARK}

  ## Timeline

  - 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.
  - 14:12 — The on-call engineer acknowledges; the deployer was Careless and Sloppy.${MARK}${MARK}

  ## Five whys

  - Payment notifications were up to 40 minutes late for 75 minutes.
    - Why? A configuration change halved the worker pool.
      - Why? Ines Okafor set the pool size in one file and @ines-o forgot the other. → L1${MARK}${MARK}
    - Why did it take 75 minutes to recover? Scaling the pool back took a full deployment.
      - Why? Okafor should have${MARK}${MARK}
        known that the pool size cannot be changed at run time. → L2

  ## Lessons

  - **L1:** A setting must have one source of truth.
  - **L2:** Capacity must be adjustable without a deployment; we blamed the slow rollback on the tools.${MARK}
`;

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    {
      name: 'blameless, blame-free, careful, faulty, code, e-mail addresses, and names outside the five whys',
      code: dedent`
        ## Impact

        Merchants received payment notifications up to 40 minutes late. Payments themselves
        succeeded (Ines Okafor wrote this blameless, blame-free review).

        ## Timeline

        - 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.
        - 14:12 — The on-call engineer (Okafor, @ines-o) acknowledges and starts investigating.

        ## Five whys

        - Payment notifications were up to 40 minutes late for 75 minutes.
          - Why? A configuration change halved the worker pool.
            - Why? The pool size was set in two files, the default file and a faulty override, and the change updated only one (\`human error\` is the log tag; mail pool-owners@example.com). → L1

        ## Dependencies

        None: the workers, the queue and the configuration are ours.

        \`\`\`text
        ERROR careless retry: operator error, blame=none
        \`\`\`

        ## Lessons

        - **L1:** A setting must have one source of truth; a careful engineer cannot hold two in mind at 2 a.m.
      `,
    },
    {
      name: 'blameless, blameworthy and blame-free are not "blame"',
      code: prose('A blameless review; blameworthy nobody; no blame-free claim.'),
    },
    // A blaming word in a negated clause (format 4.1).
    ...[
      'Nobody was careless here.',
      'It was not the fault of any engineer.',
      'No one is to blame.',
      "This wasn't human error.",
      'We found no negligence in the change.',
    ].map((sentence) => ({ name: `negated: ${sentence}`, code: prose(sentence) })),
    // Fault words about systems, and negated faults.
    ...[
      "The host's error rate rose to 100%.",
      'Their error budget was spent.',
      "The on-call engineer's error dashboard showed the spike.",
      "The operator's error count doubled; his error codes were new.",
      'His error alerts went to an old channel, and her error-tracking queries timed out.',
      "It was the disk's error, not a person's.",
      'Errors by the load balancer reached 3%.',
      'The cache made an error in the key.',
      "It was not the operator's mistake.",
    ].map((sentence) => ({ name: `about a system: ${sentence}`, code: prose(sentence) })),
    { name: 'blaming words in a code block', code: '## Dependencies\n\n```text\noperator error: careless, negligent\n```' },
    { name: 'names and handles outside the five whys', code: prose('Ines Okafor and @okafor agree.') },
    { name: "the @handle of the COE's owner", code: why('@payments-team had no alarm on the queue age.') },
    {
      name: 'the @handles of the teams option',
      code: why('@db-team and @Payments-Platform own the pool size.'),
      options: { teams: ['db-team', '@payments-platform'] },
    },
    {
      name: 'an e-mail address, and name parts that are also words',
      code: authors('Will Long') + why('It will take long; mail pool@example.com. No one will know.'),
    },
    {
      name: 'a one-word author that is also a word, written as the word',
      code: authors('Mark, will') + why('The relay did not mark refused messages, and no alarm will fire on the queue age.'),
    },
    {
      name: 'no names at all with names: false',
      code: why('Okafor and Ines Okafor and @ines could not change it.'),
      options: { names: false },
    },
    { name: 'a word the option allows', code: prose('A cowboy deploy, then human error.'), options: { allowWords: ['Human Error'] } },
  ],
  invalid: [
    { name: 'blaming words anywhere in the prose, and names and @handles in the five whys', code: BLAME },
    { name: 'case folded: Human Error', code: prose(`Human Error, not a failed check.${MARK}`) },
    { name: 'case folded: BLAME', code: prose(`They are to BLAME.${MARK}`) },
    { name: 'the negation holds for its clause only: "but"', code: prose(`It was not the alarm, but human error.${MARK}`) },
    { name: 'the negation holds for its clause only: a new sentence', code: prose(`Nothing was lost. The deployer was careless.${MARK}`) },
    // A fault word attached to a person (format 4.1).
    ...[
      "The long delay was the night operator's mistake.",
      "It was Dana's mistake.",
      'It was his error.',
      'It was a mistake by the on-call engineer.',
      'The on-call engineer made a mistake.',
      "It was @sam's oversight.",
    ].map((sentence) => ({ name: `a fault of a person: ${sentence}`, code: prose(`${sentence}${MARK}`) })),
    {
      name: 'a fault of a person, said so',
      code: prose(`It was Dana's mistake.${MARK}`),
      messages: [`"Dana's mistake" attaches a fault to a person`],
    },
    { name: 'a phrase with a typographic apostrophe', code: prose(`They didn’t bother.${MARK}`) },
    { name: 'a phrase with a typewriter apostrophe', code: prose(`They didn't bother.${MARK}`) },
    {
      name: 'one finding for the longest phrase, not one per word list entry',
      code: prose(`We should have known better.${MARK}`),
      messages: ['"should have known better" judges a person'],
    },
    {
      name: 'the prose beside inline code, not the code',
      code: prose(`The log says \`human error\` and \`blame\`; the deploy was reckless.${MARK}`),
      messages: ['"reckless"'],
    },
    { name: 'an @handle in the five whys', code: why(`@okafor could not change the pool size at run time.${MARK}`) },
    { name: "an author's name in the five whys, case folded", code: why(`INES OKAFOR could not change it at run time.${MARK}`) },
    { name: "a part of an author's name in the five whys", code: why(`Ines could not change it at run time.${MARK}`) },
    { name: 'the @handles of other teams', code: why(`@db-team and @Payments-Platform own the pool size.${MARK}${MARK}`) },
    {
      name: 'a name whose parts are also words, whole',
      code: authors('Will Long') + why(`Will Long could not change it at run time.${MARK}`),
    },
    {
      name: 'a one-word author that is also a word, as a name (capitalized), and one that is not, case folded',
      code: authors('mark, Priya') + why(`Mark restarted the relay, and PRIYA watched the queue.${MARK}${MARK}`),
      messages: ['("Mark")', '("PRIYA")'],
    },
    {
      name: 'whole names and handles only with nameParts: false',
      code: why(`Okafor and Ines Okafor and @ines could not change it.${MARK}${MARK}`),
      options: { nameParts: false },
      messages: ['("Ines Okafor")', '("@ines")'],
    },
    { name: 'the default words', code: prose(`A cowboy deploy, then human error.${MARK}`), messages: ['"human error"'] },
    {
      name: 'extra words, with the default ones',
      code: prose(`A cowboy deploy, then human error.${MARK}${MARK}`),
      options: { extraWords: ['cowboy deploy'] },
      messages: ['"cowboy deploy"', '"human error"'],
    },
    {
      name: 'a list that replaces the default',
      code: prose(`A cowboy deploy, then human error.${MARK}`),
      options: { words: ['cowboy deploy'] },
      messages: ['"cowboy deploy"'],
    },
  ],
});

// [line, column, endLine, endColumn] of each finding whose message holds `quoted`.
function placeOf(test: TestCase, quoted: string) {
  const { text } = prepare(rule, test);
  const found = lintCase(rule, test, text).find((m) => m.message.includes(quoted))!;
  return { text: text.split('\n'), at: [found.line, found.column, found.endLine, found.endColumn] };
}

it('blameless-language reports the exact place, and a phrase across a line break from its first word to its last', () => {
  const phrase = placeOf({ code: BLAME }, '"should have known"');
  const line = phrase.text.findIndex((l) => l.endsWith('Okafor should have'));
  expect(phrase.at).toEqual([line + 1, phrase.text[line]!.indexOf('should') + 1, line + 2, phrase.text[line + 1]!.indexOf('known') + 6]);
  const name = placeOf({ code: BLAME }, '"Ines Okafor"');
  const nameLine = phrase.text.findIndex((l) => l.includes('Why? Ines Okafor'));
  const column = phrase.text[nameLine]!.indexOf('Ines Okafor') + 1;
  expect(name.at).toEqual([nameLine + 1, column, nameLine + 1, column + 'Ines Okafor'.length]);
});

it('blameless-language reports a fault of a person at the name', () => {
  const { text, at } = placeOf({ code: prose("It was Dana's mistake.") }, "Dana's mistake");
  expect(at[1]).toBe(text[at[0]! - 1]!.indexOf("Dana's") + 1);
  expect(at[1]).toBe(1 + 'It was '.length);
});
