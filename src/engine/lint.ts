// The engine: runs the registry's rules over one document with the
// configured levels and options, then applies inline control comments.
import type { CoeDocument, ControlComment } from '../model/types.js';
import type { ResolvedConfig } from '../config/config.js';
import { RULES } from '../rules/index.js';
import { applyControls } from './controls.js';
import { FATAL, UNUSED_DISABLE } from './builtins.js';
import type { LintSettings, Message, Rule, RuleFinding, RuleOptions, Severity } from './rule.js';
import { decode, parseCoeDocument, type ParseOptions } from '../parse/document.js';
import { parseMarkdown } from '../parse/markdown.js';
import { readFrontmatter, unclosedFrontmatter } from '../parse/frontmatter.js';
import { neverClosedFrontmatter } from '../parse/unclosed-frontmatter.js';
import { pushAll } from '../util/arrays.js';

export interface FileResult {
  file: string;
  /** False for Markdown that is not a COE (no `coe` key in its frontmatter). */
  isCoe: boolean;
  messages: Message[];
  errorCount: number;
  warningCount: number;
}

export function parseOptionsOf(config: ResolvedConfig): ParseOptions {
  return { idPrefix: config.idPrefix, sectionAliases: config.sections };
}

/**
 * Lints a file's bytes: decode, parse once, run the rules. Pure; never
 * throws: whatever fails is a `fatal` finding of this file alone.
 */
export function lintBytes(file: string, bytes: Uint8Array, config: ResolvedConfig, settings: LintSettings): FileResult {
  const loaded = loadBytes(file, bytes, config);
  return loaded.doc ? lintLoaded(file, loaded.doc, config, settings) : loaded.result;
}

/** Lints a file's text. */
export function lintText(file: string, text: string, config: ResolvedConfig, settings: LintSettings): FileResult {
  const loaded = loadText(file, text, config);
  return loaded.doc ? lintLoaded(file, loaded.doc, config, settings) : loaded.result;
}

/** The result of a file whose document was loaded. Never throws. */
export function lintLoaded(file: string, doc: CoeDocument, config: ResolvedConfig, settings: LintSettings): FileResult {
  return lintLoadedParts(file, doc, config, settings).result;
}

/** A file's lint result, and its parts for the cache when it parsed and they are kept. */
export interface Outcome {
  result: FileResult;
  parts?: LintParts;
  /** A result of this run alone (the file was stopped, or its worker failed): never cached. */
  transient?: true;
}

/** A loaded file's outcome, with its parts only when `keepParts` (the cache keeps them). Never throws. */
export function lintOutcome(file: string, loaded: Loaded, config: ResolvedConfig, settings: LintSettings, keepParts: boolean): Outcome {
  if (!loaded.doc) return { result: loaded.result };
  const outcome = lintLoadedParts(file, loaded.doc, config, settings);
  return keepParts ? outcome : { result: outcome.result };
}

/** The result of a file whose document was loaded, and its parts for the cache (none when linting failed). */
export function lintLoadedParts(
  file: string,
  doc: CoeDocument,
  config: ResolvedConfig,
  settings: LintSettings,
): { result: FileResult; parts?: LintParts } {
  try {
    const parts = lintParts(doc, config, settings);
    return { result: result(file, doc.frontmatter.hasCoeKey, finishParts(parts, config, settings)), parts };
  } catch (error) {
    // A stack overflow or a bug must not cost the other files of the run.
    return { result: couldNotLint(file, error) };
  }
}

/** A file's result from the parts kept in the cache, on the day of `settings`. */
export function resultOfParts(file: string, isCoe: boolean, parts: LintParts, config: ResolvedConfig, settings: LintSettings): FileResult {
  return result(file, isCoe, finishParts(parts, config, settings));
}

/** A file's document, or the `fatal` result that says why there is none. */
export type Loaded = { doc: CoeDocument; result?: undefined } | { doc?: undefined; result: FileResult };

/** Decodes and parses a file's bytes, once. Never throws. */
export function loadBytes(file: string, bytes: Uint8Array, config: ResolvedConfig): Loaded {
  try {
    const decoded = decode(bytes);
    if (!decoded.ok) return { result: fatalResult(file, decoded.fatal.message, decoded.fatal.line, decoded.fatal.column) };
    return loadText(file, decoded.text, config);
  } catch (error) {
    return { result: couldNotLint(file, error) };
  }
}

function loadText(file: string, text: string, config: ResolvedConfig): Loaded {
  try {
    const parsed = parseCoeDocument(file, text, parseOptionsOf(config));
    if (parsed.ok) return { doc: parsed.doc };
    // Over a limit: still tell whether it is a COE, so folders pass over other Markdown.
    const fatal = fatalResult(file, parsed.fatal.message, parsed.fatal.line, parsed.fatal.column);
    return { result: { ...fatal, isCoe: hasCoeFrontmatter(text, config) } };
  } catch (error) {
    return { result: couldNotLint(file, error) };
  }
}

/**
 * A file refused before it was read whole: a `fatal` finding. When its first
 * bytes are at hand, they tell whether it is a COE, so that a folder passes
 * over other Markdown that is merely large.
 */
export function refusedResult(file: string, message: string, head: Uint8Array | undefined, config: ResolvedConfig): FileResult {
  const result = fatalResult(file, message);
  if (!head || head.includes(0)) return result;
  return { ...result, isCoe: hasCoeFrontmatter(new TextDecoder().decode(head), config) };
}

export function couldNotLint(file: string, error: unknown): FileResult {
  return fatalResult(file, `File could not be linted: ${errorMessage(error)}`);
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0] || 'unknown error';
}

