import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { oneLine } from '../../src/util/text.js';

// What oneLine stands for, with the regular expression every time.
const byPattern = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('oneLine', () => {
  it.each([
    ['', ''],
    ['a', 'a'],
    ['a b', 'a b'],
    [' a', 'a'],
    ['a ', 'a'],
    ['a  b', 'a b'],
    ['a\nb', 'a b'],
    ['a\tb', 'a b'],
    ['a\u00a0b', 'a b'],
    ['a\u3000b', 'a b'],
    ['a\u200bb', 'a\u200bb'], // a zero-width space is no white space
    ['   ', ''],
  ])('reads %j as %j', (text, expected) => {
    expect(oneLine(text)).toBe(expected);
  });

  it('returns the same string when there is nothing to change', () => {
    const text = 'plain words, one space apart';
    expect(oneLine(text)).toBe(text);
  });

  it('gives what the regular expression gives, for any text', () => {
    const spaces = [
      ' ',
      '\t',
      '\n',
      '\r',
      '\v',
      '\f',
      '\u0085',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u200a',
      '\u200b',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
      '\u180e',
    ];
    const piece = fc.oneof(fc.constantFrom(...spaces), fc.string({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(oneLine(text)).toBe(byPattern(text));
      }),
      { numRuns: 5000 },
    );
    // Every UTF-16 code unit alone, and between letters.
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      expect(oneLine(`a${ch}b`)).toBe(byPattern(`a${ch}b`));
      expect(oneLine(ch)).toBe(byPattern(ch));
    }
  });
});
