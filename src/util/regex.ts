// Regular expressions built from text: escaping, and one meaning of "whole"
// for every word, name and id the tool looks for.

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern source that finds any of the words, written as a trie:
 * "care(?:less|ful)" for "careless|careful". V8 tries the alternatives of a
 * plain list one after another at each place of the text, and those of a
 * trie only where their first characters match: a test for any of 38 words
 * over prose runs twice as fast. The same places hold a match, but where
 * one word is the start of another the alternative taken may differ, so
 * use it to test, not to read what matched.
 */
export function anyWordSource(words: Iterable<string>): string {
  interface Node {
    next: Map<string, Node>;
    end: boolean;
  }
  const root: Node = { next: new Map(), end: false };
  for (const word of words) {
    let node = root;
    // By code point: a pattern with the u flag cannot split a surrogate pair.
    for (const c of word) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    const branches = [...node.next].map(([c, child]) => escapeRegExp(c) + emit(child));
    if (branches.length === 0) return '';
    const group = branches.length === 1 && !node.end ? branches[0]! : `(?:${branches.join('|')})`;
    return node.end ? `${group}?` : group;
  };
  return emit(root);
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
