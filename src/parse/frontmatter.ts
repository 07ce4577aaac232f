// YAML frontmatter to the frontmatter model: values that pass the schema,
// problems with their place in the file, and where every key sits.
import type { Yaml } from 'mdast';
import {
  Composer,
  CST,
  Lexer,
  LineCounter,
  Parser,
  YAMLParseError,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Pair,
  YAMLMap,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type * as z from 'zod';
import { frontmatterSchema, type Milestone } from '../model/frontmatter-schema.js';
import { incidentTime, markOrder } from '../model/incident.js';
import { parseIsoTime } from '../util/time.js';
import { hasPlaceholder } from '../util/placeholders.js';
import type { FrontmatterData, FrontmatterModel, FrontmatterProblem, IncidentData, Range } from '../model/types.js';
import { OverLimitError } from './limits.js';
import { issueMessage } from './frontmatter-messages.js';
import { openFrontmatter, unclosedMessage, type OpenFrontmatter, type ReadYaml, type YamlSpan } from './unclosed-frontmatter.js';

const MAX_ALIAS_COUNT = 100;

// `logLevel: 'error'`: the yaml package warns on stderr when it turns a key
// that is a list or mapping into a string; the key is reported as unknown.
const YAML_OPTIONS = { prettyErrors: false, logLevel: 'error' } as const;

/**
 * The YAML as a document of the yaml package (repeated keys allowed, as the
 * model finds them itself), lexed once; none when it nests too deeply for
 * the parser's stack (nested "? " keys, brackets or "- " items, a few KB of
 * them).
 */
export function yamlDocument(text: string, lineCounter?: LineCounter): Document.Parsed | undefined {
  const tokens = tokensWithinDepth(text);
  if (!tokens) return undefined;
  let doc;
  try {
    doc = documentOf(text, tokens, { ...YAML_OPTIONS, uniqueKeys: false, lineCounter });
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  // The composer catches its own stack overflow and reports it as an error.
  return doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION') ? undefined : doc;
}

/** yamlDocument, or OverLimitError when the YAML nests too deeply. */
function parseYaml(text: string, lineCounter?: LineCounter): Document.Parsed {
  const doc = yamlDocument(text, lineCounter);
  if (!doc) throw tooDeep();
  return doc;
}

/**
 * The yaml package's parseDocument (with prettyErrors off), from the tokens
 * its lexer gave for the depth check: the text is lexed once.
 */
function documentOf(source: string, tokens: string[], options: typeof YAML_OPTIONS & { uniqueKeys: boolean; lineCounter?: LineCounter }) {
  const parser = new Parser(options.lineCounter?.addNewLine);
  const composer = new Composer(options);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(cstOf(parser, tokens, options.lineCounter), true, source.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  // compose(…, true) makes a document at the latest when the tokens end.
  return doc!;
}

// What Parser.parse yields, from tokens lexed already.
function* cstOf(parser: Parser, tokens: string[], lineCounter: LineCounter | undefined) {
  lineCounter?.addNewLine(0);
  for (const token of tokens) yield* parser.next(token);
  yield* parser.end();
}

/** Nesting past this many levels (indentation included) is not parsed. */
export const MAX_YAML_DEPTH = 100;

/** Whether the YAML nests deeper than MAX_YAML_DEPTH (see tokensWithinDepth). */
export function yamlTooDeep(text: string): boolean {
  return tokensWithinDepth(text) === undefined;
}

/**
 * The yaml package's lexical tokens of the text, or none when it nests
 * deeper than MAX_YAML_DEPTH. The lexer keeps no stack; the parser recurses
 * once a level: a few thousand levels overflow the stack, and an overflow
 * inside V8's regular expression compiler aborts the process instead of
 * throwing. Each line's depth is at most its indentation, plus the "?", "-"
 * and ":" indicators on it, plus the brackets open around it.
 */
function tokensWithinDepth(text: string): string[] | undefined {
  const tokens: string[] = [];
  let flow = 0;
  let line = 0;
  let indent = 0;
  let lineStart = true;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    tokens.push(token);
    if (scalarNext) {
      // A scalar's source: its own indentation and line breaks are text.
      scalarNext = false;
      continue;
    }
    const type = CST.tokenType(token);
    if (type === 'newline') {
      [lineStart, line, indent] = [true, 0, 0];
      continue;
    }
    if (type === 'space' || type === 'doc-mode' || type === 'byte-order-mark') {
      if (type === 'space' && lineStart) indent = token.length;
      continue;
    }
    lineStart = false;
    if (token === CST.SCALAR) scalarNext = true;
    else if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    // In brackets, "?" and ":" nest nothing: the brackets count.
    else if ((type === 'explicit-key-ind' || type === 'seq-item-ind' || type === 'map-value-ind') && flow === 0) line++;
    else continue;
    if (indent + line + flow > MAX_YAML_DEPTH) return undefined;
  }
  return tokens;
}

function tooDeep(): OverLimitError {
  return new OverLimitError(`the frontmatter nests deeper than ${MAX_YAML_DEPTH} levels`);
}

export function emptyFrontmatter(): FrontmatterModel {
  return { present: false, hasCoeKey: false, data: {}, problems: [], positions: new Map(), strings: [], range: undefined };
}

/** An unclosed frontmatter (see openFrontmatter) whose YAML holds a `coe` key: a COE, with one problem. */
export function unclosedCoeFrontmatter(lines: string[]): OpenFrontmatter | undefined {
  const read = yamlReader(lines);
  const open = openFrontmatter(lines, read);
  return open && read(open.end).coe ? open : undefined;
}

// Reads lines 1 to `end` as YAML, once for each `end`: finding where an
// unclosed frontmatter ends may read the same lines again.
function yamlReader(lines: string[]): ReadYaml {
  const spans = new Map<number, YamlSpan>();
  return (end) => {
    let span = spans.get(end);
    if (!span) spans.set(end, (span = readSpan(lines, end)));
    return span;
  };
}

function readSpan(lines: string[], end: number): YamlSpan {
  const counter = new LineCounter();
  const doc = parseYaml(lines.slice(1, end).join('\n'), counter);
  // Errors are not in the order of the text.
  const first = doc.errors.reduce((min, e) => Math.min(min, e.pos[0]), Infinity);
  // Line n of the text (1-based) is line n of the file (0-based), after the opening "---".
  const errorLine = first === Infinity ? Infinity : counter.linePos(first).line;
  const coe = isMap(doc.contents) && doc.contents.items.some((p) => isScalar(p.key) && p.key.value === 'coe');
  return { errorLine, coe };
}

/** The problem of an unclosed frontmatter: at its "..." line, or at its opening line. */
export function unclosedProblem(open: OpenFrontmatter, lines: string[]): FrontmatterProblem {
  const line = open.ending === 'dots' ? open.end + 1 : 1;
  const end = open.ending === 'dots' ? lines[open.end]!.trimEnd().length + 1 : 4;
  return { kind: 'syntax', message: unclosedMessage(open), range: { start: { line, column: 1 }, end: { line, column: end } } };
}

/** Whether the lines open with an unclosed COE frontmatter, as a model with only that problem. */
export function unclosedFrontmatter(lines: string[]): FrontmatterModel {
  const model = emptyFrontmatter();
  const open = unclosedCoeFrontmatter(lines);
  if (!open) return model;
  model.present = true;
  model.hasCoeKey = true;
  model.range = { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } };
  model.problems.push(unclosedProblem(open, lines));
  return model;
}

/** Reads the frontmatter; throws OverLimitError when it nests too deeply to be read. */
export function readFrontmatter(node: Yaml | undefined, idPrefix: string): FrontmatterModel {
  try {
    return readYaml(node, idPrefix);
  } catch (error) {
    // A walk over values nested hundreds deep may still overflow the stack.
    throw error instanceof RangeError ? tooDeep() : error;
  }
}

function readYaml(node: Yaml | undefined, idPrefix: string): FrontmatterModel {
  const model = emptyFrontmatter();
  if (!node?.position) return model;
  model.present = true;
  model.range = {
    start: { line: node.position.start.line, column: node.position.start.column },
    end: { line: node.position.end.line, column: node.position.end.column },
  };
  // The YAML text starts on the line after the opening `---`.
  const lineOffset = node.position.start.line;
  const counter = new LineCounter();
  // Duplicate keys are found below (yamlDocument allows them): the yaml
  // package compares each key with every one before it, which takes seconds
  // on a mapping of 10,000 keys.
  const doc = parseYaml(node.value, counter);
  const toRange = (from: number, to: number): Range => {
    const a = counter.linePos(from);
    const b = counter.linePos(Math.max(from, to));
    return { start: { line: a.line + lineOffset, column: a.col }, end: { line: b.line + lineOffset, column: b.col } };
  };
  const whole = model.range;

  indexPositions(doc.contents, '', toRange, model, (key) => jsKeyOf(key, doc));
  model.hasCoeKey = model.positions.has('coe');

  // The first YAML error only: the ones after it mostly follow from it.
  const error = doc.errors[0];
  const duplicate = firstDuplicateKey(doc.contents);
  if (duplicate && (!error || duplicate[0] < error.pos[0])) {
    model.problems.push({ kind: 'syntax', message: 'Invalid YAML: Map keys must be unique', range: toRange(duplicate[0], duplicate[1]) });
    return model;
  }
  if (error) {
    // An unclosed quote or bracket is found at the end; point where it opens.
    const unclosed = error.code === 'MISSING_CHAR' || (error.code === 'BAD_INDENT' && error.message.startsWith('Flow '));
    const opened = unclosed ? openingOf(doc.contents, error.pos[0]) : undefined;
    const slip = opened === undefined ? indentSlip(error, node.value) : undefined;
    const at = opened ?? slip?.from ?? error.pos[0];
    model.problems.push({
      kind: 'syntax',
      message: slip ? INDENT_SLIP : yamlMessage(error.message, error.code),
      range: toRange(at, slip?.to ?? (opened === undefined ? error.pos[1] : at + 1)),
    });
    return model;
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep();
    const range = firstAliasRange(doc.contents, toRange) ?? whole;
    model.problems.push({ kind: 'syntax', message: `YAML could not be read: ${(error as Error).message}`, range });
    return model;
  }
  if (value === null || value === undefined) {
    model.problems.push({
      kind: 'syntax',
      message: 'The frontmatter is empty: add the keys of a COE (coe: 1, id, title, …)',
      range: whole,
    });
    return model;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    model.problems.push({ kind: 'syntax', message: 'The frontmatter must be a YAML mapping of keys to values', range: whole });
    return model;
  }
  validate(value as Record<string, unknown>, idPrefix, model);
  return model;
}

// On its first parse zod compiles a fast path for each object schema (`new
// Function`), which pays back over many documents only: a run of a few
// (`coe lint FILE`, a hook) parses without it, 0.7% fewer instructions for
// one COE.
let schemaParse: { jitless?: boolean } = {};

/** This process parses a few documents only: frontmatter is checked without compiling zod's fast path. */
export function parseFewDocuments(): void {
  schemaParse = { jitless: true };
}

// The keys and types of format 2. The policy (milestone order, what a status
// needs, which key a misspelt one stands for) is frontmatter-schema's.
function validate(raw: Record<string, unknown>, idPrefix: string, model: FrontmatterModel): void {
  // Keys that begin with `x-` belong to the user.
  const input = withoutUserKeys(raw);
  if (isRecord(input.incident)) input.incident = withoutEmptyMilestones(withoutUserKeys(input.incident));
  const result = frontmatterSchema(idPrefix).safeParse(input, schemaParse);
  const bad = new Set<string>();
  if (!result.success) {
    for (const issue of firstPerKey(result.error.issues)) {
      // A value still left as a placeholder is reported by no-placeholders alone.
      const value = valueAt(input, issue.path);
      const placeholder = typeof value === 'string' && hasPlaceholder(value);
      if (!placeholder) for (const problem of issueProblems(issue, model, value)) model.problems.push(problem);
      const path = issue.path.map(String);
      const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...path, k]) : [path];
      for (const k of keys) bad.add(k.join('.'));
    }
  }
  const data = keepValid(input, bad);
  model.data = { ...data, incident: isRecord(data.incident) ? incidentData(data.incident, model) : undefined } as FrontmatterData;
  if (model.data.incident) markOrder(model.data.incident);
  else delete model.data.incident;
}

