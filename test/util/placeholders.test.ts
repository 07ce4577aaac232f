// The placeholder finder passes over a text that holds none of the marks
// every match holds: it must find what the pattern finds, in any text.
import { describe, expect, it } from 'vitest';
import { hasPlaceholder, placeholderFinder, placeholderPattern } from '../../src/util/placeholders.js';

const byPattern = (text: string, words?: string[]) =>
  [...text.matchAll(placeholderPattern(words))].map((m) => ({ index: m.index, text: m[0] }));

// Texts of pieces near and far from placeholders, each piece sometimes another.
function texts(count: number): string[] {
  const PIECES = [
    'TODO',
    'TBD',
    'FIXME',
    'todo',
    'TODOS',
    '?',
    '??',
    '???',
    '{',
    '{{',
    '}}',
    '}',
    'a',
    'é',
    '_',
    '-',
    ' ',
    '\n',
    'x.y',
    'N/A',
    '1',
  ];
  let seed = 99;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  return Array.from({ length: count }, () => {
    let text = '';
    for (let k = 1 + random(10); k > 0; k--) text += PIECES[random(PIECES.length)];
    return text;
  });
}

describe('placeholderFinder', () => {
  it('finds what the pattern finds, for the default words and for others', () => {
    let found = 0;
    for (const text of texts(20_000)) {
      const expected = byPattern(text);
      found += expected.length;
      expect(placeholderFinder()(text), JSON.stringify(text)).toEqual(expected);
      expect(hasPlaceholder(text)).toBe(expected.length > 0);
      expect(placeholderFinder(['N/A', 'x.y'])(text)).toEqual(byPattern(text, ['N/A', 'x.y']));
    }
    expect(found).toBeGreaterThan(2_000);
  });

  it('passes over prose that holds no mark, and finds each shape where one is', () => {
    const find = placeholderFinder();
    expect(find('The queue drained at 07:58 UTC; is checkout down?')).toEqual([]);
    expect(find('Owner: TBD, due {{date}}, ??? left')).toEqual([
      { index: 7, text: 'TBD' },
      { index: 16, text: '{{date}}' },
      { index: 26, text: '???' },
    ]);
  });
});
