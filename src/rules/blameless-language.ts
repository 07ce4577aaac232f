// Blameless language: no blaming words anywhere in the body prose, and no
// people's names or @handles in the five whys. Code is never read: a command
// or a log line is not a judgement of a person.
import { z } from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import type { CoeDocument, TextRun } from '../model/types.js';
import { rangeAt } from '../model/text.js';

// Words and phrases that judge a person rather than describe a condition,
// after the Google SRE book ("Postmortem Culture"), John Allspaw's "Blameless
// PostMortems and a Just Culture" (Etsy) and PagerDuty's postmortem guide.
export const BLAMING_WORDS: readonly string[] = [
  'human error',
  'human mistake',
  'operator error',
  'user error',
  'pilot error',
  'engineer error',
  'careless',
  'carelessly',
  'carelessness',
  'not careful',
  "wasn't careful",
  'negligent',
  'negligently',
  'negligence',
  'should have known',
  'should have known better',
  "should've known",
  'ought to have known',
  'should have noticed',
  'should have caught',
  'fault of',
  'at fault',
  'his fault',
  'her fault',
  'their fault',
  'blame',
  'blamed',
  'blames',
  'blaming',
  'sloppy',
  'incompetent',
  'incompetence',
  'reckless',
  'recklessly',
  'lazy',
  'laziness',
  'stupid',
  'stupidity',
  'dumb',
  'idiot',
  'irresponsible',
  'inattentive',
  'not paying attention',
  'lack of attention',
  'failed to follow',
  "didn't bother",
  'did not bother',
  'dropped the ball',
  'screwed up',
  'messed up',
  'fat-fingered',
  'fat finger',
  'bad judgment',
  'bad judgement',
  'poor judgment',
  'poor judgement',
  'rogue engineer',
];

// Options:
//   words:      replaces the default list (BLAMING_WORDS) when given;
//   extraWords: added to the list (house terms: "cowboy deploy", …);
//   allowWords: removed from the list (case folded), e.g. ["user error"] for a
//               team whose product reports "user error" as an HTTP status class;
//   names:      look for the authors' names and @handles in the five whys;
//   nameParts:  also a given name or a family name alone ("Dana", "Whitfield"),
//               matched with its capital, except parts that are also common
//               words ("Will", "Mark", "Long").
const options = z.strictObject({
  words: z.array(z.string().min(1)).optional(),
  extraWords: z.array(z.string().min(1)).default([]),
  allowWords: z.array(z.string().min(1)).default([]),
  names: z.boolean().default(true),
  nameParts: z.boolean().default(true),
});
type Options = z.output<typeof options>;

