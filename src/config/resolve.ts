// Checks what a configuration file holds and turns it into a ResolvedConfig.
// Any problem is a ConfigError naming the file and the key: exit 2, before
// any file is linted.
import path from 'node:path';
import * as z from 'zod';
import { UsageError } from '../util/errors.js';
import { PARSE_ONCE, type Configurable } from '../engine/rule.js';
import { DEFAULT_CONFIG, type ResolvedConfig, type RuleSetting } from './config.js';
import { configBase, LEVELS, levelSchema, type ConfigFile } from './schema.js';
import { configurableRules } from './rules.js';
import { closest } from '../util/suggest.js';
import { FORMAT_TENETS } from '../model/vocabulary.js';

export class ConfigError extends UsageError {}

export interface ConfigSource {
  /** Absolute path of the file the configuration came from. */
  file: string;
  /** The working directory: paths in the result are relative to it. */
  cwd: string;
}

export function resolveConfig(data: unknown, source: ConfigSource): ResolvedConfig {
  const name = displayName(source);
  if (data === undefined || data === null) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`${name}: the configuration must be an object of keys (docs, rules, …), not ${kindOf(data)}`);
  }
  const file = parseFile(data ?? {}, name);
  const rules = resolveRules(file.rules ?? {}, configurableRules(), name);
  checkTenets(file.report?.tenets ?? [], name);
  return {
    path: source.file,
    docs: relocate(file.docs ?? DEFAULT_CONFIG.docs, source),
    include: file.include ?? [...DEFAULT_CONFIG.include],
    ignore: [...DEFAULT_CONFIG.ignore, ...(file.ignore ?? [])],
    rules,
    sections: sectionsOf(file),
    idPrefix: file.idPrefix ?? DEFAULT_CONFIG.idPrefix,
    internalTerms: file.internalTerms ?? [],
    internalDomains: file.internalDomains ?? [],
    templates: relocate(file.templates ?? DEFAULT_CONFIG.templates, source),
    fileTimeout: file.fileTimeout ?? DEFAULT_CONFIG.fileTimeout,
    report: {
      recurrenceDays: file.report?.recurrenceDays ?? DEFAULT_CONFIG.report.recurrenceDays,
      dueSoonDays: file.report?.dueSoonDays ?? DEFAULT_CONFIG.report.dueSoonDays,
      tenets: file.report?.tenets ?? [],
    },
  };
}

// An empty configuration holds no key to check (most hold few).
function parseFile(data: object, name: string): ConfigFile {
  if (Object.keys(data).length === 0) return {};
  const parsed = configBase().safeParse(data, PARSE_ONCE);
  if (!parsed.success) throw new ConfigError(`${name}: ${describeIssue(parsed.error.issues[0]!, [])}`);
  return parsed.data;
}

// A tenet's id names it in the report and its JSON: one id, one tenet.
function checkTenets(tenets: { id: string }[], name: string): void {
  const seen = new Set<string>(FORMAT_TENETS.map((t) => t.id));
  tenets.forEach((tenet, i) => {
    if (seen.has(tenet.id))
      throw new ConfigError(
        `${name}: "report.tenets[${i}].id": "${tenet.id}" is taken (by the format or an earlier tenet): give it its own id`,
      );
    seen.add(tenet.id);
  });
}

function sectionsOf(file: ConfigFile): ResolvedConfig['sections'] {
  const entries = Object.entries(file.sections ?? {}).filter(([, aliases]) => aliases !== undefined);
  return Object.fromEntries(entries);
}

/** Paths in a configuration file are relative to its folder; the commands take them relative to the working directory. */
function relocate(value: string, source: ConfigSource): string {
  const absolute = path.resolve(path.dirname(source.file), value);
  return path.relative(source.cwd, absolute) || '.';
}

