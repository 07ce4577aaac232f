// The text of a block of raw HTML as a browser shows it, in pieces that
// know where they are written.
import { describe, expect, it } from 'vitest';
import { decodedPieces, shownPieces } from '../../src/util/html-text.js';

const shown = (html: string) =>
  shownPieces(html)
    .map((p) => p.text)
    .join('');

describe('shownPieces', () => {
  it('drops comments, however they end', () => {
    expect(shown('a<!-- x -->b<!---->c<!-->d<!--->e<!-- y --!>f')).toBe('abcdef');
    expect(shown('a<!-- not closed')).toBe('a');
  });

  it('drops inline tags, whatever their case and attributes, and makes any other tag a line end', () => {
    expect(shown('<P>a<B>b</B><span class="k" title=\'x>y\'>c</span><wbr>d<br/>e</p>')).toBe('\nabcd\ne\n');
    expect(shown('<td>a</td><td>b</td>')).toBe('\na\n\nb\n');
  });

  it('reads a tag as a browser does: a ">" in a quoted value is inside it, one after "=" unquoted ends it', () => {
    expect(shown('<a href="x>y" title=z>b</a>')).toBe('b');
    expect(shown('<a href=x"y>b"</a>')).toBe('b"');
    expect(shown('<a ="x>b">')).toBe('b">');
    expect(shown('<b\nclass="k"\n>x</b>')).toBe('x');
  });

  it('keeps a "<" that opens no tag, drops "</>", declarations and a tag left open', () => {
    expect(shown('a < b <3 </ x>c</>d<!DOCTYPE html><?php ?>e')).toBe('a < b <3 cde');
    expect(shown('a<b title="open')).toBe('a');
    expect(shown('a</')).toBe('a</');
  });

  it('decodes references as in HTML, only outside tags and comments', () => {
    expect(shown('AKIA&#73OSF &amp &copy; <b title="&#65;">&lt</b><!-- &#66; -->')).toBe('AKIAIOSF & © <');
  });

  it("says where each piece is written, and which are the block's own characters", () => {
    expect(shownPieces('<p>AK<b>IA</b>&#73x</p>')).toEqual([
      { text: '\n', at: 0, verbatim: false },
      { text: 'AK', at: 3, verbatim: true },
      { text: 'IA', at: 8, verbatim: true },
      { text: 'I', at: 14, verbatim: false },
      { text: 'x', at: 18, verbatim: true },
      { text: '\n', at: 19, verbatim: false },
    ]);
  });

  it('reads a long adversarial block in linear time', () => {
    for (const unit of ['<a "', '<!--', "<a x='", '&#', '&copy', '<b>', '</', '<!-- --', '<a b=c ', '<a title="x" ']) {
      const html = unit.repeat(200_000 / unit.length);
      const start = performance.now();
      shownPieces(html);
      decodedPieces(html);
      expect([unit, performance.now() - start < 1000]).toEqual([unit, true]);
    }
  });
});

describe('decodedPieces', () => {
  it('keeps tags and comments as written, decoding references in them too', () => {
    expect(
      decodedPieces('<p title="&#65">x<!-- &amp --></p>')
        .map((p) => p.text)
        .join(''),
    ).toBe('<p title="A">x<!-- & --></p>');
  });
});
