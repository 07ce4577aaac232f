// The cheap guards before the parser: each counter, and the places where it
// must not be fooled into passing over Markdown that the parser reads.
import { describe, expect, it } from 'vitest';
import { checkLimits, DEFAULT_LIMITS, type InputLimits } from '../../src/parse/limits.js';

const OPEN: InputLimits = {
  maxBytes: Infinity,
  maxLines: Infinity,
  maxLineLength: Infinity,
  maxNesting: Infinity,
  maxMarkup: Infinity,
  maxParagraphMarks: Infinity,
  maxTableColumns: Infinity,
  maxSetextHeadings: Infinity,
};
/** Only one limit set: the others open. */
const only = (limit: Partial<InputLimits>): InputLimits => ({ ...OPEN, ...limit });
const over = (text: string, limits: InputLimits) => checkLimits(text, limits)?.message;

describe('nesting', () => {
  it('counts ordered list markers ("1." and "1)") as well as bullets and ">"', () => {
    expect(over(`${'1. '.repeat(101)}a\n`, only({ maxNesting: 100 }))).toContain('nesting');
    expect(over(`${'1) '.repeat(101)}a\n`, only({ maxNesting: 100 }))).toContain('nesting');
    expect(over(`${'1. - > '.repeat(34)}a\n`, only({ maxNesting: 100 }))).toContain('nesting');
    expect(over(`${'1. '.repeat(100)}a\n`, only({ maxNesting: 100 }))).toBeUndefined();
  });

  it('does not take a number in prose for a list marker', () => {
    expect(over(`${'1.5 '.repeat(200)}\n2025. was a year\n`, only({ maxNesting: 1 }))).toBeUndefined();
  });
});

describe('Markdown structure in the file', () => {
  it('counts each line, each container it passes through and each inline mark', () => {
    expect(over('a\nb\nc\n', only({ maxMarkup: 3 }))).toBeUndefined();
    expect(over('a\nb\nc\nd\n', only({ maxMarkup: 3 }))).toContain('units of Markdown structure');
    expect(over('- - a\n', only({ maxMarkup: 3 }))).toBeUndefined();
    expect(over('- - - a\n', only({ maxMarkup: 3 }))).toContain('units');
    expect(over('*a* [b]\n', only({ maxMarkup: 5 }))).toBeUndefined();
    expect(over('*a* [b] `c`\n', only({ maxMarkup: 5 }))).toContain('units');
  });

  it('counts each of the marks * _ [ ] ` < & | \\ and no other character; * _ [ ] as paired marks too', () => {
    const marks = new Set('*_[]`<&|\\');
    const paired = new Set('*_[]');
    const characters = [...Array.from({ length: 0x180 }, (_, c) => String.fromCharCode(c)), '\uff0a', '\uff3b', '\u2217', '\u{1f600}'];
    for (const c of characters.filter((c) => c !== '\n' && c !== '\r')) {
      const line = `a${c}\n`;
      expect([c, over(line, only({ maxMarkup: 1 })) !== undefined]).toEqual([c, marks.has(c)]);
      expect([c, over(line, only({ maxParagraphMarks: 0 })) !== undefined]).toEqual([c, paired.has(c)]);
    }
  });

  it('counts the containers of a deep list in every lazy line under it', () => {
    const lazy = `${'- '.repeat(50)}a\n${'a\n'.repeat(10)}`;
    expect(over(lazy, only({ maxMarkup: 11 * 51 }))).toBeUndefined();
    expect(over(lazy, only({ maxMarkup: 11 * 51 - 1 }))).toContain('units');
  });

  it('counts indentation in continuation lines, which pass through the containers too', () => {
    const text = `${'- '.repeat(50)}a\n\n${`${' '.repeat(100)}a\n`.repeat(10)}`;
    expect(over(text, only({ maxMarkup: 51 + 10 * 51 }))).toBeUndefined();
    expect(over(text, only({ maxMarkup: 51 + 10 * 51 - 1 }))).toContain('units');
  });

  it('passes over fenced code at the left margin after a blank line', () => {
    const code = '*a _b [c] `d` <e> | \\f\n'.repeat(100);
    expect(over(`text\n\n\`\`\`js\n${code}\`\`\`\n`, only({ maxMarkup: 2, maxParagraphMarks: 0 }))).toBeUndefined();
    expect(over(`text\n\n~~~~\n${code}~~~~\n`, only({ maxMarkup: 2, maxParagraphMarks: 0 }))).toBeUndefined();
  });

  it('counts what follows a fence once it is closed', () => {
    expect(over('```\n*\n```\n*\n', only({ maxParagraphMarks: 0 }))?.length).toBeGreaterThan(0);
    // A shorter run or another character does not close it.
    expect(over('````\n*\n```\n~~~~\n*\n', only({ maxParagraphMarks: 0 }))).toBeUndefined();
  });

  // Each of these lines looks like a fence but is none for the parser: the
  // guard must count what follows, or an expensive paragraph slips past it.
  it.each([
    ['after a line of text (it may be a table row)', 'a | b\n```\n'],
    ['indented (it may sit in a list item)', '- a\n\n  ```\n'],
    ['with a backtick in its info string', '\n```a`b\n'],
    ['inside an HTML comment that spans a blank line', '<!--\n\n```\n-->\n'],
    ['on the line that closes an HTML comment', '<!--\n\n```-->\n'],
    ['inside a <pre> block', '<pre>\n\n```\n</pre>\n'],
    ['inside an HTML block that has not met a blank line', '<div>\n```\n'],
    ['inside YAML frontmatter', '---\na: |\n\n```\n---\n'],
  ])('counts text after a fence-like line %s', (_, opening) => {
    const text = `${opening}${'*a'.repeat(20)}\n`;
    expect(over(text, only({ maxParagraphMarks: 10 }))).toContain('emphasis or link marks');
  });
});

