// impact-narrative: the Impact section is a narrative: at least minParagraphs
// paragraphs and minWords words, and mostly paragraphs rather than lists.
import dedent from 'dedent';
import { expect, it } from 'vitest';
import rule from '../../src/rules/impact-narrative.js';
import { ruleTester, type TestCase } from '../helpers/rule-tester.js';
import { testConfig } from '../helpers/lint.js';

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');

// Two paragraphs, 45 + 38 = 83 words.
const FIRST = dedent`
  Between 14:05 and 15:20 UTC on September 3, 2025, merchants in the us-east-2
  region received payment notifications between 5 and 40 minutes late. Payments
  themselves succeeded, but merchants who wait for a notification before they
  ship an order held those orders until the notification arrived.
`;
const SECOND = dedent`
  We were alerted at 14:09 UTC, posted a status page notice at 14:30 UTC, and
  cleared the backlog by 15:20 UTC, when notifications were on time again. No
  notification was lost, and every merchant received each notification once.
`;
const NARRATIVE = `## Impact\n\n${FIRST}\n\n${SECOND}`;
const NARRATIVE_WORDS = 83;

/** An Impact section with this body. */
const impact = (body: string, marks = '') => `## Impact${marks}\n\n${body}`;
const AT_HEADING = ' {impact-narrative}';
const twice = AT_HEADING.repeat(2);

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    { name: 'a narrative of two paragraphs', code: NARRATIVE },
    {
      name: 'a longer narrative, under a numbered alias',
      code: dedent`
        ## 1. Customer impact

        Between 23:40 on October 21 and 01:10 on October 22, 2025 (CEST), about 18%
        of card payments made at checkout by shoppers in the eu-central-1 region were
        declined. Shoppers saw the message "Your card was declined", and many tried a
        second card, which was declined too; some gave up on their purchase. Payments
        by bank transfer and by wallet were not affected.

        Merchants told our support team about the declines from 23:50 onward. We
        posted a status page notice at 00:20, moved card payments to our secondary
        processor at 01:10, which ended the declines, and removed the cause at 03:30.
        No shopper was charged for a declined payment.
      `,
    },
    // The thresholds are inclusive.
    { name: 'exactly minWords and minParagraphs', code: NARRATIVE, options: { minWords: NARRATIVE_WORDS, minParagraphs: 2 } },
    { name: 'exactly the default 80 words in 2 paragraphs', code: impact(`${words(40)}.\n\n${words(40)}.`) },
    {
      name: 'a narrative with a short list in it',
      code: impact(`${FIRST}\n\n- queue age peaked at 40 minutes\n- 1,200 merchants affected\n\n${SECOND}`),
    },
    { name: 'comments are not content', code: impact(`${FIRST}\n\n<!-- ${words(200, 'note')} -->\n\n${SECOND}`) },
    {
      name: 'a short impact when the options allow it',
      code: impact('Notifications were late for 75 minutes.'),
      options: { minParagraphs: 1, minWords: 5 },
    },
    { name: 'an empty impact when the options allow it', code: '## Impact', options: { minParagraphs: 0, minWords: 0 } },
    {
      name: 'a list when minProseShare is 0',
      code: impact(`${words(45)}.\n\n${words(5)}.\n\n- ${words(60)}`),
      options: { minProseShare: 0 },
    },
    {
      // 60 words in paragraphs and 20 in ten list items: 80 words.
      name: 'every word of a list counts, not just the words of its items joined',
      code: impact(`${words(30)}.\n\n${words(30)}.\n\n${Array.from({ length: 10 }, () => '- two words').join('\n')}`),
    },
    { name: 'a short list with the default minProseShare', code: impact(`${FIRST}\n\n- one short item\n\n${SECOND}`) },
    { name: 'nothing when off', code: impact('Late.'), config: { rules: { 'impact-narrative': { level: 'off' } } } },
    {
      // Format 3.1: a quoted paragraph (a customer's words, say) is still narrative prose, not a list or table.
      name: 'a paragraph in a block quote counts as a paragraph',
      code: impact(`${FIRST.replace(/^/gm, '> ')}\n\n${SECOND}`),
    },
  ],
  invalid: [
    {
      name: 'too few paragraphs, at the heading',
      code: impact(`${FIRST}\n${SECOND}`, AT_HEADING),
      messages: ['Impact has 1 paragraph; write at least 2 telling what customers experienced from start to end of impact'],
    },
    {
      name: 'too few words, at the heading',
      code: impact(`${words(40)}.\n\n${words(39)}.`, AT_HEADING),
      messages: ['Impact has 79 words; write at least 80: who was affected, what they saw, for how long, and each key milestone'],
    },
    {
      name: 'an empty Impact: no paragraphs and no words',
      code: impact('', twice),
      messages: ['Impact has 0 paragraphs', 'Impact has 0 words'],
    },
    {
      name: 'an Impact that is mostly a list, at the list, with too few paragraphs and words',
      code: dedent`
        ## Impact ${twice}

        Notifications were late.

        - Start: 14:05 UTC {impact-narrative}
        - Merchants in us-east-2 received payment notifications up to 40 minutes late
        - Orders held until notifications arrived
        - Status page notice at 14:30 UTC
        - Backlog cleared at 15:20 UTC
        - No notification lost
      `,
      messages: ['Impact has 1 paragraph', 'Impact has 36 words', 'Impact is mostly lists; tell it as a narrative in paragraphs'],
    },
    {
      name: 'mostly lists or tables even with enough paragraphs and words',
      code: impact(
        `${words(45)}.\n\n${words(40)}.\n\n| When | What | {impact-narrative}\n|---|---|\n| 14:05 | ${words(50)} |\n| 14:09 | ${words(50)} |`,
      ),
    },
    {
      name: 'the first block that is not a paragraph',
      code: impact(`${words(10)}.\n\n\`\`\` {impact-narrative}\n${words(5)}\n\`\`\`\n\n${words(10)}.\n\n- ${words(60)}`),
    },
    {
      name: 'inline comments are not words: they never render',
      code: impact(
        `${words(40)} <!-- ${words(20, 'note')} -->.\n\n${words(20)}<!-- reviewer: ${words(20, 'note')} --> ${words(19)}.`,
        AT_HEADING,
      ),
      messages: ['Impact has 79 words; write at least 80'],
    },
    {
      name: 'a comment in a block quote is not words either',
      code: impact(`> ${words(40)}.\n>\n> <!-- ${words(20, 'note')} -->\n\n${words(39)}.`, AT_HEADING),
      messages: ['Impact has 79 words'],
    },
    {
      name: 'mostly code, called code, not a list or table',
      code: impact(`${words(45)}.\n\n${words(40)}.\n\n\`\`\` {impact-narrative}\n${words(90)}\n\`\`\``),
      messages: ['Impact is mostly code blocks; tell it as a narrative in paragraphs'],
    },
    {
      name: 'mostly a list in a block quote, called a list',
      code: impact(`${words(45)}.\n\n${words(40)}.\n\n> - ${words(90)} {impact-narrative}`),
      messages: ['Impact is mostly lists; tell it as a narrative in paragraphs'],
    },
    {
      name: 'minParagraphs from the options',
      code: NARRATIVE.replace('## Impact', `## Impact${AT_HEADING}`),
      options: { minParagraphs: 3 },
      messages: ['write at least 3'],
    },
    {
      name: 'minWords from the options',
      code: NARRATIVE.replace('## Impact', `## Impact${AT_HEADING}`),
      options: { minWords: NARRATIVE_WORDS + 1 },
      messages: ['Impact has 83 words; write at least 84'],
    },
    {
      name: 'minProseShare from the options',
      code: impact(`${FIRST}\n\n- one short item {impact-narrative}\n\n${SECOND}`),
      options: { minProseShare: 1 },
    },
    {
      name: 'as an error when set to error',
      code: impact('Late.', ' {impact-narrative:error} {impact-narrative:error}'),
      config: { rules: { 'impact-narrative': { level: 'error' } } },
    },
  ] satisfies TestCase[],
});

it('impact-narrative refuses options out of range when the configuration loads', () => {
  expect(() => testConfig({ rules: { 'impact-narrative': { options: { minProseShare: 2 } } } })).toThrow();
});
