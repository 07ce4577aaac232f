// textOf and countWords: the text a reader sees, which is what prose rules
// measure; renderedLeaves and joinLeaves: a block's text as a reader sees it,
// with where each character is in the file.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { countWords, joinLeaves, renderedLeaves, textOf } from '../../src/model/text.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

const text = (markdown: string) => textOf(parseMarkdown(markdown));

describe('textOf', () => {
  it('leaves out inline HTML comments, which never render', () => {
    expect(text('Not yet. <!-- say which failures we would miss -->')).toBe('Not yet.');
    expect(countWords(text('Not yet. <!-- say which failures we would miss -->'))).toBe(2);
  });

  it('joins the text around a comment as a reader reads it', () => {
    expect(text('cell-<!-- x -->router failed')).toBe('cell-router failed');
  });

  it('leaves out a comment across lines, and one in a block quote', () => {
    expect(text('Orders failed. <!-- add the error\nrate (3%) -->\nThen recovered.')).toBe('Orders failed. Then recovered.');
    expect(text('> Quoted words.\n>\n> <!-- a reviewer note -->')).toBe('Quoted words.');
  });

  it('keeps other inline HTML as before', () => {
    expect(text('H<sub>2</sub>O')).toBe('H<sub>2</sub>O');
  });

  it('keeps words apart across blocks, list items and cells', () => {
    expect(text('- one\n- two\n\n| a | b |\n|---|---|\n| c | d |')).toBe('one two a b c d');
  });
});

// The first paragraph or block of HTML, in a list or not.
const firstBlock = (node: Nodes): Nodes => {
  if (node.type === 'paragraph' || node.type === 'html' || !('children' in node)) return node;
  return firstBlock(node.children[0]!);
};