// Milestones as times; the schema let through only ISO 8601 times.
function incidentData(raw: Record<string, unknown>, model: FrontmatterModel): IncidentData {
  const out: IncidentData = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'detected_by') out.detected_by = value as IncidentData['detected_by'];
    else if (typeof value === 'string') {
      const ms = parseIsoTime(value);
      const range = model.positions.get(`incident.${key}`) ?? model.range!;
      if (ms !== undefined) out[key as Milestone] = incidentTime(value, ms, range);
    }
  }
  return out;
}

// A milestone written with no value is one not known yet: frontmatter-schema
// reports it only where the status needs it.
function withoutEmptyMilestones(incident: Record<string, unknown>): Record<string, unknown> {
  const empty = (key: string, value: unknown) =>
    OPTIONAL_MILESTONES.has(key) && (value === null || (typeof value === 'string' && value.trim() === ''));
  return Object.fromEntries(Object.entries(incident).filter(([key, value]) => !empty(key, value)));
}

const OPTIONAL_MILESTONES = new Set(['engaged', 'mitigated', 'resolved', 'customer_notified']);

// One finding a key: zod may add a second issue that follows from the first
// ("authors" is not a list, and it is too short).
function firstPerKey(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code === 'unrecognized_keys' ? 'keys:' : ''}${issue.path.join('.')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = isRecord(at) || Array.isArray(at) ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

function withoutUserKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('x-')));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function issueProblems(issue: z.core.$ZodIssue, model: FrontmatterModel, value: unknown): FrontmatterProblem[] {
  const path = issue.path.map(String);
  const key = path.join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((name) => {
      const full = [...path, name].join('.');
      const message =
        name === ''
          ? 'Key with no name (null, ~ or ""): name it, or remove it'
          : `Unknown key "${full}": check its spelling (keys of your own must begin with "x-")`;
      return { kind: 'unknown-key', path: full, message, range: model.positions.get(full) ?? rangeOf(path, model) };
    });
  }
  if (key !== '' && !model.positions.has(key)) {
    return [{ kind: 'missing-key', path: key, message: `Missing required key "${key}"`, range: rangeOf(path, model) }];
  }
  return [{ kind: 'type', path: key, message: issueMessage(issue, key, value), range: rangeOf(path, model) }];
}

