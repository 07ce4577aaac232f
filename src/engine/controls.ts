// Applies inline control comments to findings after the rules ran, and
// reports the comments that do nothing: a disable that suppresses nothing, a
// `coe-` comment that is no directive, or one that names an unknown rule
// (format 3.9: such a comment disables nothing at all).
import type { ControlComment } from '../model/types.js';
import { DIRECTIVES } from '../parse/controls.js';
import { closest } from '../util/suggest.js';
import { FATAL, UNUSED_DISABLE } from './builtins.js';
import type { Message, Severity } from './rule.js';

const ALL = '*';

interface Span {
  control: ControlComment;
  /** A rule id, or ALL. */
  rule: string;
  /** For ALL: the rules a later `coe-enable RULE` turned back on. */
  except?: Set<string>;
  from: number;
  to: number;
  used: boolean;
}

export function applyControls(
  messages: Message[],
  controls: ControlComment[],
  knownRules: Set<string>,
  unusedSeverity: Severity | 'off',
): Message[] {
  if (controls.length === 0) return messages;
  const problems = new Map<ControlComment, string>();
  for (const control of controls) {
    const problem = controlProblem(control, knownRules);
    if (problem) problems.set(control, problem);
  }
  const spans = buildSpans(controls.filter((c) => !problems.has(c)));
  const suppressed = markSuppressed(messages, spans);
  const kept = messages.filter((_, i) => !suppressed[i]);
  if (unusedSeverity === 'off') return kept;
  const unused = unusedSpans(spans, kept);
  for (const [control, text] of problems) kept.push(report(control, unusedSeverity, text));
  for (const [control, text] of unused) kept.push(report(control, unusedSeverity, text));
  return kept;
}

// Why a comment does nothing, or undefined when it is a valid directive.
function controlProblem(control: ControlComment, knownRules: Set<string>): string | undefined {
  if (control.kind === 'unknown') {
    const meant = closest(control.directive.replace(/^coe-/i, ''), DIRECTIVES);
    const hint = meant ? ` (did you mean "coe-${meant}"?)` : ` (directives: ${DIRECTIVES.map((d) => `coe-${d}`).join(', ')})`;
    return `"${control.directive}" is not a coe directive${hint}: this comment disables nothing`;
  }
  // The engine's own findings: configuration sets them, comments do not.
  const engine = control.rules.find((r) => r === UNUSED_DISABLE || r === FATAL);
  if (engine) {
    const how = engine === FATAL ? 'fix what the finding says' : 'set its level under "rules" in the configuration';
    const onOff = control.kind === 'enable' ? 'on' : 'off';
    return `${engine} cannot be turned ${onOff} by a ${control.directive} comment: ${how}; this comment ${verb(control)} nothing`;
  }
  const unknown = control.rules.filter((r) => !knownRules.has(r));
  if (unknown.length === 0) return undefined;
  const named = unknown.map((r) => {
    const meant = closest(r, [...knownRules]);
    return meant ? `"${r}" (did you mean "${meant}"?)` : `"${r}"`;
  });
  return `Unknown rule ${named.join(', ')} in a ${control.directive} comment: this comment ${verb(control)} nothing (\`coe rules\` lists the rule ids)`;
}

function verb(control: ControlComment): string {
  return control.kind === 'enable' ? 'enables' : 'disables';
}

// Spans of lines where a rule is off. Open `coe-disable` spans are kept per
// rule, so each `coe-enable` touches only the spans it closes.
function buildSpans(controls: ControlComment[]): Span[] {
  const spans: Span[] = [];
  const open = new Map<string, Span[]>();
  const add = (control: ControlComment, rule: string, from: number, to = from) => {
    const span: Span = { control, rule, from, to, used: false };
    spans.push(span);
    return span;
  };
  const sorted = [...controls].sort((a, b) => a.range.start.line - b.range.start.line);
  for (const control of sorted) {
    const rules = control.rules.length ? control.rules : [ALL];
    const { start, end } = control.range;
    if (control.kind === 'disable-line') {
      for (const rule of rules) add(control, rule, start.line, end.line);
    } else if (control.kind === 'disable-next-line') {
      for (const rule of rules) add(control, rule, end.line + 1);
    } else if (control.kind === 'disable') {
      for (const rule of rules) {
        const list = open.get(rule) ?? [];
        list.push(add(control, rule, start.line, Number.MAX_SAFE_INTEGER));
        open.set(rule, list);
      }
    } else if (control.kind === 'enable') {
      // A bare enable closes every open span; one that names rules closes theirs.
      const keys = control.rules.length === 0 ? [...open.keys()] : control.rules;
      for (const key of keys) {
        for (const span of open.get(key) ?? []) span.to = start.line;
        open.delete(key);
      }
      // ...and turns its rules back on inside a span of all rules, as eslint-enable does.
      const all = open.get(ALL);
      if (control.rules.length > 0 && all)
        open.set(
          ALL,
          all.map((span) => reopenWithout(span, control.rules, start.line, add)),
        );
    }
  }
  return spans;
}

