// five-whys-tree: the five whys branch into at least minRootCauses root
// causes: a tree, not a chain.
import { describe, expect, it } from 'vitest';
import { baseDocument, findingsOf, lineOf, lintFixture, lintString, type LintCase, withSection } from '../helpers/lint.js';

const RULE = 'five-whys-tree';
const base = baseDocument();
const PROBLEM_LINE = lineOf(base, '- Payment notifications were up to 40 minutes late');

const findings = (text: string, options?: LintCase) => findingsOf(lintString(text, options), RULE);
const withOptions = (options: Record<string, unknown>): LintCase => ({ config: { rules: { [RULE]: { level: undefined, options } } } });
const warnAt = (...lines: number[]) => lines.map((line) => [RULE, 'warn', line]);

const whys = (body: string): string => withSection(base, 'Five whys', body);

const CHAIN = ['- 3 hosts failed for 40 minutes.', '  - Why? Disks filled.', '    - Why? Logs were not rotated.', '      - Why? The rotation job was removed. → L1'].join('\n');

describe('five-whys-tree passes', () => {
  it('passes the base document (two root causes)', () => {
    expect(findings(base)).toEqual([]);
  });

  it('passes the example of the format', () => {
    expect(findingsOf(lintFixture('rules/five-whys-tree/pass-contract-example.md'), RULE)).toEqual([]);
  });

  it('passes a chain when minRootCauses is 1', () => {
    expect(findings(whys(CHAIN), withOptions({ minRootCauses: 1 }))).toEqual([]);
  });

  it('passes a tree that branches only at the bottom', () => {
    const text = whys(`${CHAIN}\n      - Why? Nobody reviewed the change. → L2`);
    expect(findings(text)).toEqual([]);
  });

  it('passes over a section with no list, which five-whys-problem reports', () => {
    expect(findings(whys('To be written.'))).toEqual([]);
  });
});

describe('five-whys-tree reports', () => {
  it('reports a chain at the problem statement', () => {
    expect(findingsOf(lintFixture('rules/five-whys-tree/fail-chain.md'), RULE)).toEqual(warnAt(48));
  });

  it('reports a problem statement with no why at all', () => {
    const text = whys('- 3 hosts failed for 40 minutes.');
    expect(findings(text)).toEqual(warnAt(lineOf(text, '- 3 hosts')));
  });

  it('takes minRootCauses from the options', () => {
    expect(findings(base, withOptions({ minRootCauses: 3 }))).toEqual(warnAt(PROBLEM_LINE));
    expect(findingsOf(lintFixture('rules/five-whys-tree/pass-contract-example.md', withOptions({ minRootCauses: 5 })), RULE)).toEqual(warnAt(45));
    expect(findingsOf(lintFixture('rules/five-whys-tree/pass-contract-example.md', withOptions({ minRootCauses: 4 })), RULE)).toEqual([]);
  });

  it('rejects a minRootCauses below 1', () => {
    expect(() => lintString(base, withOptions({ minRootCauses: 0 }))).toThrow();
  });
});

describe('five-whys-tree levels', () => {
  const text = whys(CHAIN);

  it('reports as an error when set to error', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'error', options: {} } } } })).toEqual([[RULE, 'error', lineOf(text, '- 3 hosts')]]);
  });

  it('reports nothing when off', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'off', options: {} } } } })).toEqual([]);
  });
});
