// A rule tester in the manner of ESLint's RuleTester and markdownlint's
// inline markers: tables of valid and invalid excerpts, each put into a
// minimal valid COE (test/fixtures/minimal.md) and linted by the one rule.
// An invalid excerpt marks each expected finding with `{rule-id}` (or
// `{rule-id:warn}`) at the end of its line; the markers are removed before
// linting, and the findings must be exactly those, at those lines.
//
// `everyRule: true` lints a case with every rule, for "one problem, one
// finding": the markers, of whatever rule, must be all the findings.
//
//   ruleTester(rule).run({
//     valid: ['## Five whys\n\n- 3% of calls failed …'],
//     invalid: [{ code: '- 3% of calls failed. {five-whys-tree}\n  - Why? …', options: { minRootCauses: 3 } }],
//   });
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message, Rule, Severity } from '../../src/engine/rule.js';
import { lintDocument } from '../../src/engine/lint.js';
import { RULES } from '../../src/rules/index.js';
import { parseCoeDocument } from '../../src/parse/document.js';
import { readMarkers } from '../../src/docs/examples.js';
import { FIXTURES, testConfig, type LintCase } from './lint.js';
import { splice } from './splice.js';

export const MINIMAL = readFileSync(path.join(FIXTURES, 'minimal.md'), 'utf8');

/** The date the tests lint with, unless a case says otherwise. */
export const TEST_NOW = '2025-10-23';

export interface TestCase {
  /** The test's name; by default the excerpt's first lines. */
  name?: string;
  /** An excerpt of a COE (frontmatter keys, sections), or a whole document with `document`. */
  code: string;
  /** The code is a whole document: nothing is spliced. */
  document?: boolean;
  /** Frontmatter keys (`incident.resolved`) and sections (`## Customer summary`) removed from the minimal COE first. */
  drop?: string[];
  /** The rule's options, as in a configuration file. */
  options?: Record<string, unknown>;
  /** The date `action-item-overdue` compares with. */
  now?: string;
  /** Other configuration: internal terms, section aliases, other rules' levels. */
  config?: LintCase['config'];
  /** Texts each finding's message must hold, in the order of the findings. */
  messages?: (string | RegExp)[];
  /** Lint with every rule: the markers, of any rule, are all the findings (one problem, one finding). */
  everyRule?: boolean;
}

export interface Expected {
  ruleId: string;
  severity: Severity;
  line: number;
}

/** The case as linted: the whole document, and the findings its markers expect. */
export function prepare(rule: Rule, test: TestCase): { text: string; expected: Expected[] } {
  const { text: code, markers } = readMarkers(test.code);
  const spliced = test.document ? { text: code, origins: code.split('\n').map((_, i) => i) } : splice(MINIMAL, code, test.drop);
  const lineOf = (origin: number) => spliced.origins.indexOf(origin) + 1;
  const severity = defaultSeverity(rule, spliced.text);
  const expected = markers.map((m) => {
    const line = lineOf(m.line - 1);
    if (line === 0) throw new Error(`ruleTester: the marked line ${m.line} of the excerpt is not in the document`);
    const other = RULES.find((r) => r.meta.id === m.ruleId);
    return { ruleId: m.ruleId, severity: m.severity ?? (m.ruleId === rule.meta.id ? severity : (other?.meta.severity ?? 'warn')), line };
  });
  return { text: spliced.text, expected: sortExpected(expected) };
}

/** Lints a case with its rule alone (or every rule), and the engine's own findings about control comments. */
export function lintCase(rule: Rule, test: TestCase, text: string): Message[] {
  const config = testConfig({
    ...test.config,
    rules: { ...test.config?.rules, ...(test.options ? { [rule.meta.id]: { options: test.options } } : {}) },
  });
  const parsed = parseCoeDocument('test.md', text, { idPrefix: config.idPrefix, sectionAliases: config.sections });
  if (!parsed.ok) throw new Error(`ruleTester: the document does not parse: ${parsed.fatal.message}`);
  return lintDocument(
    parsed.doc,
    config,
    { now: test.now ?? TEST_NOW, internalTerms: config.internalTerms },
    test.everyRule ? RULES : [rule],
  );
}

/** Asserts that a case's findings are exactly its markers (rule id, severity, line), and hold its messages. */
export function expectMarkers(rule: Rule, test: TestCase): void {
  const { text, expected } = prepare(rule, test);
  expect(expected.length, 'an invalid case marks where its findings are').toBeGreaterThan(0);
  const messages = lintCase(rule, test, text);
  expect(sortExpected(messages.map(({ ruleId, severity, line }) => ({ ruleId, severity, line })))).toEqual(expected);
  test.messages?.forEach((want, i) => {
    const got = messages[i]?.message ?? '';
    if (typeof want === 'string') expect(got).toContain(want);
    else expect(got).toMatch(want);
  });
}

export function ruleTester(rule: Rule) {
  const id = rule.meta.id;
  const nameOf = (test: TestCase) => test.name ?? test.code.trim().split('\n').slice(0, 2).join(' ⏎ ').slice(0, 100);
  return {
    run({ valid = [], invalid = [] }: { valid?: (TestCase | string)[]; invalid?: TestCase[] }) {
      describe(`${id}: valid`, () => {
        for (const item of valid) {
          const test = typeof item === 'string' ? { code: item } : item;
          it(nameOf(test), () => {
            const { text, expected } = prepare(rule, test);
            expect(expected, 'a valid case has no markers').toEqual([]);
            expect(lintCase(rule, test, text).map(shown)).toEqual([]);
          });
        }
      });
      describe(`${id}: invalid`, () => {
        for (const test of invalid) {
          it(nameOf(test), () => expectMarkers(rule, test));
        }
      });
    },
  };
}

const shown = (m: Message) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`;

function sortExpected(list: Expected[]): Expected[] {
  return [...list].sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId) || a.severity.localeCompare(b.severity));
}

// The severity the engine gives the rule in this document: its draft severity in a draft.
function defaultSeverity(rule: Rule, text: string): Severity {
  if (!rule.meta.draftSeverity) return rule.meta.severity;
  const parsed = parseCoeDocument('test.md', text);
  return parsed.ok && parsed.doc.frontmatter.data.status === 'draft' ? rule.meta.draftSeverity : rule.meta.severity;
}