// Name parts that are also everyday words: not safe to match alone.
const COMMON_WORDS = new Set(
  'will mark grant bill may june april august rose chase pat sue art ray dawn hope faith joy max jack frank drew gene lee long black white young price cook king hill wood green brown bell page carter stone field rich case love bright summer winter miles earl'.split(
    ' ',
  ),
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BEFORE = '(?<![\\p{L}\\p{N}_-])';
const AFTER = '(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])';

/** A phrase matched whole; its spaces match any white space (a soft line break too), either apostrophe. */
function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => escape(word).replace(/['’]/g, "['’]"))
    .join('\\s+');
}

function wholePattern(phrases: string[], flags: string): RegExp | undefined {
  if (phrases.length === 0) return undefined;
  // Longest first, so "should have known better" wins over "should have known".
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return new RegExp(`${BEFORE}(?:${sorted.map(phraseSource).join('|')})${AFTER}`, flags);
}

export function blamingWords(o: Pick<Options, 'words' | 'extraWords' | 'allowWords'>): string[] {
  const allowed = new Set(o.allowWords.map((w) => w.trim().toLowerCase()));
  const all = [...(o.words ?? BLAMING_WORDS), ...o.extraWords];
  return [...new Set(all.map((w) => w.trim()))].filter((w) => w && !allowed.has(w.toLowerCase()));
}

function matches(run: TextRun, pattern: RegExp | undefined): { index: number; text: string }[] {
  if (!pattern) return [];
  return [...run.text.matchAll(pattern)].map((m) => ({ index: m.index, text: m[0] }));
}

const shown = (text: string) => text.replace(/\s+/g, ' ');

function wordFindings(doc: CoeDocument, pattern: RegExp | undefined): RuleFinding[] {
  return doc.prose.flatMap((run) =>
    matches(run, pattern).map((m) => ({
      message: `"${shown(m.text)}" judges a person, not the system: describe the condition that made the action possible (what made it easy to do, hard to notice, or hard to undo)`,
      range: rangeAt(run, m.index, m.text.length),
    })),
  );
}

// The authors' whole names (case folded) and, when safe, their parts as written.
function namePatterns(doc: CoeDocument, withParts: boolean): RegExp[] {
  const authors = (doc.frontmatter.data.authors ?? []).map((a) => a.trim()).filter(Boolean);
  const patterns: RegExp[] = [];
  const whole = wholePattern(authors, 'giu');
  if (whole) patterns.push(whole);
  if (withParts) {
    const parts = authors
      .flatMap((a) => a.split(/\s+/).filter((p, _, all) => all.length > 1 && p.length >= 3))
      .filter((p) => /^\p{Lu}/u.test(p) && !COMMON_WORDS.has(p.toLowerCase()));
    const part = wholePattern(parts, 'gu');
    if (part) patterns.push(part);
  }
  // @handles, not e-mail addresses: nothing name-like just before the "@".
  patterns.push(/(?<![\p{L}\p{N}_.@-])@[\p{L}\p{N}](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?/gu);
  return patterns;
}

function nameFindings(doc: CoeDocument, withParts: boolean): RuleFinding[] {
  const patterns = namePatterns(doc, withParts);
  return doc.prose
    .filter((run) => run.section === 'five-whys')
    .flatMap((run) => {
      const found: { index: number; text: string }[] = [];
      for (const pattern of patterns) {
        for (const m of matches(run, pattern)) {
          // A part inside a whole name already found is the same mention.
          if (!found.some((f) => m.index < f.index + f.text.length && f.index < m.index + m.text.length)) found.push(m);
        }
      }
      return found.map((m) => ({
        message: `The five whys name a person ("${shown(m.text)}"): name the role and the condition instead ("the on-call engineer", "the runbook did not say which host"); the analysis is about the system`,
        range: rangeAt(run, m.index, m.text.length),
      }));
    });
}

export default defineRule({
  meta: {
    id: 'blameless-language',
    severity: 'warn',
    description: 'No blaming words, and no names or @handles in the five whys',
    options,
    docs: {
      rationale:
        'A COE looks for the conditions that made a mistake possible, not for someone to blame: people who fear blame ' +
        'stop telling what really happened. The rule reports words that judge a person ("human error", "careless", ' +
        '"should have known", …) anywhere in the body except code, and the authors\' names or `@handles` in the five ' +
        'whys. Words match whole, so "blameless" is not "blame". The list can be replaced (`words`), extended ' +
        '(`extraWords`) or trimmed (`allowWords`).',
      fail: [
        '## Five whys',
        '',
        '- 3% of order placement calls failed for 70 minutes.',
        '  - Why did the impact last 70 minutes? Human error: @dana routed the alarm to a queue',
        '    that nobody watches at night, and should have known better.',
      ].join('\n'),
      pass: [
        '## Five whys',
        '',
        '- 3% of order placement calls failed for 70 minutes.',
        '  - Why did the impact last 70 minutes? The alarm paged a queue that nobody watches',
        '    at night: the paging tool lets an alarm target any queue, staffed or not.',
      ].join('\n'),
    },
  },
  check({ doc, options }) {
    const words = wholePattern(blamingWords(options), 'giu');
    const findings = wordFindings(doc, words);
    if (options.names) findings.push(...nameFindings(doc, options.nameParts));
    return findings;
  },
});
