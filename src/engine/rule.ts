// What a rule is: metadata (id, default severity, description, options schema)
// and a pure check over the model that returns findings without severity.
import type { z } from 'zod';
import type { CoeDocument, Range } from '../model/types.js';

export type Severity = 'error' | 'warn';
export type Level = Severity | 'off';

export interface RuleMeta<S extends z.ZodType = z.ZodType> {
  id: string;
  severity: Severity;
  /** Severity while the COE's status is `draft`, when the user set no level. */
  draftSeverity?: Severity;
  description: string;
  /** Options with their defaults: `options.parse({})` gives the defaults. */
  options: S;
  /** The rule's documentation page: why, and a failing and a passing example. */
  docs?: RuleDocs;
}

export interface RuleDocs {
  /** Why the rule exists, in a few sentences of Markdown. */
  rationale: string;
  /** A Markdown excerpt of a COE that the rule reports. */
  fail: string;
  /** The same excerpt, fixed. */
  pass: string;
}

export interface LintSettings {
  /** The date `action-item-overdue` compares with, YYYY-MM-DD. */
  now: string;
  /** Internal names that must not reach customers, beyond `services`. */
  internalTerms: string[];
}

export interface RuleContext<O> {
  doc: CoeDocument;
  options: O;
  settings: LintSettings;
}

export interface RuleFinding {
  message: string;
  range: Range;
}

export interface Rule<S extends z.ZodType = z.ZodType> {
  meta: RuleMeta<S>;
  check(context: RuleContext<z.output<S>>): RuleFinding[];
}

export function defineRule<S extends z.ZodType>(rule: Rule<S>): Rule<S> {
  return rule;
}

/** A finding as the engine reports it. */
export interface Message {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
