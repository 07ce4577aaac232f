// textOf and countWords: the text a reader sees, which is what prose rules
// measure; renderedLeaves and joinLeaves: a block's text as a reader sees it,
// with where each character is in the file.
import { describe, expect, it } from 'vitest';
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

describe('renderedLeaves and joinLeaves', () => {
  const read = (markdown: string) => {
    const block = parseMarkdown(markdown).children[0] as Nodes;
    const { leaves, differs } = renderedLeaves(block);
    return { ...joinLeaves(leaves, markdown.split('\n')), differs };
  };

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

  it('place nothing when no leaf has a place', () => {
    expect(joinLeaves([{ text: '\n', node: undefined }], []).pointAt(0)).toBeUndefined();
    expect(joinLeaves([], []).pointAt(0)).toBeUndefined();
  });
});
