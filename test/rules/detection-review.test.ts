// detection-review: the three detection questions (speed, observability,
// similar events) are each answered in at least minWords words.
import dedent from 'dedent';
import { expect, it } from 'vitest';
import type { Rule } from '../../src/engine/rule.js';
import rule from '../../src/rules/detection-review.js';
import noPlaceholders from '../../src/rules/no-placeholders.js';
import requiredSections from '../../src/rules/required-sections.js';
import { lintCase, prepare, ruleTester, type TestCase } from '../helpers/rule-tester.js';

const SPEED = dedent`
  ### Was detection fast enough?

  Yes. The queue age alarm paged the on-call engineer four minutes after the
  backlog began to grow, within our five minute goal for this service.
`;
const METRICS = dedent`
  ### Did our metrics reflect the customer experience?

  Yes. Queue age is the delay merchants see, and the alarm threshold of three
  minutes matches what merchants told us they tolerate.
`;
const SIMILAR = dedent`
  ### Would we detect similar events?

  Yes. Any loss of worker capacity raises queue age, and the same alarm would
  page us within minutes whatever the cause of the slowdown.
`;

/** A Detection section of the given subsections, the minimal COE's by default. */
const detection = ({ heading = '## Detection', speed = SPEED, metrics = METRICS, similar = SIMILAR } = {}) =>
  [heading, speed, metrics, similar].filter((part) => part !== '').join('\n\n');

/** The speed subsection with another heading or answer. */
const speed = (answer: string, heading = '### Was detection fast enough?') => `${heading}\n\n${answer}`.trimEnd();

const FOURTEEN = 'The alarm paged us four minutes after impact began, within our five minute goal.';
const MARK = ' {detection-review}';

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    {
      name: 'headings found by other keywords',
      code: detection({
        speed: SPEED.replace('Was detection fast enough?', 'Time to detect'),
        metrics: METRICS.replace('Did our metrics reflect the customer experience?', 'Observability'),
        similar: SIMILAR.replace('Would we detect similar events?', 'Could it recur unnoticed?'),
      }),
    },
    {
      name: 'answers left as placeholders, which no-placeholders alone reports (format 4.1)',
      code: detection({
        speed: speed('TODO'),
        metrics:
          '### Did our metrics reflect the customer experience?\n\n{{Did the metrics show what customers saw? Say which metric, its threshold, and what customers saw meanwhile, in numbers}}',
      }),
    },
    {
      // "metric" is an observability keyword too: the heading answers the question only it can (format 3.4).
      name: 'a similar-events heading with an observability keyword, before the observability heading',
      code: detection({
        metrics: SIMILAR.replace('Would we detect similar events?', 'Would our metrics catch similar events?'),
        similar: METRICS,
      }),
    },
    { name: 'a short answer that holds a placeholder', code: detection({ speed: speed(`${FOURTEEN} TODO`) }) },
    { name: 'an answer of exactly minWords words', code: detection({ speed: speed(`Yes. ${FOURTEEN}`) }) },
    { name: 'a missing Detection section, which required-sections reports', code: '', drop: ['## Detection'] },
  ],
  invalid: [
    {
      name: 'a missing question, at the Detection heading, naming the template heading',
      code: detection({ heading: `## Detection${MARK}`, similar: '' }),
      messages: ['Detection does not answer "Would we detect similar events?": add a "### Would we detect similar events?" subsection'],
    },
    {
      name: 'a question whose heading has none of its keywords, as missing',
      code: detection({ heading: `## Detection${MARK}`, speed: SPEED.replace('Was detection fast enough?', 'How did we find out?') }),
      messages: ['does not answer "Was detection fast enough?"'],
    },
    {
      name: 'a short answer, at its heading',
      code: detection({ speed: speed('Yes, four minutes.', `### Was detection fast enough?${MARK}`) }),
      messages: [
        '"Was detection fast enough?" is answered in 3 words: answer it in at least 15 words, with the facts that support the answer',
      ],
    },
    {
      name: 'an empty subsection, at its heading',
      code: detection({ speed: speed('', `### Was detection fast enough?${MARK}`) }),
      messages: ['"Was detection fast enough?" has no answer'],
    },
    {
      name: 'a short answer that holds no placeholder',
      code: detection({ speed: speed(FOURTEEN, `### Was detection fast enough?${MARK}`) }),
      messages: ['is answered in 14 words'],
    },
    {
      name: 'an inline comment is no part of the answer: it never renders',
      code: detection({
        similar: speed(
          'Not yet. <!-- say which failures of worker capacity we would miss, and why -->',
          `### Would we detect similar events?${MARK}`,
        ),
      }),
      messages: ['"Would we detect similar events?" is answered in 2 words'],
    },
    {
      name: 'two headings that only one question fits: the second is no answer',
      code: detection({
        heading: `## Detection${MARK}`,
        metrics: SPEED.replace('Was detection fast enough?', 'Was time to detect fast?'),
        similar: SIMILAR,
      }),
      messages: ['does not answer "Did our metrics reflect the customer experience?"'],
    },
    {
      name: 'answers shorter than the minWords option',
      code: detection({
        speed: SPEED.replace('?', `?${MARK}`),
        metrics: METRICS.replace('?', `?${MARK}`),
        similar: SIMILAR.replace('?', `?${MARK}`),
      }),
      options: { minWords: 40 },
      messages: ['in at least 40 words'],
    },
  ],
});

/** Another rule's findings in a case, with the lines its markers give. */
function others(other: Rule, test: TestCase) {
  const { text, expected } = prepare(other, test);
  const got = lintCase(other, test, text).map(({ ruleId, severity, line }) => ({ ruleId, severity, line }));
  return { got, expected, text };
}

it('detection-review leaves answers left as placeholders to no-placeholders, which reports them', () => {
  const test = {
    code: detection({
      speed: speed('TODO {no-placeholders:error}'),
      metrics:
        '### Did our metrics reflect the customer experience?\n\n{{Say which metric, its threshold, and what customers saw}} {no-placeholders:error}',
    }),
  };
  const { got, expected } = others(noPlaceholders, test);
  expect(got).toEqual(expected);
});

it('detection-review leaves a missing Detection section to required-sections, which reports it at the title', () => {
  const { got, text } = others(requiredSections, { code: '', drop: ['## Detection'] });
  const title = text.split('\n').indexOf('# Delayed payment notifications') + 1;
  expect(got).toEqual([{ ruleId: 'required-sections', severity: 'error', line: title }]);
});
