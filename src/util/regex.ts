// Regular expressions built from text: escaping, and one meaning of "whole"
// for every word, name and id the tool looks for.

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Letters and digits in a pattern are an alternation, `\p{L}|\p{N}`, rather
// than one class `[\p{L}\p{N}]`, which matches the same character: V8 builds
// such a class by putting N's ranges into L's one at a time, about a million
// instructions each time it parses a pattern (twice for one that runs), where
// two classes side by side cost a fiftieth of that, and a start of `coe lint`
// parses some forty such patterns. A one-character test run very often
// (util/terms.ts) keeps the class, which matches a little faster.

/**
 * A word stands whole when it is not inside a longer name: no letter, digit,
 * "_" or "-" just before it, and no letter, digit or "_" just after it, nor a
 * hyphen that joins another word ("orders-api-v2"). "L7-balancer" holds no
 * `L7`, "XAI-9" no `AI-9`; "TODO:" and "orders-api-" do.
 */
export const WHOLE_BEFORE = '(?<!\\p{L}|\\p{N}|[_-])';
export const WHOLE_AFTER = '(?!-?(?:\\p{L}|\\p{N})|_)';

/** A pattern that finds any of `sources` (regular expression sources) whole. */
export function wholePattern(sources: string[], flags: string): RegExp {
  const alternatives = sources.length === 1 ? sources[0]! : `(?:${sources.join('|')})`;
  return new RegExp(`${WHOLE_BEFORE}${alternatives}${WHOLE_AFTER}`, flags.includes('u') ? flags : `${flags}u`);
}
