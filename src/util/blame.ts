// Language that blames a person (format 4.1): a blaming word outside a
// negated clause ("nobody was careless" is not blame), and a fault word
// attached to a person ("Dana's mistake", "his error", "a mistake by the
// on-call engineer", "the operator made an error").

import { anyWordSource, escapeRegExp, wholePattern } from './regex.js';

export interface Hit {
  index: number;
  text: string;
}

/** A phrase matched whole; its spaces match any white space (a soft line break too), either apostrophe. */
function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/['\u2019]/g, "['’]"))
    .join('\\s+');
}

/** One pattern for a list of phrases, matched whole, longest first. */
export function phrasePattern(phrases: string[], flags: string): RegExp | undefined {
  if (phrases.length === 0) return undefined;
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return wholePattern(sorted.map(phraseSource), flags);
}

/** Finds phrases in a text; the same hits as the phrase pattern, sooner. */
export type PhraseFinder = (text: string) => Hit[];

/**
 * A finder of phrases matched whole. A text that holds no key word of any
 * phrase (its longest plain ASCII word) cannot match, and is passed over
 * without running the phrase pattern, whose Unicode word boundaries are
 * costly: most prose holds no blaming word.
 */
export function phraseFinder(phrases: string[], flags: string): PhraseFinder {
  const key = `${flags}\0${phrases.join('\0')}`;
  let finder = finders.get(key);
  if (!finder) {
    // Authors differ from file to file: keep the cache small.
    if (finders.size >= 256) finders.clear();
    finders.set(key, (finder = buildFinder(phrases, flags)));
  }
  return finder;
}

// Compiling a large Unicode pattern costs more than running it: one per list of phrases.
const finders = new Map<string, PhraseFinder>();

function buildFinder(phrases: string[], flags: string): PhraseFinder {
  const pattern = phrasePattern(phrases, flags);
  if (!pattern) return () => [];
  const keys = phrases.map(keyWord);
  // The same case folding as the pattern (with 'u', "s" also matches "ſ").
  const prefilter = keys.every((k) => k !== undefined)
    ? new RegExp(anyWordSource(fewestKeys(keys as string[])), flags.includes('i') ? 'iu' : 'u')
    : undefined;
  return (text) => (prefilter && !prefilter.test(text) ? [] : hitsOf(text, pattern));
}

// Each key once, and none that holds another: a text that holds "carelessly"
// holds "careless". (Each key is compared with every other: for a long list
// of configured phrases, only once each.)
function fewestKeys(keys: string[]): string[] {
  const unique = [...new Set(keys)];
  if (unique.length > 500) return unique;
  return unique.filter((key) => !unique.some((other) => other !== key && key.includes(other)));
}