describe('renderedLeaves and joinLeaves', () => {
  // Each text of the first block, joined: its own, then its alt texts.
  const texts = (markdown: string) => {
    const lines = markdown.split('\n');
    return renderedLeaves(firstBlock(parseMarkdown(markdown)), lines).map(({ leaves, differs }) => ({
      ...joinLeaves(leaves, lines),
      differs,
    }));
  };
  const read = (markdown: string) => texts(markdown)[0]!;

  it('read a paragraph across emphasis, references and comments, each character at its place in the file', () => {
    const r = read('Key AKIA*IOSF*&#79;DNN <!-- x -->end\\\nnext');
    expect(r.text).toBe('Key AKIAIOSFODNN end\nnext');
    expect(r.differs).toBe(true);
    const at = (s: string) => r.pointAt(r.text.indexOf(s));
    expect([at('IOSF'), at('ODNN'), at('DNN'), at('end'), at('next')]).toEqual([
      { line: 1, column: 10 },
      { line: 1, column: 15 },
      { line: 1, column: 20 },
      { line: 1, column: 34 },
      { line: 2, column: 1 },
    ]);
  });

  it('place a line break, which has no place of its own, at the end of the text before it', () => {
    const r = read('Key AKIA*IOSF*&#79;DNN <!-- x -->end\\\nnext');
    expect(r.pointAt(r.text.indexOf('\n'))).toEqual({ line: 1, column: 37 });
  });

  it('tell when the text reads as its lines do', () => {
    expect(read('Plain words, `code` and *apart* ones.').differs).toBe(false);
    expect(read('Joined`code`').differs).toBe(true);
    expect(read('An escaped \\* star').differs).toBe(true);
  });

  it('read an alt text apart from the words around the image, mapped to where it is written', () => {
    const [around, alt] = texts('See ![the key AKIA&#73;OSF\\_x](x.png)here');
    expect([around!.text, alt!.text, alt!.differs]).toEqual(['See here', 'the key AKIAIOSF_x', true]);
    expect(['the', 'AKIA', 'OSF', '_x'].map((s) => alt!.pointAt(alt!.text.indexOf(s)))).toEqual([
      { line: 1, column: 7 },
      { line: 1, column: 15 },
      { line: 1, column: 24 },
      { line: 1, column: 28 },
    ]);
    expect(texts('See ![a plain alt](x.png) here')[1]!.differs).toBe(false);
  });

  it('read a block of HTML as a browser shows it: comments and inline tags out, other tags a line end, references decoded', () => {
    const r = read('- <div>\n  Key AKIA<!-- x -->IO<b>SF</b>&#x4f & <!-- &#65; -->\n  </div>');
    expect(r.text).toBe('\n\nKey AKIAIOSFO & \n\n');
    expect(r.differs).toBe(true);
    expect(['Key', 'IO', 'SF', 'O ', '& '].map((s) => r.pointAt(r.text.indexOf(s)))).toEqual([
      { line: 2, column: 3 },
      { line: 2, column: 21 },
      { line: 2, column: 26 },
      { line: 2, column: 32 },
      { line: 2, column: 38 },
    ]);
    // A tag's line end is at its "<".
    expect([r.pointAt(0), r.pointAt(r.text.length - 1)]).toEqual([
      { line: 1, column: 3 },
      { line: 3, column: 3 },
    ]);
  });

  it('place the text of a block of HTML exactly across lines, a tag that spans them, and a tab its container took part of', () => {
    const r = read('> <p>AKIA<b\n> >IOSF</b>\n>\t\tODNN</p>');
    // The value holds the tab the ">" took part of as spaces.
    expect(r.text).toBe('\nAKIAIOSF\n  \tODNN\n');
    expect(['AKIA', 'IOSF', 'ODNN'].map((s) => r.pointAt(r.text.indexOf(s)))).toEqual([
      { line: 1, column: 6 },
      { line: 2, column: 4 },
      { line: 3, column: 4 },
    ]);
    const tab = read('- <div>\n\t\tAKIA&#73OSF\n  </div>');
    expect(['AKIA', 'IOSF', 'OSF'].map((s) => tab.pointAt(tab.text.indexOf(s)))).toEqual([
      { line: 2, column: 3 },
      { line: 2, column: 7 },
      { line: 2, column: 11 },
    ]);
  });

  it('place a backtick in a block of HTML at its own column', () => {
    const r = read('<p>`AKIA`<i>x</i>`y`</p>');
    expect(['`AKIA', 'AKIA', '`y', 'y`'].map((s) => r.pointAt(r.text.indexOf(s))!.column)).toEqual([4, 5, 18, 19]);
  });

  it('then read the block as written, with its character references decoded, since its comments and attributes hold words too', () => {
    const r = texts('- <div>\n  Key AKIA&#x49;OSF & <!-- &#65; -->\n  </div>')[1]!;
    expect(r.text).toBe('<div>\nKey AKIAIOSF & <!-- A -->\n</div>');
    expect(r.differs).toBe(true);
    expect(['AKIA', 'IOSF', 'OSF', '& ', 'A -->', '</div>'].map((s) => r.pointAt(r.text.indexOf(s)))).toEqual([
      { line: 2, column: 7 },
      { line: 2, column: 11 },
      { line: 2, column: 17 },
      { line: 2, column: 21 },
      { line: 2, column: 28 },
      { line: 3, column: 3 },
    ]);
    expect(texts('<div>\nplain <!-- x -->\n</div>').map((t) => t.differs)).toEqual([true, false]);
  });

  it('map through references that follow each other and a decoded "&", to the column of each character', () => {
    const r = read('x &lt;&copy;key &amp; &#65;BC end');
    expect(r.text).toBe('x <©key & ABC end');
    expect(['<', '©', 'key', '& ', 'ABC', 'BC', 'end'].map((s) => r.pointAt(r.text.indexOf(s))!.column)).toEqual([
      3, 7, 13, 17, 23, 28, 31,
    ]);
  });

  it('place nothing when no leaf has a place', () => {
    expect(joinLeaves([{ text: '\n', node: undefined }], []).pointAt(0)).toBeUndefined();
    expect(joinLeaves([], []).pointAt(0)).toBeUndefined();
  });
});

describe('countWords', () => {
  // What the ASCII count stands for: the Unicode count's pattern, on ASCII text.
  const byPattern = (text: string) => text.match(/[A-Za-z0-9][A-Za-z0-9'.,:/-]*/g)?.length ?? 0;

  it('counts an ASCII word from a letter or digit on over letters, digits and the marks inside words', () => {
    expect(countWords("The on-call engineer's 2 pages, at 08:50 UTC/GMT; -- 'quoted' ... x.y")).toBe(10);
    expect(countWords('')).toBe(0);
    expect(countWords(' -- ... ')).toBe(0);
  });

  it('counts every ASCII text as the pattern does', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."aZ09 '.,:/-_\t\n!#"), maxLength: 60 }), (text) => {
        expect(countWords(text)).toBe(byPattern(text));
      }),
      { numRuns: 2000, seed: 7 },
    );
    for (let c = 0; c < 128; c++)
      expect(countWords(`a${String.fromCharCode(c)}b`), `code ${c}`).toBe(byPattern(`a${String.fromCharCode(c)}b`));
  });

  it('counts text with other characters by the Unicode pattern and the segmenter', () => {
    expect(countWords('Café déjà-vu, naïve')).toBe(3);
    expect(countWords('订单服务故障 at 08:50')).toBeGreaterThan(2);
  });
});
