// Text from a document never reaches the terminal as a control sequence: the
// text reporters show control characters as \u001b (JSON and SARIF escape them
// as JSON does; junit drops what XML cannot hold).
import { describe, expect, it } from 'vitest';
import { github } from '../../src/reporters/github.js';
import { stylish } from '../../src/reporters/stylish.js';
import { showControls } from '../../src/reporters/safe.js';
import { context, fileResult, message } from './results.js';

const HOSTILE = '"status" must be one of: draft (it is "x\u001b]0;PWNED\u0007\u001b[31mred\u009b2J")';
const SHOWN = '"status" must be one of: draft (it is "x\\u001b]0;PWNED\\u0007\\u001b[31mred\\u009b2J")';
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('control characters in the text reporters', () => {
  const results = [fileResult('docs/\u001b[2Jevil.md', [message('frontmatter-schema', 'error', 5, HOSTILE, { column: 1 })])];

  it('stylish shows them escaped, in messages and file names', () => {
    const out = stylish(results, context());
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain(SHOWN);
    expect(out).toContain('docs/\\u001b[2Jevil.md');
  });

  it('github shows them escaped, and still encodes CR and LF as the runner reads them', () => {
    const out = github(results, context());
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain(`title=frontmatter-schema::${SHOWN}`);
    expect(github([fileResult('a.md', [message('fatal', 'error', 1, 'a\r\nb\tc')])], context())).toContain('::a%0D%0Ab\\u0009c');
  });

  it('showControls keeps line breaks only when asked', () => {
    expect(showControls('a\nb\u007f')).toBe('a\nb\\u007f');
    expect(showControls('a\nb', { newline: false })).toBe('a\\u000ab');
  });
});
