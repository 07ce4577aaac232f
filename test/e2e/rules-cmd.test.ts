// `coe rules` end to end, with the BUILT CLI.
import { describe, expect, it } from 'vitest';
import { runCoe } from '../helpers/lint.js';
import { RULES } from '../../src/rules/index.js';

describe('coe rules', { timeout: 30_000 }, () => {
  it('lists every rule with its default severity and description', () => {
    const run = runCoe(['rules']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual([...RULES.map((r) => r.meta.id), 'unused-disable']);
    for (const rule of RULES) {
      const line = lines.find((l) => l.startsWith(`${rule.meta.id} `))!;
      expect(line).toMatch(new RegExp(`^${rule.meta.id} +${rule.meta.severity}\\b`));
      expect(line).toContain(rule.meta.description);
    }
    expect(lines.find((l) => l.startsWith('no-placeholders '))).toMatch(/^no-placeholders +error \(warn in draft\) /);
  });

  it('prints JSON with --format json', () => {
    const run = runCoe(['rules', '--format', 'json']);
    expect(run.code).toBe(0);
    const rules = JSON.parse(run.stdout) as { id: string; severity: string; description: string; docsUrl: string }[];
    expect(rules.map((r) => [r.id, r.severity])).toEqual([...RULES.map((r) => [r.meta.id, r.meta.severity]), ['unused-disable', 'warn']]);
    expect(rules.every((r) => r.docsUrl.endsWith(`/docs/rules/${r.id}.md`))).toBe(true);
  });
});
