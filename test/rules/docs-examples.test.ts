// Every rule's documentation examples are tests (as remark-lint's are): the
// failing example, put into the minimal COE, is reported by its rule (at the
// lines its markers give, when it has markers) and the passing one is not.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { UNUSED_DISABLE_RULE } from '../../src/engine/builtins.js';
import { exampleOf } from '../../src/docs/examples.js';
import type { Rule } from '../../src/engine/rule.js';
import { lintCase, prepare, type TestCase } from '../helpers/rule-tester.js';

// unused-disable has no check of its own: the engine reports it, whichever rules run.
const NO_RULE: Rule = { ...UNUSED_DISABLE_RULE, check: () => [] };
const documented = [...RULES, NO_RULE];

describe.each(documented.map((rule) => [rule.meta.id, rule] as const))('%s: the examples of its page', (id, rule) => {
  const caseOf = (which: 'fail' | 'pass'): TestCase => {
    const { text, now, options } = exampleOf(rule.meta.docs[which]);
    return { code: text, now, options };
  };
  const findings = (test: TestCase) => {
    const { text } = prepare(rule, test);
    return lintCase(rule, test, text).filter((m) => m.ruleId === id);
  };

  it('the failing example is reported exactly where its markers say', () => {
    const test = caseOf('fail');
    const { expected } = prepare(rule, test);
    expect(expected.length, 'the failing example marks each finding with {rule-id}').toBeGreaterThan(0);
    expect(findings(test).map(({ ruleId, severity, line }) => ({ ruleId, severity, line }))).toEqual(expected);
  });

  it('the passing example is not reported, and has no markers', () => {
    expect(prepare(rule, caseOf('pass')).expected).toEqual([]);
    expect(findings(caseOf('pass')).map((m) => `${m.line}: ${m.message}`)).toEqual([]);
  });
});
