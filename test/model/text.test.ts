// textOf and countWords: the text a reader sees, which is what prose rules measure.
import { describe, expect, it } from 'vitest';
import { countWords, textOf } from '../../src/model/text.js';
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
