// Applies inline control comments to findings after the rules ran, and
// reports disable comments that suppressed nothing.
import type { ControlComment } from '../model/types.js';
import type { Message, Severity } from './rule.js';

export const UNUSED_DISABLE = 'unused-disable';

interface Span {
  control: ControlComment;
  rule: string | undefined; // undefined: every rule
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
  const spans = buildSpans(controls);
  const kept = messages.filter((m) => {
    const hits = spans.filter((s) => (s.rule === undefined || s.rule === m.ruleId) && m.line >= s.from && m.line <= s.to);
    hits.forEach((s) => (s.used = true));
    return hits.length === 0;
  });
  if (unusedSeverity === 'off') return kept;
  const seen = new Set<ControlComment>();
  for (const span of spans) {
    if (span.used || seen.has(span.control)) continue;
    const siblings = spans.filter((s) => s.control === span.control);
    if (siblings.some((s) => s.used)) {
      const unknown = span.rule !== undefined && !knownRules.has(span.rule);
      const text = unknown
        ? `Unknown rule "${span.rule}" in a coe-${span.control.kind} comment: check the rule id`
        : `"${span.rule}" is disabled here but reports nothing: remove it from the comment`;
      kept.push(unused(span, unusedSeverity, text));
      continue;
    }
    if (siblings.every((s) => !s.used)) {
      seen.add(span.control);
      const unknown = siblings.map((s) => s.rule).filter((r): r is string => r !== undefined && !knownRules.has(r));
      const text = unknown.length
        ? `Unknown rule ${unknown.map((r) => `"${r}"`).join(', ')} in a coe-${span.control.kind} comment: check the rule id`
        : `This coe-${span.control.kind} comment suppresses nothing: remove it`;
      kept.push(unused(span, unusedSeverity, text));
    }
  }
  return kept;
}

function buildSpans(controls: ControlComment[]): Span[] {
  const spans: Span[] = [];
  const open: Span[] = [];
  const sorted = [...controls].sort((a, b) => a.range.start.line - b.range.start.line);
  for (const control of sorted) {
    const rules = control.rules.length ? control.rules : [undefined];
    if (control.kind === 'disable-next-line') {
      const line = control.range.end.line + 1;
      for (const rule of rules) spans.push({ control, rule, from: line, to: line, used: false });
    } else if (control.kind === 'disable') {
      for (const rule of rules) {
        const span = { control, rule, from: control.range.start.line, to: Number.MAX_SAFE_INTEGER, used: false };
        spans.push(span);
        open.push(span);
      }
    } else {
      // enable: a bare one closes every open span; one that names rules closes theirs.
      for (const span of open) {
        const closes = control.rules.length === 0 || (span.rule !== undefined && control.rules.includes(span.rule));
        if (span.to === Number.MAX_SAFE_INTEGER && closes) span.to = control.range.start.line;
      }
    }
  }
  return spans;
}

function unused(span: Span, severity: Severity, message: string): Message {
  const r = span.control.range;
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
