// Impact is a narrative: enough paragraphs and words, prose rather than lists.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import { headingOf } from './util.js';
import { plural } from '../util/text.js';
import { hasPlaceholder } from '../util/placeholders.js';

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
    docs: {
      rationale:
        'The Impact section is read first, by leaders and other teams, and it becomes the customer-facing RCA, so it must stand on its own: a narrative of what customers experienced from the start of impact to its end, hitting each key milestone. A few bullet points leave out who was affected, what they saw and for how long. By default the section needs at least 2 paragraphs (`minParagraphs`) and 80 words (`minWords`), with at least half of its words in paragraphs rather than lists or tables (`minProseShare`).',
      fail: dedent(`
        ## Impact {impact-narrative} {impact-narrative}

        - 14:05 notifications delayed {impact-narrative}
        - 14:30 status page updated
        - 15:20 backlog cleared
      `),
      pass: dedent(`
        ## Impact

        Between 14:05 and 15:20 UTC on September 3, 2025, merchants in the us-east-2
        region received payment notifications between 5 and 40 minutes late. Payments
        themselves succeeded, but merchants who wait for a notification before they
        ship an order held those orders until the notification arrived.

        We were alerted at 14:09 UTC, posted a status page notice at 14:30 UTC, and
        cleared the backlog by 15:20 UTC, when notifications were on time again. No
        notification was lost, and every merchant received each notification once.
      `),
    },
  },
  check({ doc, options }) {
    const impact = doc.impact;
    // A narrative still left as a placeholder is reported by no-placeholders alone.
    if (!impact || impact.paragraphs.some((p) => hasPlaceholder(p.text))) return [];
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
        message: `Impact is mostly ${kindsOf(impact.otherBlocks)}; tell it as a narrative in paragraphs (keep figures, but in sentences)`,
        range: impact.otherBlocks[0]?.range ?? range,
      });
    }
    return findings;
  },
});

const KINDS: Record<string, string> = { list: 'lists', table: 'tables', code: 'code blocks' };

// Names what the words are in, so the message never calls a code block a list.
function kindsOf(blocks: { type: string }[]): string {
  const kinds = [...new Set(blocks.map((b) => KINDS[b.type] ?? 'blocks other than paragraphs'))];
  return kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)!}` : (kinds[0] ?? 'lists');
}
