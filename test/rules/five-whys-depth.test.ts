// five-whys-depth: the deepest root cause is at depth minDepth (3) or more,
// and no root cause is shallower than minLeafDepth (2).
import { describe, expect, it } from 'vitest';
import { baseDocument, findingsOf, lineOf, lintFixture, lintString, type LintCase, withSection } from '../helpers/lint.js';

const RULE = 'five-whys-depth';
const base = baseDocument();
const PROBLEM_LINE = lineOf(base, '- Payment notifications were up to 40 minutes late');

const findings = (text: string, options?: LintCase) => findingsOf(lintString(text, options), RULE);
const withOptions = (options: Record<string, unknown>): LintCase => ({ config: { rules: { [RULE]: { level: undefined, options } } } });
const warnAt = (...lines: number[]) => lines.map((line) => [RULE, 'warn', line]);

const whys = (body: string): string => withSection(base, 'Five whys', body);

describe('five-whys-depth passes', () => {
  it('passes the base document (deepest at 3, shallowest at 2)', () => {
    expect(findings(base)).toEqual([]);
  });

  it('passes the example of the format', () => {
    expect(findingsOf(lintFixture('rules/five-whys-tree/pass-contract-example.md'), RULE)).toEqual([]);
  });

  it('passes a deep tree', () => {
    expect(findingsOf(lintFixture('rules/five-whys-depth/pass-deep-tree.md'), RULE)).toEqual([]);
  });

  it('passes a shallow tree when the options allow it', () => {
    const text = whys('- 3 hosts failed.\n  - Why? A. → L1\n  - Why? B. → L2');
    expect(findings(text, withOptions({ minDepth: 1, minLeafDepth: 1 }))).toEqual([]);
  });

  it('passes over a problem statement with no why (five-whys-tree reports it)', () => {
    expect(findings(whys('- 3 hosts failed.'))).toEqual([]);
    expect(findings(whys('No list.'))).toEqual([]);
  });
});

describe('five-whys-depth reports', () => {
  it('reports a tree that is not deep enough at the problem, and a root cause at depth 1 at itself', () => {
    expect(findingsOf(lintFixture('rules/five-whys-depth/fail-shallow.md'), RULE)).toEqual(warnAt(48, 49));
  });

  it('reports a root cause at depth 1 even when the tree is deep elsewhere', () => {
    const text = whys(['- 3 hosts failed.', '  - Why? A.', '    - Why? B.', '      - Why? C. → L1', '  - Why? D. → L2'].join('\n'));
    expect(findings(text)).toEqual(warnAt(lineOf(text, '- Why? D.')));
  });

  it('reports every root cause shallower than minLeafDepth', () => {
    const text = whys(['- 3 hosts failed.', '  - Why? A. → L1', '  - Why? B. → L2', '  - Why? C.', '    - Why? D.', '      - Why? E.'].join('\n'));
    expect(findings(text)).toEqual(warnAt(lineOf(text, '- Why? A.'), lineOf(text, '- Why? B.')));
  });

  it('takes minDepth from the options', () => {
    expect(findings(base, withOptions({ minDepth: 4 }))).toEqual(warnAt(PROBLEM_LINE));
    expect(findings(base, withOptions({ minDepth: 3 }))).toEqual([]);
  });

  it('takes minLeafDepth from the options', () => {
    // The base has root causes at depth 3 and 2.
    expect(findings(base, withOptions({ minLeafDepth: 3 }))).toEqual(warnAt(lineOf(base, '- Why? The pool size cannot be changed')));
  });

  it('rejects options below 1', () => {
    expect(() => lintString(base, withOptions({ minDepth: 0 }))).toThrow();
    expect(() => lintString(base, withOptions({ minLeafDepth: 0 }))).toThrow();
  });
});

describe('five-whys-depth levels', () => {
  const text = whys('- 3 hosts failed.\n  - Why? A.\n    - Why? B. → L1\n  - Why? C.\n    - Why? D. → L2');

  it('reports as an error when set to error', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'error', options: {} } } } })).toEqual([[RULE, 'error', lineOf(text, '- 3 hosts')]]);
  });

  it('reports nothing when off', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'off', options: {} } } } })).toEqual([]);
  });
});
