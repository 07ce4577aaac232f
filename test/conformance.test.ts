// The public conformance cases of the format, run against the built CLI.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCoe } from './helpers/lint.js';

const SHARED = path.resolve(ROOT, '../shared/conformance');
const present = existsSync(SHARED);

interface Expect {
  now: string;
  mustReport?: { ruleId: string; severity: string; line: number | null }[];
  mustNotReport?: string[];
}

function cases(): { name: string; file: string; expect: Expect }[] {
  return ['valid', 'invalid'].flatMap((dir) =>
    readdirSync(path.join(SHARED, dir))
      .filter((n) => n.endsWith('.md') && existsSync(path.join(SHARED, dir, n.replace(/\.md$/, '.expect.json'))))
      .map((n) => ({
        name: `${dir}/${n}`,
        file: path.join(SHARED, dir, n),
        expect: JSON.parse(readFileSync(path.join(SHARED, dir, n.replace(/\.md$/, '.expect.json')), 'utf8')) as Expect,
      })),
  );
}

describe.runIf(present || process.env.CI)('conformance cases (../shared/conformance)', () => {
  it('are present', () => expect(present).toBe(true));
  for (const c of present ? cases() : []) {
    it(c.name, () => {
      const run = runCoe(['lint', '--format', 'json', '--now', c.expect.now, c.file]);
      const messages = (JSON.parse(run.stdout) as { messages: { ruleId: string; severity: string; line: number }[] }[]).flatMap(
        (f) => f.messages,
      );
      const must = c.expect.mustReport ?? [];
      for (const m of must) {
        const hit = messages.some((x) => x.ruleId === m.ruleId && x.severity === m.severity && (m.line === null || x.line === m.line));
        expect(hit, `${m.ruleId} ${m.severity} at line ${m.line}; got ${JSON.stringify(messages)}`).toBe(true);
      }
      for (const id of c.expect.mustNotReport ?? []) {
        expect(
          messages.filter((x) => x.ruleId === id),
          `no ${id}`,
        ).toEqual([]);
      }
      const wantExit = must.some((m) => m.severity === 'error') ? 1 : 0;
      expect(run.code).toBe(wantExit);
    });
  }
});
