// Placeholders left from a template (format 4.1): `TODO`, `TBD`, `FIXME`,
// `???` standing alone, and `{{…}}`. A value that holds one is reported by
// `no-placeholders` alone; the rules about that value's form pass over it.

import { escapeRegExp, wholePattern } from './regex.js';

export const PLACEHOLDER_WORDS: readonly string[] = ['TODO', 'TBD', 'FIXME'];

/**
 * One pattern for every placeholder shape. Words match whole and in capitals
 * ("TODOS" and "a todo list" are not placeholders); `???` only standing alone,
 * not closing a question ("Is checkout down???").
 */
export function placeholderPattern(words: readonly string[] = PLACEHOLDER_WORDS): RegExp {
  const whole = words.length > 0 ? [wholePattern(words.map(escapeRegExp), '').source] : [];
  return new RegExp([...whole, '(?<!\\p{L}|\\p{N}|[_?])\\?{3,}(?!\\p{L}|\\p{N}|[_?])', '\\{\\{[^{}\\n]*\\}\\}'].join('|'), 'gu');
}

export interface Placeholder {
  index: number;
  text: string;
}

/**
 * Finds the placeholders of a text: the same as the pattern's matches. Every
 * match holds one of the words as written, "???" or "{{", and a text that
 * holds none is passed over without running the pattern, whose look-behinds
 * cost at every position: most prose holds no placeholder.
 */
export function placeholderFinder(words: readonly string[] = PLACEHOLDER_WORDS): PlaceholderFinder {
  const key = words.join('\0');
  let finder = finders.get(key);
  if (!finder) {
    // Configurations differ from file to file: keep the cache small.
    if (finders.size >= 64) finders.clear();
    finders.set(key, (finder = buildFinder(words)));
  }
  return finder;
}

export type PlaceholderFinder = (text: string) => Placeholder[];

// One finder for each list of words: the default list for nearly every file.
const finders = new Map<string, PlaceholderFinder>();

function buildFinder(words: readonly string[]): PlaceholderFinder {
  const pattern = placeholderPattern(words);
  const marks = [...words, '???', '{{'];
  return (text) =>
    marks.some((mark) => text.includes(mark)) ? [...text.matchAll(pattern)].map((m) => ({ index: m.index, text: m[0] })) : [];
}

const findDefault = placeholderFinder();

/** Whether a value holds a placeholder of the default shapes. */
export function hasPlaceholder(text: string | undefined): boolean {
  return !!text && findDefault(text).length > 0;
}
