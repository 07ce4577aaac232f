// What a rule is: metadata (id, default severity, description, options
// schema, documentation) and a pure check over the model that returns
// findings without severity. `defineRule` wraps a rule's typed check in a
// uniform shape, as unified-lint-rule does: the rule carries its own options
// schema, options are parsed once (when the configuration loads), and the
// registry is a plain list of rules.
import * as z from 'zod';
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
  docs: RuleDocs;
}

export interface RuleDocs {
  /** Why the rule exists, in a few sentences of Markdown. */
  rationale: string;
  /**
   * An excerpt of a COE that the rule reports: frontmatter keys and
   * sections, put into a minimal valid COE by the tests. A `{rule-id}` at the
   * end of a line marks where a finding is expected (it is not shown on the
   * rule's page).
   */
  fail: RuleExample;
  /** The same excerpt, fixed: the rule reports nothing in it. */
  pass: RuleExample;
}

/** An example's Markdown, with the settings it is linted with, if any. */
export type RuleExample = string | { text: string; now?: string; options?: Record<string, unknown> };

export interface LintSettings {
  /** The date `action-item-overdue` compares with, YYYY-MM-DD. */
  now: string;
  /** Internal names that must not reach customers, beyond `services`. */
  internalTerms: string[];
}

declare const parsedBrand: unique symbol;
/** Options parsed by a rule's own schema: only that rule's check reads them. */
export type RuleOptions = { readonly [parsedBrand]: true };

export interface RuleContext<O> {
  doc: CoeDocument;
  options: O;
  settings: LintSettings;
}

export interface RuleFinding {
  message: string;
  range: Range;
}

/** What configuration may set: a rule, or a finding of the engine's own (`unused-disable`). */
export interface Configurable {
  readonly meta: RuleMeta;
  /** The default options, parsed once. */
  readonly defaults: RuleOptions;
  /** Parses options from configuration (unknown keys refused): throws a ZodError when they are wrong. */
  parseOptions(raw: unknown): RuleOptions;
}

export interface Rule extends Configurable {
  check(context: RuleContext<RuleOptions>): RuleFinding[];
  /** For a rule whose findings depend on the date: what it reads of a document, and the findings on a day. */
  dated?: Dated<unknown, RuleOptions>;
}

/**
 * A rule whose findings depend on the date (today, or --now) splits its
 * check in two: `facts` reads the document into plain data, and `on` gives
 * the findings for a day. The cache (engine/cache.ts) keeps the facts, so
 * a cached result is still right on another day.
 */
export interface Dated<F, O> {
  facts(context: { doc: CoeDocument; options: O }): F;
  on(facts: F, context: { options: O; settings: LintSettings }): RuleFinding[];
}

export interface RuleDefinition<S extends z.ZodType> {
  meta: RuleMeta<S>;
  check(context: RuleContext<z.output<S>>): RuleFinding[];
}

export function defineRule<S extends z.ZodType>(definition: RuleDefinition<S>): Rule {
  const options = optionsOf(definition.meta);
  return {
    ...options,
    // RuleOptions come only from this rule's parseOptions or defaults, so they are this rule's output type.
    // The engine makes a context for each call: it is passed on as it is, not copied.
    check: (context) => definition.check(context as unknown as RuleContext<z.output<S>>),
  };
}

export interface DatedRuleDefinition<S extends z.ZodType, F> {
  meta: RuleMeta<S>;
  dated: Dated<F, z.output<S>>;
}

/** A rule whose findings depend on the date: see `Dated`. */
export function defineDatedRule<S extends z.ZodType, F>(definition: DatedRuleDefinition<S, F>): Rule {
  const { dated } = definition;
  const typed = (options: RuleOptions) => options as unknown as z.output<S>;
  const erased: Dated<unknown, RuleOptions> = {
    facts: (context) => dated.facts({ doc: context.doc, options: typed(context.options) }),
    on: (facts, context) => dated.on(facts as F, { options: typed(context.options), settings: context.settings }),
  };
  return {
    ...optionsOf(definition.meta),
    check: (context) => erased.on(erased.facts(context), context),
    dated: erased,
  };
}

/**
 * For a schema parsed once a run (a rule's options, the configuration): on a
 * first parse zod compiles a fast path for each object schema with `new
 * Function`, which costs more than one parse saves.
 */
export const PARSE_ONCE = { jitless: true } as const;

/** Metadata and options parsing of something configurable that is not a rule. */
export function optionsOf(meta: RuleMeta): Configurable {
  // Built when a configuration gives options: most give none.
  let strict: z.ZodType | undefined;
  return {
    meta,
    defaults: meta.options.parse({}, PARSE_ONCE) as RuleOptions,
    parseOptions: (raw) => (strict ??= strictOptions(meta.options)).parse(raw, PARSE_ONCE) as RuleOptions,
  };
}

/** Options schemas reject unknown keys in configuration, so a misspelt option is an error. */
export function strictOptions(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodObject ? schema.strict() : schema;
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
