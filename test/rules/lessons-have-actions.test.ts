// lessons-have-actions: every lesson has an id and is named in the Lessons
// column of at least one action item.
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintFixture, lintString, type LintCase } from '../helpers/lint.js';

const RULE = 'lessons-have-actions';
const base = baseDocument();
const L2 = '- **L2:** Capacity must be adjustable without a deployment.';
const AI2_LESSONS = '| in-progress | L2 |';

const findings = (text: string, options?: LintCase) => findingsOf(lintString(text, options), RULE);
const errorAt = (...lines: number[]) => lines.map((line) => [RULE, 'error', line]);

function removeSection(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`) + 1;
  const next = text.indexOf('\n## ', start);
  return text.slice(0, start) + text.slice(next + 1);
}

describe('lessons-have-actions passes', () => {
  it('passes the base document', () => {
    expect(findings(base)).toEqual([]);
  });

  it('passes ids written bold or not, followed by ":", "." or a dash', () => {
    expect(findingsOf(lintFixture('rules/lessons-have-actions/pass-id-styles.md'), RULE)).toEqual([]);
  });

  it('passes a lesson named by one of several lessons of an item', () => {
    let text = edit(base, AI2_LESSONS, '| in-progress | L1, L2 |');
    text = edit(text, '| validated | L1 |', '| validated | |');
    expect(findings(text)).toEqual([]);
  });

  it('passes a lesson named by an item of any status', () => {
    expect(findings(edit(base, '| in-progress | L2 |', '| dropped | L2 |'))).toEqual([]);
  });

  it('passes over a missing Lessons or Action items section (required-sections reports it)', () => {
    expect(findings(removeSection(base, 'Action items'))).toEqual([]);
    expect(findings(removeSection(base, 'Lessons'))).toEqual([]);
  });

  it('leaves a reference to an undefined lesson to references-exist', () => {
    const text = edit(base, AI2_LESSONS, '| in-progress | L2, L9 |');
    const messages = lintString(text);
    expect(findingsOf(messages, RULE)).toEqual([]);
    expect(findingsOf(messages, 'references-exist')).toEqual([['references-exist', 'error', lineOf(text, 'L2, L9')]]);
  });
});

describe('lessons-have-actions reports', () => {
  it('reports a lesson with no action item, a lesson with no id and a lesson id defined twice', () => {
    expect(findingsOf(lintFixture('rules/lessons-have-actions/fail-unnamed-lessons.md'), RULE)).toEqual(errorAt(80, 81, 82));
  });

  it('reports a lesson that no action item names in its Lessons column', () => {
    const text = edit(base, AI2_LESSONS, '| in-progress | |');
    expect(findings(text)).toEqual(errorAt(lineOf(text, L2)));
  });

  it('does not count a lesson named only in the Action or Validation column', () => {
    let text = edit(base, AI2_LESSONS, '| in-progress | |');
    text = edit(text, 'Make the pool size adjustable at run time', 'Make the pool size adjustable at run time (L2)');
    expect(findings(text)).toEqual(errorAt(lineOf(text, L2)));
  });

  it('does not count a lesson named in another section', () => {
    // The five whys reference L2, but no action item does.
    const text = edit(base, AI2_LESSONS, '| in-progress | L1 |');
    expect(findings(text)).toEqual(errorAt(lineOf(text, L2)));
  });

  it('reports a lesson whose id has no separator as a lesson with no id', () => {
    const text = edit(base, L2, '- L2 Capacity must be adjustable without a deployment.');
    expect(findings(text)).toEqual(errorAt(lineOf(text, '- L2 Capacity')));
  });
});

describe('lessons-have-actions levels', () => {
  const text = edit(base, AI2_LESSONS, '| in-progress | |');

  it('reports as a warning when set to warn', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'warn', options: {} } } } })).toEqual([[RULE, 'warn', lineOf(text, L2)]]);
  });

  it('reports nothing when off', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'off', options: {} } } } })).toEqual([]);
  });
});
