// Sections: level-2 headings matched after folding case, numbering,
// trailing punctuation and emoji, with the aliases of the format and config.
import { describe, expect, it } from 'vitest';
import { headingMatcher, normalizeHeading } from '../../src/model/sections.js';
import { parse } from './helpers.js';

describe('heading matching', () => {
  const match = headingMatcher();

  it.each([
    ['Impact', 'impact'],
    ['Impact summary', 'impact'],
    ['Customer impact', 'impact'],
    ['IMPACT', 'impact'],
    ['Event timeline', 'timeline'],
    ['5 whys', 'five-whys'],
    ['Root cause analysis', 'five-whys'],
    ['Detection review', 'detection'],
    ['Dependency review', 'dependencies'],
    ['Lessons learned', 'lessons'],
    ['Learnings', 'lessons'],
    ['Actions', 'action-items'],
    ['Corrective actions', 'action-items'],
    ['Mitigation and recovery', 'mitigation'],
    ['Customer-facing summary', 'customer-summary'],
    ['Customer facing summary', 'customer-summary'],
    ['Five-Whys', 'five-whys'],
    ['Lessons\u2011learned', 'lessons'],
    ['Customer communication', 'communication'],
  ])('matches the name or alias "%s"', (heading, key) => {
    expect(match(heading)).toBe(key);
  });

  it.each([
    ['3. Five whys', 'five-whys'],
    ['3.1 Timeline', 'timeline'],
    ['2) Detection', 'detection'],
    ['4 - Dependencies', 'dependencies'],
    ['III. Lessons', 'lessons'],
    ['iv) Action items', 'action-items'],
    ['(2) Timeline', 'timeline'],
    ['(iii) Lessons', 'lessons'],
    ['(a) Impact', 'impact'],
  ])('drops leading numbering: "%s"', (heading, key) => {
    expect(match(heading)).toBe(key);
  });

  it.each([
    ['🔥 Impact', 'impact'],
    ['Timeline ⏱️', 'timeline'],
    ['Five whys?', 'five-whys'],
    ['Lessons learned:', 'lessons'],
    ['Action items!', 'action-items'],
    ['  Detection  ', 'detection'],
    ['1. 🧭 Dependencies.', 'dependencies'],
    ['Time\u00ADline', 'timeline'],
    ['Five\u200B whys', 'five-whys'],
  ])('drops emoji, trailing punctuation and spaces: "%s"', (heading, key) => {
    expect(match(heading)).toBe(key);
  });

  it.each(['Impacts', 'Why it happened', 'Timeline of the fix', 'Appendix', 'Five'])('does not match "%s"', (heading) => {
    expect(match(heading)).toBeUndefined();
  });

  it('takes extra aliases from configuration, folded the same way', () => {
    const custom = headingMatcher({ impact: ['What customers saw'], 'five-whys': ['Why?'] });
    expect(custom('3. What Customers Saw')).toBe('impact');
    expect(custom('Why')).toBe('five-whys');
    expect(custom('Impact')).toBe('impact');
  });

  it('folds the same way for every heading', () => {
    expect(normalizeHeading('  2.3) Lessons   Learned!! ')).toBe('lessons learned');
    expect(normalizeHeading('IV. Timeline')).toBe('timeline');
  });
});

describe('sections of a document', () => {
  const text = [
    '# The title',
    '',
    'Intro text.',
    '',
    '## 1. Impact summary',
    '',
    'Paragraph.',
    '',
    '### A level-3 heading stays in the section',
    '',
    'More.',
    '',
    '## Appendix',
    '',
    'Notes.',
    '',
    '## Impact',
    '',
    'Again.',
    '',
  ].join('\n');
  const doc = parse(text);

  it('reads the level-1 heading as the title', () => {
    expect(doc.title).toMatchObject({ text: 'The title', range: { start: { line: 1 } } });
  });

  it('lists every level-2 section, matched or not, with its heading and range', () => {
    expect(doc.sections.map((s) => [s.key, s.heading, s.headingRange.start.line, s.range.end.line])).toEqual([
      ['impact', '1. Impact summary', 5, 11],
      [undefined, 'Appendix', 13, 15],
      ['impact', 'Impact', 17, 19],
    ]);
  });

  it('keeps every occurrence of a duplicate section, and reads the first', () => {
    expect(doc.sectionsByKey.get('impact')?.map((s) => s.headingRange.start.line)).toEqual([5, 17]);
    expect(doc.impact?.paragraphs.map((p) => p.text)).toEqual(['Paragraph.', 'More.']);
  });

  it('uses configured aliases when parsing', () => {
    const custom = parse('## What customers saw\n\nText.\n', { sectionAliases: { impact: ['What customers saw'] } });
    expect(custom.sections[0]?.key).toBe('impact');
    expect(custom.impact?.words).toBe(1);
  });

  it('has no model for a section that is absent', () => {
    expect(doc.timeline).toBeUndefined();
    expect(doc.whys).toBeUndefined();
    expect(doc.lessons).toBeUndefined();
    expect(doc.actionItems).toBeUndefined();
  });
});

describe('impact model', () => {
  it('counts paragraph words apart from lists and tables, and ignores comments', () => {
    const doc = parse('## Impact\n\nOne two three.\n\n<!-- a note -->\n\n- four five\n- six\n\n| a | b |\n|---|---|\n| seven | eight |\n');
    expect(doc.impact?.paragraphs.map((p) => [p.words, p.range.start.line])).toEqual([[3, 3]]);
    expect(doc.impact?.otherBlocks.map((b) => [b.type, b.words, b.range.start.line])).toEqual([
      ['list', 3, 7],
      ['table', 4, 10],
    ]);
    expect(doc.impact?.words).toBe(10);
  });
});
