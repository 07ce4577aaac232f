// Blameless language: no blaming words anywhere in the body prose, and no
// people's names or @handles in the five whys. Code is never read: a command
// or a log line is not a judgement of a person.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import type { CoeDocument } from '../model/types.js';
import { rangeAt } from '../model/text.js';
import { pushAll } from '../util/arrays.js';
import { faultsOfPeople, hitsOf, isNegated, phraseFinder, type Hit, type PhraseFinder } from '../util/blame.js';

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
//               words ("Will", "Mark", "Long");
//   teams:      @handles of teams, not people (the COE's owner is one already).
const options = z.strictObject({
  words: z.array(z.string().min(1)).optional(),
  extraWords: z.array(z.string().min(1)).default([]),
  allowWords: z.array(z.string().min(1)).default([]),
  names: z.boolean().default(true),
  nameParts: z.boolean().default(true),
  teams: z.array(z.string().min(1)).default([]),
});
type Options = z.output<typeof options>;

// Name parts that are also everyday words: not safe to match alone.
const COMMON_WORDS = new Set(
  'will mark grant bill may june april august rose chase pat sue art ray dawn hope faith joy max jack frank drew gene lee long black white young price cook king hill wood green brown bell page carter stone field rich case love bright summer winter miles earl'.split(
    ' ',
  ),
);

export function blamingWords(o: Pick<Options, 'words' | 'extraWords' | 'allowWords'>): string[] {
  const allowed = new Set(o.allowWords.map((w) => w.trim().toLowerCase()));
  const all = [...(o.words ?? BLAMING_WORDS), ...o.extraWords];
  return [...new Set(all.map((w) => w.trim()))].filter((w) => w && !allowed.has(w.toLowerCase()));
}

const shown = (text: string) => text.replace(/\s+/g, ' ');

const CONDITION = 'describe the condition that made the action possible (what made it easy to do, hard to notice, or hard to undo)';

// Blaming words outside negated clauses, and fault words attached to a person.
function wordFindings(doc: CoeDocument, find: PhraseFinder): RuleFinding[] {
  const people = {
    names: new Set(
      authorsOf(doc)
        .flatMap((a) => [a, ...a.split(/\s+/)])
        .map((n) => n.toLowerCase()),
    ),
  };
  return doc.prose.flatMap((run) => {
    const words = find(run.text).filter((m) => !isNegated(run.text, m.index));
    const faults = faultsOfPeople(run.text, people).filter((f) => !words.some((w) => overlaps(w, f)));
    return [
      ...words.map((m) => ({
        message: `"${shown(m.text)}" judges a person, not the system: ${CONDITION}`,
        range: rangeAt(run, m.index, m.text.length),
      })),
      ...faults.map((m) => ({
        message: `"${shown(m.text)}" attaches a fault to a person: ${CONDITION}`,
        range: rangeAt(run, m.index, m.text.length),
      })),
    ];
  });
}

const overlaps = (a: Hit, b: Hit) => a.index < b.index + b.text.length && b.index < a.index + a.text.length;

function authorsOf(doc: CoeDocument): string[] {
  return (doc.frontmatter.data.authors ?? []).map((a) => a.trim()).filter(Boolean);
}

// The authors' whole names (case folded) and, when safe, their parts as
// written. A one-word name that is also an everyday word ("Mark", "Will")
// is a name only capitalized: "did not mark" and "will fire" are not.
function nameFinders(doc: CoeDocument, withParts: boolean): PhraseFinder[] {
  const authors = authorsOf(doc);
  const everyday = (a: string) => !/\s/.test(a) && COMMON_WORDS.has(a.toLowerCase());
  const finders: PhraseFinder[] = [
    phraseFinder(
      authors.filter((a) => !everyday(a)),
      'giu',
    ),
    phraseFinder(
      authors.filter(everyday).map((a) => a[0]!.toUpperCase() + a.slice(1).toLowerCase()),
      'gu',
    ),
  ];
  if (withParts) {
    const parts = authors
      .flatMap((a) => a.split(/\s+/).filter((p, _, all) => all.length > 1 && p.length >= 3))
      .filter((p) => /^\p{Lu}/u.test(p) && !COMMON_WORDS.has(p.toLowerCase()));
    finders.push(phraseFinder(parts, 'gu'));
  }
  // @handles, not e-mail addresses: nothing name-like just before the "@".
  finders.push((text) => (text.includes('@') ? hitsOf(text, HANDLE) : []));
  return finders;
}

const HANDLE = /(?<!\p{L}|\p{N}|[_.@-])@(?:\p{L}|\p{N})(?:(?:\p{L}|\p{N}|[_.-])*(?:\p{L}|\p{N}|_))?/gu;

// An @handle of the COE's owner, or of a team the options name, is a team, not a person.
function teamHandles(doc: CoeDocument, teams: string[]): Set<string> {
  const owner = doc.frontmatter.data.owner?.trim();
  return new Set([...teams, ...(owner ? [owner] : [])].map((t) => t.trim().replace(/^@/, '').toLowerCase()));
}

function nameFindings(doc: CoeDocument, withParts: boolean, teams: string[]): RuleFinding[] {
  const finders = nameFinders(doc, withParts);
  const isTeam = (text: string) => text.startsWith('@') && teamHandles(doc, teams).has(text.slice(1).toLowerCase());
  return doc.prose
    .filter((run) => run.section === 'five-whys')
    .flatMap((run) => {
      const found: { index: number; text: string }[] = [];
      for (const find of finders) {
        for (const m of find(run.text)) {
          if (isTeam(m.text)) continue;
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
        'whys. Words match whole, so "blameless" is not "blame", and a word in a negated clause ("nobody was ' +
        'careless", "not the fault of any engineer") is not blame. A fault word attached to a person is ("Dana\'s ' +
        'mistake", "his error", "a mistake by the on-call engineer"). An `@handle` of the COE\'s owner, or one listed ' +
        'in `teams`, names a team, not a person. A name matches case folded, whole; a part of a name (with ' +
        '`nameParts`) only as written, capitalized, and only when it is not also an everyday word; an author of one ' +
        'word that is also an everyday word ("Mark", "Will") only capitalized, so "did not mark" is no name. ' +
        'The list can be replaced (`words`), extended (`extraWords`) or ' +
        'trimmed (`allowWords`).',
      fail: dedent(`
        ## Five whys

        - 3% of order placement calls failed for 70 minutes.
          - Why did the impact last 70 minutes? Human error: @dana should have known better {blameless-language} {blameless-language} {blameless-language}
            than to route the alarm to a queue that nobody watches at night.
      `),
      pass: dedent(`
        ## Five whys

        - 3% of order placement calls failed for 70 minutes.
          - Why did the impact last 70 minutes? The alarm paged a queue that nobody watches
            at night: the paging tool lets an alarm target any queue, staffed or not.
      `),
    },
  },
  check({ doc, options }) {
    const words = phraseFinder(blamingWords(options), 'giu');
    const findings = wordFindings(doc, words);
    if (options.names) pushAll(findings, nameFindings(doc, options.nameParts, options.teams));
    return findings;
  },
});
