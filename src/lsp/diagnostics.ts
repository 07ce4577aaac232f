// Findings as the protocol's diagnostics: the rule id as the code, its page
// as the code description, errors and warnings as such.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Message } from '../engine/rule.js';
import type { Range } from '../model/types.js';
import { catalog } from '../docs/catalog.js';
import { ruleDocsUrl } from '../docs/project.js';
import { lineEnd, toLspRange } from './positions.js';
import type { RuleMeta } from '../engine/rule.js';

export const SOURCE = 'coe';

let metas: Map<string, RuleMeta> | undefined;

/** The metadata of a rule id a finding may carry (the rules, `unused-disable`, `fatal`). */
export function ruleMeta(id: string): RuleMeta | undefined {
  metas ??= new Map(catalog().map(({ meta }) => [meta.id, meta]));
  return metas.get(id);
}

/** Where a finding applies. One that marks a point is widened to the end of its line, so it can be seen and hovered. */
export function messageRange(message: Message, lines: readonly string[]): Range {
  const start = { line: message.line, column: message.column };
  const end = { line: message.endLine, column: message.endColumn };
  if (start.line !== end.line || start.column !== end.column) return { start, end };
  const eol = lineEnd(lines, start.line);
  return { start, end: eol.column > start.column ? eol : end };
}

export function toDiagnostic(message: Message, lines: readonly string[]): Diagnostic {
  const known = ruleMeta(message.ruleId) !== undefined;
  return {
    range: toLspRange(messageRange(message, lines)),
    severity: message.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: message.ruleId,
    ...(known ? { codeDescription: { href: ruleDocsUrl(message.ruleId) } } : {}),
    source: SOURCE,
    message: message.message,
  };
}
