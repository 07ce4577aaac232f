// Character references: as Markdown reads them (a ";" needed) and as a
// browser reads them in the text of raw HTML (numbers and legacy names without one).
import { describe, expect, it } from 'vitest';
import { decodeReferences, htmlReferenceAt } from '../../src/util/character-references.js';

describe('decodeReferences, as Markdown reads references', () => {
  it('decodes only references that end with ";"', () => {
    expect(decodeReferences('&#73;&#x49;&amp;&copy;')).toBe('II&©');
    expect(decodeReferences('&#73 &#x49 &amp &copy &unknown;')).toBe('&#73 &#x49 &amp &copy &unknown;');
  });

  it('reads a number as a browser does: 0x80 to 0x9F as Windows-1252, NUL and a surrogate as U+FFFD', () => {
    expect(decodeReferences('&#150;&#x80;&#129;&#0;&#xD800;&#160;')).toBe('\u2013\u20ac\u0081\ufffd\ufffd\u00a0');
  });
});

describe('htmlReferenceAt, as a browser reads references in the text of raw HTML', () => {
  const read = (text: string) => htmlReferenceAt(text, 0);

  it('reads a number without ";" up to its last digit', () => {
    expect(read('&#73OSF')).toEqual({ value: 'I', length: 4 });
    expect(read('&#x49OSF')).toEqual({ value: 'I', length: 5 });
    expect(read('&#X4fx')).toEqual({ value: 'O', length: 5 });
    expect(read('&#73;OSF')).toEqual({ value: 'I', length: 5 });
  });

  it('reads any number of digits, and an invalid code point as U+FFFD', () => {
    expect(read('&#0000000073;')).toEqual({ value: 'I', length: 13 });
    expect(read('&#99999999999999999999;')).toEqual({ value: '\ufffd', length: 23 });
    expect(read('&#0;')).toEqual({ value: '\ufffd', length: 4 });
    expect(read('&#xD800;')).toEqual({ value: '\ufffd', length: 8 });
  });

  it('reads 0x80 to 0x9F as Windows-1252, as a browser does, where it has a character', () => {
    expect(read('&#150;')).toEqual({ value: '\u2013', length: 6 });
    expect(read('&#x80')).toEqual({ value: '\u20ac', length: 5 });
    expect(read('&#159;')).toEqual({ value: '\u0178', length: 6 });
    expect(read('&#129;')).toEqual({ value: '\u0081', length: 6 });
    expect(read('&#127;')).toEqual({ value: '\u007f', length: 6 });
    expect(read('&#160;')).toEqual({ value: '\u00a0', length: 6 });
  });

  it('reads a legacy name without ";", the longest one the text starts with', () => {
    expect(read('&amp')).toEqual({ value: '&', length: 4 });
    expect(read('&lt;b')).toEqual({ value: '<', length: 4 });
    expect(read('&copyright')).toEqual({ value: '©', length: 5 });
    expect(read('&notit;')).toEqual({ value: '¬', length: 4 });
  });

  it('reads any other name only with its ";"', () => {
    expect(read('&notin;')).toEqual({ value: '∉', length: 7 });
    expect(read('&hellip;')).toEqual({ value: '…', length: 8 });
    expect(read('&hellip')).toBeUndefined();
  });

  it('reads nothing that is not a reference', () => {
    for (const text of ['&', '& b', '&#', '&#;', '&#x', '&#xg', '&unknown;', 'a']) expect([text, read(text)]).toEqual([text, undefined]);
  });

  it('reads at the index it is given', () => {
    expect(htmlReferenceAt('AKIA&#73OSF', 4)).toEqual({ value: 'I', length: 4 });
  });
});
