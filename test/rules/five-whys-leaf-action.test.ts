// five-whys-leaf-action: every root cause references a lesson or an action
// item; an undefined reference is for references-exist alone.
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintFixture, lintString, type LintCase, withSection } from '../helpers/lint.js';

const RULE = 'five-whys-leaf-action';
const base = baseDocument();

const findings = (text: string, options?: LintCase) => findingsOf(lintString(text, options), RULE);
const errorAt = (...lines: number[]) => lines.map((line) => [RULE, 'error', line]);

const whys = (body: string): string => withSection(base, 'Five whys', body);

describe('five-whys-leaf-action passes', () => {
  it('passes the base document', () => {
    expect(findings(base)).toEqual([]);
  });

  it('passes the example of the format', () => {
    expect(findingsOf(lintFixture('rules/five-whys-tree/pass-contract-example.md'), RULE)).toEqual([]);
  });

  it('passes root causes that reference action items, on a continuation line too', () => {
    expect(findingsOf(lintFixture('rules/five-whys-leaf-action/pass-action-references.md'), RULE)).toEqual([]);
  });

  it('does not ask a why that has children for a reference', () => {
    // The base's inner whys have no reference; only root causes need one.
    expect(findings(base)).toEqual([]);
  });

  it('leaves an undefined reference to references-exist', () => {
    const text = edit(base, 'run time. → L2', 'run time. → L9');
    const messages = lintString(text);
    expect(findingsOf(messages, RULE)).toEqual([]);
    expect(findingsOf(messages, 'references-exist')).toEqual([['references-exist', 'error', lineOf(text, '→ L9')]]);
  });

  it('passes over a problem statement with no why, which has no root cause', () => {
    expect(findings(whys('- 3 hosts failed.'))).toEqual([]);
  });
});

describe('five-whys-leaf-action reports', () => {
  it('reports each root cause with no reference at its text', () => {
    expect(findingsOf(lintFixture('rules/five-whys-leaf-action/fail-leaf-without-reference.md'), RULE)).toEqual(errorAt(52, 55));
  });

  it('reports a root cause whose only reference is in a second paragraph', () => {
    const text = edit(base, 'run time. → L2', 'run time.\n\n      See L2.');
    expect(findings(text)).toEqual(errorAt(lineOf(text, '- Why? The pool size cannot be changed')));
  });

  it('does not count a reference in code', () => {
    const text = edit(base, 'run time. → L2', 'run time. `echo L2`');
    expect(findings(text)).toEqual(errorAt(lineOf(text, '- Why? The pool size cannot be changed')));
  });

  it('does not count a lesson number that is not a reference token', () => {
    const text = edit(base, 'run time. → L2', 'run time. See lesson 2.');
    expect(findings(text)).toEqual(errorAt(lineOf(text, '- Why? The pool size cannot be changed')));
  });
});

describe('five-whys-leaf-action levels', () => {
  const text = edit(base, 'run time. → L2', 'run time.');
  const line = lineOf(text, '- Why? The pool size cannot be changed');

  it('reports as a warning when set to warn', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'warn', options: {} } } } })).toEqual([[RULE, 'warn', line]]);
  });

  it('reports nothing when off', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'off', options: {} } } } })).toEqual([]);
  });
});