// Ends a span of all rules at `line`, and goes on after it with one that leaves `rules` out.
function reopenWithout(
  span: Span,
  rules: string[],
  line: number,
  add: (c: ControlComment, rule: string, from: number, to: number) => Span,
): Span {
  span.to = line;
  const next = add(span.control, ALL, line + 1, Number.MAX_SAFE_INTEGER);
  next.except = new Set([...(span.except ?? []), ...rules]);
  return next;
}

// Marks the messages inside a span of their rule, and the spans that hid one.
// Sorted lines and binary search keep this fast with many comments.
function markSuppressed(messages: Message[], spans: Span[]): boolean[] {
  const suppressed = new Array<boolean>(messages.length).fill(false);
  const byRule = new Map<string, number[]>();
  const all: number[] = [];
  messages.forEach((m, i) => {
    all.push(i);
    const list = byRule.get(m.ruleId) ?? [];
    list.push(i);
    byRule.set(m.ruleId, list);
  });
  const byLine = (a: number, b: number) => messages[a]!.line - messages[b]!.line;
  all.sort(byLine);
  for (const list of byRule.values()) list.sort(byLine);
  // Per list, a difference array of suppressed stretches, applied at the end.
  const marks = new Map<number[], Int32Array>();
  for (const span of spans) {
    const list = span.rule === ALL ? all : byRule.get(span.rule);
    if (!list || list.length === 0) continue;
    const lo = firstAtOrAfter(list, messages, span.from);
    const hi = firstAtOrAfter(list, messages, span.to + 1);
    if (lo >= hi) continue;
    if (span.except) {
      // Rare (coe-enable RULE inside a span of all rules): marked one by one.
      span.used = markExcept(list.slice(lo, hi), messages, span.except, suppressed);
      continue;
    }
    span.used = true;
    let diff = marks.get(list);
    if (!diff) marks.set(list, (diff = new Int32Array(list.length + 1)));
    diff[lo]!++;
    diff[hi]!--;
  }
  for (const [list, diff] of marks) {
    let depth = 0;
    list.forEach((index, k) => {
      depth += diff[k]!;
      if (depth > 0) suppressed[index] = true;
    });
  }
  return suppressed;
}

// Marks the messages of rules not in `except`; whether there was one.
function markExcept(indexes: number[], messages: Message[], except: Set<string>, suppressed: boolean[]): boolean {
  let any = false;
  for (const i of indexes) {
    if (except.has(messages[i]!.ruleId)) continue;
    suppressed[i] = any = true;
  }
  return any;
}

function firstAtOrAfter(list: number[], messages: Message[], line: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (messages[list[mid]!]!.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// A comment none of whose spans hid anything, or the rules of a comment that
// hid nothing. A rule's span may come in parts (see reopenWithout): one used
// part is enough.
function unusedSpans(spans: Span[], messages: Message[]): [ControlComment, string][] {
  const byControl = new Map<ControlComment, Map<string, boolean>>();
  for (const span of spans) {
    const rules = byControl.get(span.control) ?? new Map<string, boolean>();
    rules.set(span.rule, (rules.get(span.rule) ?? false) || span.used);
    byControl.set(span.control, rules);
  }
  const out: [ControlComment, string][] = [];
  for (const [control, rules] of byControl) {
    const unused = [...rules].filter(([, used]) => !used).map(([rule]) => rule);
    const above = onHeadingAbove(control, unused, messages);
    if (above) out.push([control, `This ${control.directive} comment suppresses nothing: ${above}`]);
    else if (unused.length === rules.size) out.push([control, `This ${control.directive} comment suppresses nothing: remove it`]);
    else for (const rule of unused) out.push([control, `"${rule}" is disabled here but reports nothing: remove it from the comment`]);
  }
  return out;
}

// A comment under a heading that disables a rule whose finding is on that
// heading (what it says of the whole section): the comment belongs above it.
function onHeadingAbove(control: ControlComment, rules: string[], messages: Message[]): string | undefined {
  const line = control.headingAbove;
  if (line === undefined || control.kind !== 'disable') return undefined;
  const named = (id: string) => (rules.includes(ALL) ? id !== UNUSED_DISABLE && id !== FATAL : rules.includes(id));
  const found = [...new Set(messages.filter((m) => m.line === line && named(m.ruleId)).map((m) => m.ruleId))];
  if (found.length === 0) return undefined;
  const what = found.map((id) => `"${id}"`).join(', ');
  return `${what} reports on the section's heading (line ${line}), above it; put a coe-disable-next-line comment before the heading instead`;
}

function report(control: ControlComment, severity: Severity, message: string): Message {
  const r = control.range;
  return {
    ruleId: UNUSED_DISABLE,
    severity,
    message,
    line: r.start.line,
    column: r.start.column,
    endLine: r.end.line,
    endColumn: r.end.column,
  };
}