// The place of a key path, or of its nearest parent that is in the file.
function rangeOf(path: string[], model: FrontmatterModel): Range {
  for (let n = path.length; n > 0; n--) {
    const range = model.positions.get(path.slice(0, n).join('.'));
    if (range) return range;
  }
  return model.range!;
}

// Drops the values whose path (or a parent's) has an issue.
function keepValid(input: Record<string, unknown>, bad: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (bad.has(key) || bad.has('')) continue;
    if (key === 'incident' && value && typeof value === 'object' && !Array.isArray(value)) {
      const incident: Record<string, unknown> = {};
      for (const [sub, v] of Object.entries(value)) {
        if (!bad.has(`incident.${sub}`)) incident[sub] = v;
      }
      out[key] = incident;
    } else if (![...bad].some((b) => b.startsWith(`${key}.`))) {
      out[key] = value;
    }
  }
  return out;
}

type ToRange = (from: number, to: number) => Range;

type KeyOf = (key: unknown) => string | undefined;

// Records where each key path sits, and every scalar string value. A path
// names keys as the value read from the document does (its problems are
// found there): a null key is "", a list or mapping its YAML in flow style.
function indexPositions(node: unknown, prefix: string, toRange: ToRange, model: FrontmatterModel, keyOf: KeyOf): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = isPair(pair) ? keyOf(pair.key) : undefined;
      if (name === undefined) continue;
      const path = prefix ? `${prefix}.${name}` : name;
      const keyRange = (pair.key as YamlNode).range;
      if (keyRange) model.positions.set(path, toRange(keyRange[0], keyRange[1]));
      indexPositions(pair.value, path, toRange, model, keyOf);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      // Items have no key: their value's place stands for them.
      const range = (item as YamlNode | null)?.range;
      if (range) model.positions.set(`${prefix}.${i}`, toRange(range[0], range[1]));
      indexPositions(item, `${prefix}.${i}`, toRange, model, keyOf);
    });
  } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
    model.strings.push({ path: prefix, value: node.value, range: toRange(node.range[0], node.range[1]) });
  }
}

