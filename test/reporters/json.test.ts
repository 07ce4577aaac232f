// JSON: the contract's fields, and each rule's documentation page.
import { describe, expect, it } from 'vitest';
import { json } from '../../src/reporters/json.js';
import { context, sample } from './results.js';

describe('json', () => {
  it('keeps the contract fields and adds docsUrl where a page is known', () => {
    const out = JSON.parse(json(sample(), context())) as {
      file: string;
      errorCount: number;
      warningCount: number;
      messages: Record<string, unknown>[];
    }[];
    expect(out.map((f) => [f.file, f.errorCount, f.warningCount])).toEqual([
      ['docs/coe/2025-10-20-orders.md', 2, 1],
      ['docs/coe/clean.md', 0, 0],
      ['docs/coe/broken file #2.md', 1, 0],
    ]);
    expect(out[0]!.messages[1]).toEqual({
      ruleId: 'lessons-have-actions',
      severity: 'error',
      message: 'Lesson L2 has no action item: name it in the Lessons column',
      line: 88,
      column: 3,
      endLine: 88,
      endColumn: 9,
      docsUrl: 'https://example.com/rules/lessons-have-actions.md',
    });
    expect(Object.keys(out[0]!.messages[2]!)).not.toContain('docsUrl');
  });

  it('has no docsUrl without a rule URL function', () => {
    const out = JSON.parse(json(sample(), context({ ruleUrl: undefined }))) as { messages: Record<string, unknown>[] }[];
    expect(out.flatMap((f) => f.messages).some((m) => 'docsUrl' in m)).toBe(false);
  });
});
