// The three detection questions of section 3.4 (speed, observability,
// similar events) each have a real answer.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import type { DetectionAnswer, DetectionQuestion } from '../model/types.js';
import { countWords } from '../model/text.js';
import { DETECTION_HEADINGS, DETECTION_KEYWORDS } from '../sections/detection.js';
import { headingOf } from './util.js';
import { plural } from '../util/text.js';
import { hasPlaceholder } from '../util/placeholders.js';

const QUESTIONS = Object.keys(DETECTION_HEADINGS) as DetectionQuestion[];

// Template markers are not words of an answer: "TODO" alone answers nothing.
export default defineRule({
  meta: {
    id: 'detection-review',
    severity: 'error',
    description: 'The three detection questions (speed, observability, similar events) are each answered in at least `minWords` (15) words',
    options: z.strictObject({
      minWords: z.number().int().min(0).default(15),
    }),
    docs: {
      rationale:
        'A detection self-critique asks three questions: was detection fast enough, did our metrics reflect what customers experienced, and would we detect a similar event. Each needs a real answer under its own `###` heading (found by keywords such as "fast", "metric" and "similar"); a `TODO` or a one-line "Yes" is not a review.',
      fail: dedent(`
        ## Detection {detection-review}

        ### Was detection fast enough? {detection-review}

        Yes.

        ### Did our metrics reflect the customer experience?

        TODO
      `),
      pass: dedent(`
        ## Detection

        ### Was detection fast enough?

        Yes. The queue age alarm paged the on-call engineer four minutes after the
        backlog began to grow, within our five minute goal for this service.

        ### Did our metrics reflect the customer experience?

        Yes. Queue age is the delay merchants see, and the alarm threshold of three
        minutes matches what merchants told us they tolerate.

        ### Would we detect similar events?

        Yes. Any loss of worker capacity raises queue age, and the same alarm would
        page us within minutes whatever the cause of the slowdown.
      `),
    },
  },
  check({ doc, options }) {
    const detection = doc.detection;
    if (!detection) return []; // required-sections reports a missing section
    const findings: RuleFinding[] = [];
    for (const question of QUESTIONS) {
      const answer = detection.answers.find((a) => a.question === question);
      if (!answer) findings.push(missing(question, headingOf(doc, 'detection')));
      // An answer left as a placeholder is reported by no-placeholders alone.
      else if (!hasPlaceholder(answer.text)) findings.push(...tooShort(answer, options.minWords));
    }
    return findings;
  },
});

function missing(question: DetectionQuestion, range: RuleFinding['range']): RuleFinding {
  const keywords = DETECTION_KEYWORDS[question].map((k) => `"${k}"`).join(', ');
  return {
    message: `Detection does not answer "${DETECTION_HEADINGS[question]}": add a "### ${DETECTION_HEADINGS[question]}" subsection (or a heading with ${keywords}) and answer it`,
    range,
  };
}

function tooShort(answer: DetectionAnswer, minWords: number): RuleFinding[] {
  const words = countWords(answer.text);
  if (words >= minWords) return [];
  const what = words === 0 ? 'has no answer' : `is answered in ${plural(words, 'word')}`;
  return [
    {
      message: `"${answer.heading}" ${what}: answer it in at least ${minWords} words, with the facts that support the answer`,
      range: answer.headingRange,
    },
  ];
}