// A key as the yaml package writes it in the value it makes of a document
// (toJS): a scalar's value as a string, null as "", anything else by the
// package itself, from a mapping of that key alone. None for an alias, or
// for a key that cannot be read alone (it holds an alias of an anchor
// outside it): its problems are then placed at its mapping.
function jsKeyOf(key: unknown, doc: Document): string | undefined {
  if (isScalar(key)) {
    const value = key.value;
    if (value === null || value === undefined) return '';
    if (typeof value !== 'object') return String(value);
  } else if (!isMap(key) && !isSeq(key)) return undefined;
  const alone = new YAMLMap(doc.schema);
  alone.items.push(new Pair(key, null));
  try {
    return Object.keys(alone.toJS(doc) as object)[0];
  } catch {
    return undefined;
  }
}

// The place of the first key that repeats an earlier key of its mapping, in
// the order the file is read. Keys are equal when their values are (1 and
// "1" differ), as in the yaml package's own check.
function firstDuplicateKey(node: unknown): [number, number] | undefined {
  if (isMap(node)) {
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      if (isScalar(pair.key)) {
        if (seen.has(pair.key.value) && pair.key.range) return [pair.key.range[0], pair.key.range[1]];
        seen.add(pair.key.value);
      }
      const found = firstDuplicateKey(pair.value);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const found = firstDuplicateKey(item);
      if (found) return found;
    }
  }
  return undefined;
}