// The longest word of a phrase with no apostrophe (written either way) and no other letter than ASCII.
function keyWord(phrase: string): string | undefined {
  const words = phrase
    .trim()
    .split(/\s+/)
    .filter((w) => !/['\u2019]/.test(w));
  const longest = words.sort((a, b) => b.length - a.length)[0];
  return longest && /^[\x20-\x7e]+$/.test(longest) ? longest : undefined;
}

export function hitsOf(text: string, pattern: RegExp | undefined): Hit[] {
  if (!pattern) return [];
  return [...text.matchAll(pattern)].map((m) => ({ index: m.index, text: m[0] }));
}

// A clause ends at sentence punctuation, a dash, a bracket or a contrasting word.
const CLAUSE_BREAK = /[.;:!?\u2014\u2013()[\]"\u201C\u201D]|\s-\s|\b(?:but|however|although|though|yet|whereas)\b/giu;
const NEGATION =
  /(?<!\p{L}|\p{N})(?:no|not|nobody|no-one|none|never|neither|nor|without|cannot)(?!\p{L}|\p{N})|\bno\s+one\b|n['\u2019]t(?![\p{L}])/iu;

/** Whether the clause before `index` negates what follows ("nobody was careless", "not the fault of"). */
export function isNegated(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 200), index);
  let start = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) start = m.index + m[0].length;
  return NEGATION.test(before.slice(start));
}

// Nouns for people in a role: "the night operator", "an on-call engineer".
const ROLES =
  'engineer engineers operator operators developer developers dev devs admin admins administrator administrators sre sres on-call oncall on-caller responder responders employee employees staff person people human humans technician technicians analyst analysts manager managers lead intern interns contractor contractors author authors reviewer reviewers deployer deployers teammate teammates colleague colleagues coworker coworkers owner owners user users customer customers team-member someone somebody he she they';
const ROLE_WORDS = new Set(ROLES.split(' '));

// Faults that only people commit, and "error", which systems have too.
const PERSONAL_FAULTS =
  'mistake|mistakes|fault|faults|oversight|oversights|blunder|blunders|slip-up|slip-ups|lapse|lapses|misstep|missteps|screw-up|screw-ups';
const FAULTS = `${PERSONAL_FAULTS}|error|errors`;
// "error rate", "the engineer's error dashboard", "error-tracking": the fault
// word is part of a noun about a system, or about what shows its errors.
const COMPOUND_NOUNS = [
  'rate count budget code message log page handler spike percentage ratio metric response state path type threshold alarm dashboard',
  'graph chart panel report alert monitor tracker trace queue signal field flag banner screen dialog output stream total volume',
  'level condition view widget tab feed digest',
].join(' ');
const COMPOUND = new RegExp(
  `^(?:-\\p{L}|\\s+(?:${COMPOUND_NOUNS.split(' ')
    .map((noun) => `${noun}s?`)
    .join(
      '|',
    )}|class|classes|handling|monitoring|tracking|logging|reporting|query|queries|search|searches|summary|summaries)(?!\\p{L}|\\p{N}))`,
  'iu',
);

const POSSESSIVE = new RegExp(
  `(?<!\\p{L}|\\p{N}|[_@-])(@?[\\p{L}](?:\\p{L}|\\p{N}|[_.-])*)['’]s\\s+(?:own\\s+|small\\s+|simple\\s+|honest\\s+|obvious\\s+|big\\s+)?(${FAULTS})(?!\\p{L}|\\p{N})`,
  'gu',
);
const PRONOUN = new RegExp(`(?<!\\p{L}|\\p{N})(?:his|her|their|my|your)\\s+(?:own\\s+)?(?:${FAULTS})(?!\\p{L}|\\p{N})`, 'giu');
const BY = new RegExp(
  `(?<!\\p{L}|\\p{N})(${FAULTS})\\s+(?:(?:made|committed)\\s+)?by\\s+(?:the\\s+|an?\\s+|our\\s+|one\\s+|their\\s+)?((?:[@\\p{L}](?:\\p{L}|\\p{N}|[_.-])*\\s+){0,2}[@\\p{L}](?:\\p{L}|\\p{N}|[_.-])*)`,
  'giu',
);
const MADE = new RegExp(
  `(?<!\\p{L}|\\p{N})((?:the\\s+|an?\\s+|our\\s+)?(?:[\\p{L}](?:\\p{L}|\\p{N}|[_-])*\\s+)?[@\\p{L}](?:\\p{L}|\\p{N}|[_.-])*)\\s+(?:made|committed)\\s+(?:a|an|the|one|several|two|three|many)\\s+(?:\\p{L}+\\s+)?(${FAULTS})(?!\\p{L}|\\p{N})`,
  'giu',
);

export interface PersonWords {
  /** Authors' names and their parts, lower case. */
  names: Set<string>;
}

// Whether a word names a person: a role, a known name, an @handle, or (for
// faults only people commit) any capitalised name.
function isPerson(word: string, people: PersonWords, personalFault: boolean): boolean {
  const w = word.replace(/[.]+$/, '');
  if (w.startsWith('@')) return true;
  const lower = w.toLowerCase();
  if (ROLE_WORDS.has(lower) || people.names.has(lower)) return true;
  return personalFault && /^\p{Lu}\p{Ll}/u.test(w);
}

const PERSONAL = new RegExp(`^(?:${PERSONAL_FAULTS})$`, 'iu');
const isPersonal = (fault: string) => PERSONAL.test(fault);

/** Fault words attached to a person, outside negated clauses. */
// Each pattern below holds a fault word: text with none is passed over.
const MAYBE_FAULT = /mistake|fault|oversight|blunder|slip-up|lapse|misstep|screw-up|error/iu;

export function faultsOfPeople(text: string, people: PersonWords): Hit[] {
  const hits: Hit[] = [];
  if (!MAYBE_FAULT.test(text)) return hits;
  const keep = (index: number, whole: string) => {
    if (COMPOUND.test(text.slice(index + whole.length, index + whole.length + 20))) return;
    if (isNegated(text, index)) return;
    hits.push({ index, text: whole });
  };
  // Each pattern needs a word of its own: the costly ones run only where it is.
  const possessive = /['\u2019]s/u.test(text) ? text.matchAll(POSSESSIVE) : [];
  for (const m of possessive) {
    if (isPerson(m[1]!, people, isPersonal(m[2]!))) keep(m.index, m[0]);
  }
  const pronoun = /his|her|their|my|your/iu.test(text) ? text.matchAll(PRONOUN) : [];
  for (const m of pronoun) keep(m.index, m[0]);
  const by = /by/iu.test(text) ? text.matchAll(BY) : [];
  for (const m of by) {
    const words = m[2]!.split(/\s+/);
    if (words.some((w) => isPerson(w, people, isPersonal(m[1]!)))) keep(m.index, m[0]);
  }
  const made = /made|committed/iu.test(text) ? text.matchAll(MADE) : [];
  for (const m of made) {
    const words = m[1]!.split(/\s+/).filter((w) => !/^(?:the|an?|our)$/i.test(w));
    if (words.some((w) => isPerson(w, people, isPersonal(m[2]!)))) keep(m.index, m[0]);
  }
  return hits;
}
