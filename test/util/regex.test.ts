// anyWordSource: a trie of words that finds a match wherever the plain
// alternation of the same words does (util/regex.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyWordSource, escapeRegExp } from '../../src/util/regex.js';

const plain = (words: string[], flags: string) => new RegExp(words.map(escapeRegExp).join('|'), flags);
const trie = (words: string[], flags: string) => new RegExp(anyWordSource(words), flags);

describe('anyWordSource', () => {
  it('shares the words’ beginnings', () => {
    expect(anyWordSource(['careless', 'careful', 'blame', 'blaming'])).toBe('(?:care(?:less|ful)|blam(?:e|ing))');
    expect(anyWordSource(['lazy', 'laziness', 'lazi'])).toBe('laz(?:y|i(?:ness)?)');
    expect(anyWordSource(['error'])).toBe('error');
  });

  it('escapes what a pattern would read as syntax', () => {
    const words = ['a.b', 'a+b', '(x)', 'slip-up', 'c|d', '$1'];
    for (const w of words) expect(trie(words, 'u').test(`say ${w} now`)).toBe(true);
    expect(trie(words, 'u').test('aXb a++b x c d')).toBe(false);
  });

  it('keeps a surrogate pair whole under the u flag', () => {
    const words = ['\u{1F600}x', '\u{1F601}y'];
    expect(trie(words, 'u').test('a \u{1F601}y')).toBe(true);
    expect(trie(words, 'u').test('a \u{1F601}x')).toBe(false);
  });

  it('finds a match in the same texts as the plain alternation, case folded or not', () => {
    const letters = fc.constantFrom('a', 'b', 'c', 'K', 'k', '\u212A', 's', '\u017F', 'S', '-', '.', ' ', 'é', 'E\u0301');
    const word = fc.array(letters, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.array(letters, { maxLength: 30 }),
        fc.constantFrom('u', 'iu'),
        (words, text, flags) => {
          const t = text.join('');
          expect(trie(words, flags).test(t)).toBe(plain(words, flags).test(t));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