// The start of the innermost quoted scalar or flow collection that runs up to `pos`.
function openingOf(node: unknown, pos: number): number | undefined {
  let found: number | undefined;
  const visit = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const range = (n as YamlNode).range;
    const quoted = isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE');
    const flow = (isMap(n) || isSeq(n)) && n.flow === true;
    if (range && (quoted || flow) && range[0] < pos && pos <= range[2] && (found === undefined || range[0] > found)) found = range[0];
    if (!isMap(n) && !isSeq(n)) return;
    for (const item of n.items) {
      if (isPair(item)) {
        visit(item.key);
        visit(item.value);
      } else visit(item);
    }
  };
  visit(node);
  return found;
}

function firstAliasRange(node: unknown, toRange: ToRange): Range | undefined {
  if (isAlias(node) && (node as YamlNode).range) {
    const r = (node as YamlNode).range!;
    return toRange(r[0], r[1]);
  }
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      const found = isPair(item) ? firstAliasRange(item.value, toRange) : firstAliasRange(item, toRange);
      if (found) return found;
    }
  }
  return undefined;
}

function yamlMessage(message: string, code: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  // A colon inside a plain value is the usual cause; quoting the value is the fix.
  const hint = first.startsWith('Flow ')
    ? ': close the bracket it opens, on the same line ([a, b])'
    : code === 'BAD_INDENT'
      ? ': indent this key as the keys beside it'
      : /mapping|Implicit keys|Nested/i.test(first)
        ? ': put the value in quotes if it holds ": "'
        : '';
  return `Invalid YAML: ${first}${hint}`;
}

const INDENT_SLIP =
  'Invalid YAML: this line is indented more than the key before it, so it reads as part of its value: indent it as the keys beside it';

// "start: 04:12\n   detected: 04:52", one space too many: the parser blames
// the value before ("nested mappings are not allowed"), which holds no ": "
// to quote. The slip is the next line, more indented: point at its key.
function indentSlip(error: { code: string; pos: [number, number] }, text: string): { from: number; to: number } | undefined {
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY' && error.code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  const end = text.indexOf('\n', error.pos[0]);
  if (end === -1 || /:(?:\s|$)/.test(text.slice(error.pos[0], end))) return undefined;
  let from = end + 1;
  while (text[from] === ' ' || text[from] === '\t') from++;
  const next = text.indexOf('\n', from);
  return { from, to: next === -1 ? text.length : next };
}

/**
 * The keys of a frontmatter, top-level and in `incident` ("incident.start"),
 * read without one of its lines (1-based, in the file): completion asks
 * which keys are written while a key is half typed on that line ("  cu"
 * runs into the line after it as one plain value, hiding the key there).
 */
export function keysWithoutLine(node: Yaml, line: number): string[] {
  const first = node.position?.start.line;
  if (first === undefined) return [];
  const lines = node.value.split('\n');
  lines.splice(line - first - 1, 1);
  const read = yamlDocument(lines.join('\n'));
  if (!read || !isMap(read.contents)) return [];
  const keys: string[] = [];
  for (const pair of read.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    keys.push(key);
    if (key === 'incident' && isMap(pair.value)) {
      for (const inner of pair.value.items) if (isScalar(inner.key)) keys.push(`incident.${String(inner.key.value)}`);
    }
  }
  return keys;
}
