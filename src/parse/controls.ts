// Inline control comments: <!-- coe-disable RULE[, RULE] [-- reason] -->.
import type { ControlComment, Range } from '../model/types.js';

const CONTROL = /<!--\s*coe-(disable-next-line|disable|enable)\b([\s\S]*?)-->/g;

export function readControlComments(html: string, range: Range): ControlComment[] {
  const out: ControlComment[] = [];
  for (const match of html.matchAll(CONTROL)) {
    const [body = '', reason] = (match[2] ?? '').split(/\s--\s?/, 2);
    const rules = body
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    out.push({
      kind: match[1] as ControlComment['kind'],
      rules,
      reason: reason?.trim() || undefined,
      range,
    });
  }
  return out;
}