function resolveRules(raw: Record<string, unknown>, rules: Configurable[], name: string): Record<string, RuleSetting> {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const settings: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(raw)) {
    const rule = byId.get(id);
    if (!rule) {
      const hint = suggestion(id, [...byId.keys()], 'run `coe rules` for the list of rule ids');
      throw new ConfigError(`${name}: unknown rule "rules.${id}" ${hint}`);
    }
    settings[id] = resolveRule(rule, value, name);
  }
  return settings;
}

// The level and the options, parsed once, here: the engine reads them as they are.
function resolveRule(rule: Configurable, value: unknown, name: string): RuleSetting {
  const { meta } = rule;
  const key = `rules.${meta.id}`;
  const shape = `expected "off", "warn", "error" or [level, { options }]`;
  const [level, options, ...rest] = Array.isArray(value) ? value : [value];
  const parsedLevel = levelSchema.safeParse(level);
  if (!parsedLevel.success || rest.length > 0) {
    const guess = typeof level === 'string' && rest.length === 0 ? levelLike(level) : undefined;
    const hint = guess ? ` (did you mean "${guess}"?)` : '';
    throw new ConfigError(`${name}: "${key}": ${shape}, not ${JSON.stringify(value)}${hint}`);
  }
  if (options === undefined) return { level: parsedLevel.data, options: undefined };
  try {
    return { level: parsedLevel.data, options: rule.parseOptions(options) };
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    throw new ConfigError(`${name}: "${key}" ${describeOptionIssue(error.issues[0]!, meta.options)}`);
  }
}

function describeOptionIssue(issue: z.core.$ZodIssue, options: z.ZodType): string {
  if (issue.code === 'unrecognized_keys') {
    const known = optionNames(options);
    const written = issue.keys[0]!;
    const expected = known.length ? suggestion(written, known, `expected one of: ${known.join(', ')}`) : '(this rule takes no options)';
    return `option "${joinPath([...issue.path, written])}": unknown option ${expected}`;
  }
  if (issue.path.length === 0) return `options: ${plain(issue.message)}`;
  return `option "${joinPath(issue.path)}": ${plain(issue.message)}`;
}

function describeIssue(issue: z.core.$ZodIssue, prefix: PropertyKey[]): string {
  const at = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const where = at.length ? ` in "${joinPath(at)}"` : '';
    const written = issue.keys[0]!;
    const known = keysAt(at);
    return `unknown key "${written}"${where} ${suggestion(written, known, `expected one of: ${known.join(', ')}`)}`;
  }
  return `"${joinPath(at)}": ${plain(issue.message)}`;
}

// "warning", "Error", "of": a slip for a level.
function levelLike(written: string): string | undefined {
  const folded = written.trim().toLowerCase();
  return LEVELS.find((level) => folded.startsWith(level)) ?? closest(written, LEVELS);
}

/** `(did you mean "x"? then)`, or `(then)` when nothing known is close to what was written. */
function suggestion(written: string, known: readonly string[], then: string): string {
  const guess = closest(written, known);
  return guess === undefined ? `(${then})` : `(did you mean "${guess}"? ${then})`;
}

function keysAt(at: PropertyKey[]): string[] {
  if (at.length === 0) return Object.keys(configBase().shape).filter((k) => k !== '$schema');
  if (at[0] === 'sections') return Object.keys(configBase().shape.sections.unwrap().shape);
  if (at[0] === 'report' && at.length === 1) return Object.keys(configBase().shape.report.unwrap().shape);
  if (at[0] === 'report' && at[1] === 'tenets') return ['id', 'sentence', 'tag'];
  return [];
}

function optionNames(options: z.ZodType): string[] {
  const shape = (options as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

// zod's messages begin "Invalid input: " where a plainer one will do.
function plain(message: string): string {
  return message.replace(/^Invalid (input|option): /, '');
}

function joinPath(at: PropertyKey[]): string {
  return at.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    '',
  );
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function displayName(source: ConfigSource): string {
  const rel = path.relative(source.cwd, source.file);
  return rel && !rel.startsWith('..') ? rel : source.file;
}
