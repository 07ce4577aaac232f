// GitHub Actions workflow commands, escaped as the runner reads them.
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/reporters/github.js';
import { context, fileResult, message, sample } from './results.js';

describe('github', () => {
  it('writes one annotation per finding, errors and warnings', () => {
    expect(github(sample(), context()).split('\n')).toEqual([
      '::warning file=docs/coe/2025-10-20-orders.md,line=40,col=3,endLine=40,endColumn=9,title=five-whys-tree::The five whys are a chain; add the other causes',
      '::error file=docs/coe/2025-10-20-orders.md,line=88,col=3,endLine=88,endColumn=9,title=lessons-have-actions::Lesson L2 has no action item: name it in the Lessons column',
      '::error file=docs/coe/2025-10-20-orders.md,line=90,col=3,endLine=90,endColumn=9,title=not-a-known-rule::From a rule the context does not describe',
      '::error file=docs/coe/broken file #2.md,line=1,col=1,endLine=1,endColumn=1,title=fatal::File is not valid UTF-8',
    ]);
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    const result = fileResult('docs/a,b:c%.md', [
      message('fatal', 'error', 2, '100% broken:\r\nsee, here', { column: 1, endLine: 3, endColumn: 4 }),
    ]);
    expect(github([result], context())).toBe(
      '::error file=docs/a%2Cb%3Ac%25.md,line=2,col=1,endLine=3,endColumn=4,title=fatal::100%25 broken:%0D%0Asee, here',
    );
  });

  it('escapes as the runner requires', () => {
    expect(escapeData('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad:e,f');
    expect(escapeProperty('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad%3Ae%2Cf');
  });

  it('writes nothing for clean files', () => {
    expect(github([fileResult('a.md', [])], context())).toBe('');
  });
});
