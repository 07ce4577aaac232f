// Impact is a narrative: enough paragraphs and words, prose rather than lists.
import { z } from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import { headingOf, plural } from './util.js';

export default defineRule({
  meta: {
    id: 'impact-narrative',
    severity: 'warn',
    description: 'The Impact section is a narrative of what customers experienced: enough paragraphs and words, mostly prose',
    options: z.strictObject({
      minParagraphs: z.number().int().min(0).default(2),
      minWords: z.number().int().min(0).default(80),
      /** Least share of the words that must be in paragraphs. */
      minProseShare: z.number().min(0).max(1).default(0.5),
    }),
  },
  check({ doc, options }) {
    const impact = doc.impact;
    if (!impact) return [];
    const range = headingOf(doc, 'impact');
    const findings: RuleFinding[] = [];
    const paragraphs = impact.paragraphs.length;
    if (paragraphs < options.minParagraphs) {
      findings.push({
        message: `Impact has ${plural(paragraphs, 'paragraph')}; write at least ${options.minParagraphs} telling what customers experienced from start to end of impact`,
        range,
      });
    }
    if (impact.words < options.minWords) {
      findings.push({
        message: `Impact has ${plural(impact.words, 'word')}; write at least ${options.minWords}: who was affected, what they saw, for how long, and each key milestone`,
        range,
      });
    }
    const proseWords = impact.paragraphs.reduce((n, p) => n + p.words, 0);
    if (impact.words > 0 && proseWords / impact.words < options.minProseShare) {
      findings.push({
        message: 'Impact is mostly lists or tables; tell it as a narrative in paragraphs (keep figures, but in sentences)',
        range: impact.otherBlocks[0]?.range ?? range,
      });
    }
    return findings;
  },
});