describe('marks in one paragraph', () => {
  it('counts * _ [ ] up to a blank line', () => {
    const paragraph = `${'*a'.repeat(5)}\n${'[b]'.repeat(2)}_\n`;
    expect(over(paragraph, only({ maxParagraphMarks: 10 }))).toBeUndefined();
    expect(over(`${paragraph}*\n`, only({ maxParagraphMarks: 10 }))).toContain('in one paragraph');
    expect(over(`${paragraph}\n${paragraph}`, only({ maxParagraphMarks: 10 }))).toBeUndefined();
  });
});

describe('table cells and setext headings', () => {
  it('refuses a row of more cells than the limit', () => {
    expect(over(`${'|a'.repeat(100)}|\n`, only({ maxTableColumns: 101 }))).toBeUndefined();
    expect(over(`${'|a'.repeat(101)}|\n`, only({ maxTableColumns: 101 }))).toContain('table cells');
  });

  it('counts lines of = or - under text, not thematic breaks after a blank line', () => {
    expect(over('a\n===\nb\n---\n\n---\n\n- - -\n', only({ maxSetextHeadings: 2 }))).toBeUndefined();
    expect(over('a\n===\nb\n---\nc\n=\n', only({ maxSetextHeadings: 2 }))).toContain('setext');
  });
});

describe('the defaults', () => {
  it('let through a long real COE many times over', () => {
    const section =
      '## Timeline\n\n' + '- 2025-09-03 14:05 UTC — **The** [queue](https://example.com) grew; `retry_count` rose.\n'.repeat(200);
    expect(
      over(`---\ncoe: 1\n---\n\n${section}\n| a | b |\n|---|---|\n${'| `x` | [y](z) |\n'.repeat(200)}`, DEFAULT_LIMITS),
    ).toBeUndefined();
  });
});

describe('fenced code passed over', () => {
  // Random documents of lines that open and close fences, HTML blocks and
  // frontmatter, and "*x*". Whenever the guard counts no mark, the parser
  // must have read no "*x*" as emphasis: every one sat in code, HTML or YAML.
  const LINES = [
    '```',
    '````',
    '~~~',
    '```js',
    '```a`b',
    '  ```',
    '   ~~~',
    '    ```',
    '> ```',
    '- ```',
    '1. ~~~',
    '<!--',
    '-->',
    '```-->',
    '<pre>',
    '</pre>',
    '<div>',
    '<?',
    '?>',
    '<!X',
    '>',
    '<![CDATA[',
    ']]>',
    '<script>',
    '</script>',
    '---',
    '===',
    '',
    '',
    '',
    'text',
    'a | b',
    '|-|-|',
    '*x*',
    '*x*',
    '- *x*',
    '  *x*',
    '> *x*',
  ];

  it('never passes over Markdown the parser reads (10,000 seeded documents)', async () => {
    const { parseMarkdown } = await import('../../src/parse/markdown.js');
    let seed = 20261201;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const hasEmphasis = (node: { type: string; children?: unknown[] }): boolean =>
      node.type === 'emphasis' || (node.children ?? []).some((c) => hasEmphasis(c as { type: string }));
    for (let i = 0; i < 10_000; i++) {
      const lines = Array.from({ length: 1 + random(12) }, () => LINES[random(LINES.length)]!);
      const text = `${lines.join('\n')}\n`;
      if (checkLimits(text, only({ maxParagraphMarks: 0 })) === undefined) {
        expect(hasEmphasis(parseMarkdown(text)), `seed document ${i}:\n${text}`).toBe(false);
      }
    }
  });
});
