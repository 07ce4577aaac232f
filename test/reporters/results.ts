// Results for reporter tests, built by hand: reporters are pure functions of them.
import path from 'node:path';
import { Chalk } from 'chalk';
import type { FileResult } from '../../src/engine/lint.js';
import type { Message } from '../../src/engine/rule.js';
import type { ReportContext } from '../../src/reporters/types.js';

export const CWD = path.resolve('/work/repo');

export function message(ruleId: string, severity: 'error' | 'warn', line: number, text: string, more: Partial<Message> = {}): Message {
  return { ruleId, severity, message: text, line, column: 3, endLine: line, endColumn: 9, ...more };
}

export function fileResult(file: string, messages: Message[]): FileResult {
  const errorCount = messages.filter((m) => m.severity === 'error').length;
  return { file, isCoe: true, messages, errorCount, warningCount: messages.length - errorCount };
}

export const RULES = [
  {
    id: 'lessons-have-actions',
    description: 'Every lesson is named by an action item',
    defaultSeverity: 'error' as const,
    helpUri: 'https://example.com/rules/lessons-have-actions.md',
  },
  {
    id: 'five-whys-tree',
    description: 'The five whys are a tree',
    defaultSeverity: 'warn' as const,
    helpUri: 'https://example.com/rules/five-whys-tree.md',
  },
  { id: 'fatal', description: 'The file could not be read', defaultSeverity: 'error' as const },
];

export function context(more: Partial<ReportContext> = {}): ReportContext {
  return {
    chalk: new Chalk({ level: 0 }),
    cwd: CWD,
    rules: RULES,
    ruleUrl: (id) => RULES.find((r) => r.id === id)?.helpUri,
    tool: { name: 'coe', version: '1.2.3', informationUri: 'https://example.com/coe' },
    ...more,
  };
}

/** Two files with findings of every kind, and one clean file. */
export function sample(): FileResult[] {
  return [
    fileResult('docs/coe/2025-10-20-orders.md', [
      message('five-whys-tree', 'warn', 40, 'The five whys are a chain; add the other causes'),
      message('lessons-have-actions', 'error', 88, 'Lesson L2 has no action item: name it in the Lessons column'),
      message('not-a-known-rule', 'error', 90, 'From a rule the context does not describe'),
    ]),
    fileResult('docs/coe/clean.md', []),
    fileResult('docs/coe/broken file #2.md', [
      message('fatal', 'error', 1, 'File is not valid UTF-8', { column: 1, endLine: 1, endColumn: 1 }),
    ]),
  ];
}
