// five-whys-problem: exactly one top-level item, the problem statement, and it
// carries data (a number).
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintFixture, lintString, type LintCase, withSection } from '../helpers/lint.js';

const RULE = 'five-whys-problem';
const base = baseDocument();
const HEADING = lineOf(base, '## Five whys');
const PROBLEM = 'Payment notifications were up to 40 minutes late for 75 minutes.';

const findings = (text: string, options?: LintCase) => findingsOf(lintString(text, options), RULE);
const errorAt = (...lines: number[]) => lines.map((line) => [RULE, 'error', line]);

const whys = (body: string): string => withSection(base, 'Five whys', body);

describe('five-whys-problem passes', () => {
  it('passes the base document', () => {
    expect(findings(base)).toEqual([]);
  });

  it('passes the example of the format', () => {
    expect(findingsOf(lintFixture('rules/five-whys-tree/pass-contract-example.md'), RULE)).toEqual([]);
  });

  it('passes an ordered list whose number is in bold', () => {
    expect(findingsOf(lintFixture('rules/five-whys-problem/pass-ordered-list.md'), RULE)).toEqual([]);
  });

  it.each(['3% of API calls failed.', 'HTTP 500 errors on checkout.', 'Orders failed for 45 minutes.', 'p99 latency rose to 2.5 s.'])(
    'passes a problem statement with a number: %s',
    (statement) => {
      expect(findings(edit(base, PROBLEM, statement))).toEqual([]);
    },
  );

  it('passes over a Five whys section that is missing (required-sections reports it)', () => {
    const start = base.indexOf('## Five whys');
    const text = base.slice(0, start) + base.slice(base.indexOf('## Detection'));
    expect(findings(text)).toEqual([]);
  });
});

describe('five-whys-problem reports', () => {
  it('reports a problem statement with no number, and a second top-level item', () => {
    expect(findingsOf(lintFixture('rules/five-whys-problem/fail-no-number-two-statements.md'), RULE)).toEqual(errorAt(48, 54));
  });

  it('reports a problem statement with no number at the statement', () => {
    const text = edit(base, PROBLEM, 'Payment notifications were late for over an hour.');
    expect(findings(text)).toEqual(errorAt(lineOf(text, 'Payment notifications were late')));
  });

  it('looks at the statement\'s own text only, not at its children', () => {
    const text = whys('- Payment notifications were late.\n\n  They were late for 75 minutes.\n\n  - Why? 2 files held the pool size. → L1\n    - Why? Nobody owned it. → L2');
    expect(findings(text)).toEqual(errorAt(lineOf(text, '- Payment notifications were late.')));
  });

  it('does not take a lesson reference for data', () => {
    const text = edit(base, PROBLEM, 'Payment notifications were late. → L1');
    expect(findings(text)).toEqual(errorAt(lineOf(text, 'Payment notifications were late.')));
  });

  it('does not take a region name for data', () => {
    const text = edit(base, PROBLEM, 'Payment notifications were late in us-east-2.');
    expect(findings(text)).toEqual(errorAt(lineOf(text, 'Payment notifications were late')));
  });

  it('reports each top-level item after the first', () => {
    const text = whys(`- ${PROBLEM}\n  - Why? A. → L1\n  - Why? B. → L2\n- 2 statements.\n- 3 statements.`);
    expect(findings(text)).toEqual(errorAt(lineOf(text, '- 2 statements.'), lineOf(text, '- 3 statements.')));
  });

  it('reports a top-level item in a second list', () => {
    const text = whys(`- ${PROBLEM}\n  - Why? A. → L1\n  - Why? B. → L2\n\nAnd also:\n\n- 5 more minutes of delay.`);
    expect(findings(text)).toEqual(errorAt(lineOf(text, '- 5 more minutes')));
  });

  it('reports a section with no list at its heading', () => {
    expect(findings(whys('The pool was too small.'))).toEqual(errorAt(HEADING));
    expect(findings(whys(''))).toEqual(errorAt(HEADING));
  });
});

describe('five-whys-problem levels', () => {
  const text = edit(base, PROBLEM, 'Notifications were late.');

  it('reports as a warning when set to warn', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'warn', options: {} } } } })).toEqual([[RULE, 'warn', lineOf(text, 'Notifications were late.')]]);
  });

  it('reports nothing when off', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'off', options: {} } } } })).toEqual([]);
  });
});