/** The findings of a parsed document: of every rule, or of the rules given (a test may run one). Never throws. */
export function lintDocument(doc: CoeDocument, config: ResolvedConfig, settings: LintSettings, rules: readonly Rule[] = RULES): Message[] {
  return finishParts(lintParts(doc, config, settings, rules), config, settings);
}

/**
 * What a document's findings are made of, as plain data: the findings of
 * the rules that do not depend on the date, the facts the others read (each
 * with its rule and severity), and the control comments, applied last. The
 * cache keeps these, so a cached file is still right on another day.
 */
export interface LintParts {
  messages: Message[];
  dated: { ruleId: string; severity: Severity; facts: unknown }[];
  controls: ControlComment[];
}

export function lintParts(doc: CoeDocument, config: ResolvedConfig, settings: LintSettings, rules: readonly Rule[] = RULES): LintParts {
  if (!doc.frontmatter.hasCoeKey) return { messages: notACoe(doc), dated: [], controls: [] };
  const parts: LintParts = { messages: [], dated: [], controls: doc.controls };
  for (const rule of rules) {
    const severity = severityOf(rule, doc, config);
    if (severity === 'off') continue;
    const options = optionsFor(rule, config);
    if (rule.dated) {
      const facts = guarded(rule, () => rule.dated!.facts({ doc, options }));
      if (Array.isArray(facts)) pushAll(parts.messages, facts as Message[]);
      else parts.dated.push({ ruleId: rule.meta.id, severity, facts: facts.value });
    } else {
      pushAll(
        parts.messages,
        messagesOf(
          rule,
          severity,
          guarded(rule, () => rule.check({ doc, options, settings })),
        ),
      );
    }
  }
  return parts;
}

/** The findings of a document from its parts, on the day of `settings`. */
export function finishParts(parts: LintParts, config: ResolvedConfig, settings: LintSettings): Message[] {
  const messages = [...parts.messages];
  for (const { ruleId, severity, facts } of parts.dated) {
    const rule = RULES.find((r) => r.meta.id === ruleId);
    if (!rule?.dated) continue;
    const options = optionsFor(rule, config);
    pushAll(
      messages,
      messagesOf(
        rule,
        severity,
        guarded(rule, () => rule.dated!.on(facts, { options, settings })),
      ),
    );
  }
  if (parts.controls.length === 0) return sortMessages(messages);
  // Control comments may name any rule of the registry, whichever ran.
  const known = new Set(RULES.map((r) => r.meta.id));
  const unusedLevel = config.rules[UNUSED_DISABLE]?.level ?? 'warn';
  return sortMessages(applyControls(messages, parts.controls, known, unusedLevel));
}

// A file named on the command line that is not a COE: one finding, not one per rule.
function notACoe(doc: CoeDocument): Message[] {
  const range = doc.frontmatter.range ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  const message = doc.frontmatter.present
    ? 'Not a COE document: its frontmatter has no "coe" key (add coe: 1 to mark it as a COE)'
    : neverClosedFrontmatter(doc.lines)
      ? 'Not a COE document: its frontmatter is never closed, and has no "coe" key (end the YAML block with a line "---", and add coe: 1 to mark it as a COE)'
      : 'Not a COE document: it has no frontmatter (begin it with a YAML block between "---" lines holding coe: 1, id, title, …)';
  const { line, column } = range.start;
  return [{ ruleId: 'frontmatter-schema', severity: 'error', message, line, column, endLine: range.end.line, endColumn: range.end.column }];
}

function severityOf(rule: Rule, doc: CoeDocument, config: ResolvedConfig): Severity | 'off' {
  const level = config.rules[rule.meta.id]?.level;
  if (level) return level;
  if (rule.meta.draftSeverity && doc.frontmatter.data.status === 'draft') return rule.meta.draftSeverity;
  return rule.meta.severity;
}

function optionsFor(rule: Rule, config: ResolvedConfig): RuleOptions {
  return config.rules[rule.meta.id]?.options ?? rule.defaults;
}

// A bug in one rule must not hide the findings of the others: it is one
// finding of that rule (returned as messages instead of the value).
function guarded<T>(rule: Rule, run: () => T): { value: T } | Message[] {
  try {
    return { value: run() };
  } catch (error) {
    return [
      {
        ruleId: rule.meta.id,
        severity: 'error',
        message: `Rule ${rule.meta.id} failed on this file: ${(error as Error).message}`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ];
  }
}

function messagesOf(rule: Rule, severity: Severity, findings: { value: RuleFinding[] } | Message[]): Message[] {
  if (Array.isArray(findings)) return findings;
  return findings.value.map((f) => ({
    ruleId: rule.meta.id,
    severity,
    message: f.message,
    line: f.range.start.line,
    column: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
  }));
}

function sortMessages(messages: Message[]): Message[] {
  return messages.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

// Reads only the frontmatter block at the top (the lines up to its closing
// fence). A frontmatter that cannot be read may be a COE's: it is reported,
// not passed over.
function hasCoeFrontmatter(text: string, config: ResolvedConfig): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1000);
  if (lines[0]?.trimEnd() !== '---') return false;
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  try {
    if (close === -1) return unclosedFrontmatter(lines).hasCoeKey;
    const yaml = parseMarkdown(lines.slice(0, close + 1).join('\n')).children.find((n) => n.type === 'yaml');
    return readFrontmatter(yaml, config.idPrefix).hasCoeKey;
  } catch {
    return true;
  }
}

export function fatalResult(file: string, message: string, line = 1, column = 1): FileResult {
  return result(file, true, [{ ruleId: FATAL, severity: 'error', message, line, column, endLine: line, endColumn: column }]);
}

function result(file: string, isCoe: boolean, messages: Message[]): FileResult {
  const errorCount = messages.filter((m) => m.severity === 'error').length;
  return { file, isCoe, messages, errorCount, warningCount: messages.length - errorCount };
}
