// required-sections: each required section present exactly once, and a
// missing section reported by this rule alone.
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintFixture, lintString, type LintCase } from '../helpers/lint.js';

const RULE = 'required-sections';
const base = baseDocument();
const TITLE_LINE = lineOf(base, '# Delayed payment notifications');

const findings = (text: string, options?: LintCase) => findingsOf(lintString(text, options), RULE);
// Every finding of every rule, on a day when no action item of the base is overdue.
const all = (text: string) => lintString(text, { now: '2025-09-10' }).map((m) => [m.ruleId, m.severity, m.line]);

/** Removes a level-2 section: its heading and body, up to the next level-2 heading. */
function removeSection(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`) + 1;
  if (start === 0) throw new Error(`no section ${heading}`);
  const next = text.indexOf('\n## ', start);
  return text.slice(0, start) + (next === -1 ? '' : text.slice(next + 1));
}

describe('required-sections passes', () => {
  it('passes the base document', () => {
    expect(findings(base)).toEqual([]);
  });

  it('passes headings written as aliases, numbered, with emoji and punctuation', () => {
    expect(findingsOf(lintFixture('rules/required-sections/pass-aliases-numbering-emoji.md'), RULE)).toEqual([]);
  });

  it('passes without the optional sections, and with sections of its own', () => {
    let text = removeSection(base, 'Customer summary');
    text = edit(text, '## Lessons', '## Appendix: graphs\n\nSee the dashboard.\n\n## Mitigation\n\nWe restored the pool.\n\n## Lessons');
    expect(findings(text)).toEqual([]);
  });

  it('passes a heading matched through a configured alias', () => {
    const text = edit(base, '## Impact\n', '## What customers saw\n');
    expect(findings(text, { config: { sections: { impact: ['What customers saw'] } } })).toEqual([]);
  });

  it('does not count a level-3 heading or a heading in code as a second section', () => {
    let text = edit(base, 'page us within minutes whatever the cause of the slowdown.', 'page us within minutes whatever the cause of the slowdown.\n\n### Timeline\n\nSee above.');
    text = edit(text, '## Customer summary\n', '## Customer summary\n\n```markdown\n## Impact\n```\n');
    expect(findings(text)).toEqual([]);
  });
});

describe('required-sections reports', () => {
  it.each(['Impact', 'Timeline', 'Five whys', 'Detection', 'Dependencies', 'Lessons', 'Action items'])(
    'reports a missing %s at the title, and no other rule reports its content',
    (heading) => {
      expect(all(removeSection(base, heading))).toEqual([[RULE, 'error', TITLE_LINE]]);
    },
  );

  it('reports a missing Action items alone even when other sections reference action items', () => {
    const text = edit(base, 'page us within minutes whatever the cause of the slowdown.', 'page us within minutes whatever the cause of the slowdown (AI-1).');
    expect(all(removeSection(text, 'Action items'))).toEqual([[RULE, 'error', TITLE_LINE]]);
  });

  it('reports at line 1 when there is no title', () => {
    const text = edit(base, '# Delayed payment notifications\n', '');
    expect(findings(removeSection(text, 'Timeline'))).toEqual([[RULE, 'error', 1]]);
  });

  it('reports each missing section once', () => {
    const text = removeSection(removeSection(base, 'Lessons'), 'Detection');
    expect(findings(text)).toEqual([
      [RULE, 'error', TITLE_LINE],
      [RULE, 'error', TITLE_LINE],
    ]);
  });

  it('reports a section written as a level-3 heading as missing', () => {
    expect(findings(edit(base, '## Dependencies\n', '### Dependencies\n'))).toEqual([[RULE, 'error', TITLE_LINE]]);
  });

  it('reports a missing section and a duplicate, the duplicate at its heading', () => {
    const text = lintFixture('rules/required-sections/fail-missing-and-duplicate.md');
    expect(findingsOf(text, RULE)).toEqual([
      [RULE, 'error', 24],
      [RULE, 'error', 84],
    ]);
  });

  it('reports a section written twice under two of its names', () => {
    const text = edit(base, '## Customer summary', '## Customer impact\n\nMore about the impact.\n\n## Customer summary');
    expect(findings(text)).toEqual([[RULE, 'error', lineOf(text, '## Customer impact')]]);
  });

  it('reports each extra occurrence', () => {
    const text = edit(base, '## Customer summary', '## Lessons learned\n\n- **L3:** x\n\n## Learnings\n\n- **L4:** y\n\n## Customer summary');
    expect(findings(text)).toEqual([
      [RULE, 'error', lineOf(text, '## Lessons learned')],
      [RULE, 'error', lineOf(text, '## Learnings')],
    ]);
  });
});

describe('required-sections levels', () => {
  const text = removeSection(base, 'Lessons');

  it('reports as a warning when set to warn', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'warn', options: {} } } } })).toEqual([[RULE, 'warn', TITLE_LINE]]);
  });

  it('reports nothing when off', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'off', options: {} } } } })).toEqual([]);
  });
});
