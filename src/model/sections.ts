// The sections of section 3 of the format, and how a heading is matched.
import type { SectionKey } from './types.js';
import { oneLine } from '../util/text.js';

export interface SectionDef {
  key: SectionKey;
  canonical: string;
  aliases: string[];
  required: boolean;
}

export const SECTIONS: readonly SectionDef[] = [
  { key: 'impact', canonical: 'Impact', aliases: ['Impact summary', 'Customer impact'], required: true },
  { key: 'timeline', canonical: 'Timeline', aliases: ['Event timeline'], required: true },
  { key: 'five-whys', canonical: 'Five whys', aliases: ['5 whys', 'Root cause analysis'], required: true },
  { key: 'detection', canonical: 'Detection', aliases: ['Detection review'], required: true },
  { key: 'dependencies', canonical: 'Dependencies', aliases: ['Dependency review'], required: true },
  { key: 'lessons', canonical: 'Lessons', aliases: ['Lessons learned', 'Learnings'], required: true },
  { key: 'action-items', canonical: 'Action items', aliases: ['Actions', 'Corrective actions'], required: true },
  { key: 'mitigation', canonical: 'Mitigation', aliases: ['Mitigation and recovery'], required: false },
  { key: 'customer-summary', canonical: 'Customer summary', aliases: ['Customer-facing summary'], required: false },
  { key: 'communication', canonical: 'Communication', aliases: ['Customer communication'], required: false },
];

export const SECTION_KEYS = SECTIONS.map((s) => s.key) as SectionKey[];

// Emoji and what builds them up: keycaps ("1️⃣"), skin tones, joiners (ZWJ
// sequences), variation selectors and tags (subdivision flags). Emoji_Component
// also holds the ASCII "#", "*" and digits, which stay unless they form a keycap.
const EMOJI = /[#*0-9][\u{FE0E}\u{FE0F}]?\u{20E3}|[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0E}]|(?![#*0-9])\p{Emoji_Component}/gu;

/**
 * Folds a heading for matching: case folded, leading numbering ("3.", "III.",
 * "2)", "(2)") dropped, emoji, invisible characters and trailing punctuation
 * dropped, a hyphen between letters read as a space ("Five-whys",
 * "Customer facing summary"), spaces collapsed.
 */
export function normalizeHeading(heading: string): string {
  const folded = heading
    .normalize('NFKC')
    .replace(EMOJI, ' ')
    // Invisible format characters (a soft hyphen, a zero-width space) are not read.
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/^(?:\d+(?:\.\d+)+[.)]?|\d+[.)]|\d+\s*[-\u2013\u2014:]|[ivxlcdm]+[.)]|[a-z][.)]|\((?:\d+|[ivxlcdm]+|[a-z])\))\s*/u, '');
  return oneLine(trimTrailing(folded).replace(/(?<=\p{L})[-\u2010\u2011](?=\p{L})/gu, ' '));
}

const TRAILING = /^[\s\p{P}]$/u;

// Drops trailing spaces and punctuation. A loop, not /[\s\p{P}]+$/: that
// regex tries every start in a long run of punctuation followed by a letter,
// which takes seconds on a heading of 100,000 characters.
function trimTrailing(text: string): string {
  const chars = Array.from(text);
  let end = chars.length;
  while (end > 0 && TRAILING.test(chars[end - 1]!)) end--;
  return end === chars.length ? text : chars.slice(0, end).join('');
}

export type SectionAliases = Partial<Record<SectionKey, string[]>>;

type HeadingMatcher = (heading: string) => SectionKey | undefined;

// One matcher for each aliases object: a run reads every file with the same
// configuration, and the table folds some thirty names.
const matchers = new WeakMap<SectionAliases, HeadingMatcher>();
const NO_ALIASES: SectionAliases = {};

/** Maps a folded heading to its section key, with extra aliases from configuration. */
export function headingMatcher(extra: SectionAliases = NO_ALIASES): HeadingMatcher {
  let matcher = matchers.get(extra);
  if (!matcher) matchers.set(extra, (matcher = buildMatcher(extra)));
  return matcher;
}

function buildMatcher(extra: SectionAliases): HeadingMatcher {
  const table = new Map<string, SectionKey>();
  for (const def of SECTIONS) {
    for (const name of [def.canonical, ...def.aliases, ...(extra[def.key] ?? [])]) {
      table.set(normalizeHeading(name), def.key);
    }
  }
  return (heading) => table.get(normalizeHeading(heading));
}
