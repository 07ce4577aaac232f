// ESLint's "stylish" layout: a header per file, aligned findings, a summary.
import type { FileResult } from '../engine/lint.js';
import type { Reporter } from './types.js';
import { plural } from '../util/text.js';
import { showControls } from './safe.js';

export const stylish: Reporter = (results, { chalk }) => {
  const withMessages = results.filter((r) => r.messages.length > 0);
  if (withMessages.length === 0) return '';
  const out: string[] = [];
  for (const result of withMessages) out.push('', chalk.underline(showControls(result.file, { newline: false })), ...rows(result, chalk));
  const errors = sum(results, 'errorCount');
  const warnings = sum(results, 'warningCount');
  const total = errors + warnings;
  const summary = `${errors ? '✖' : '⚠'} ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  out.push('', (errors ? chalk.red : chalk.yellow).bold(summary), '');
  return out.join('\n');
};

function rows(result: FileResult, chalk: Parameters<Reporter>[1]['chalk']): string[] {
  const cells = result.messages.map((m) => ({
    place: `${m.line}:${m.column}`,
    severity: m.severity === 'error' ? 'error' : 'warning',
    message: showControls(m.message.replace(/\.$/, ''), { newline: false }),
    rule: m.ruleId,
  }));
  const w = (key: 'place' | 'severity' | 'message') => cells.reduce((n, c) => Math.max(n, c[key].length), 0);
  const [wPlace, wSeverity, wMessage] = [w('place'), w('severity'), w('message')];
  return cells.map((c) => {
    const severity = c.severity === 'error' ? chalk.red(c.severity.padEnd(wSeverity)) : chalk.yellow(c.severity.padEnd(wSeverity));
    return `  ${chalk.dim(c.place.padEnd(wPlace))}  ${severity}  ${c.message.padEnd(wMessage)}  ${chalk.dim(c.rule)}`;
  });
}

function sum(results: FileResult[], key: 'errorCount' | 'warningCount'): number {
  return results.reduce((n, r) => n + r[key], 0);
}
