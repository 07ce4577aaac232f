// `coe lint --format sarif|github|junit|json` end to end, with the BUILT CLI.
// Build first: npx tsc -p tsconfig.build.json
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDocument, edit, lineOf, runCoe } from '../helpers/lint.js';
import { sarifValidator } from '../reporters/sarif-schema.js';
import { RULES } from '../../src/rules/index.js';
import { ruleDocsUrl } from '../../src/docs/project.js';

const NOW = '2025-09-10';
// base.md with a lesson that no action item names: one error.
const BROKEN = edit(
  baseDocument(),
  '- **L2:** Capacity must be adjustable without a deployment.\n',
  '- **L2:** Capacity must be adjustable without a deployment.\n- **L3:** Alarms must page a staffed rotation.\n',
);
const LINE = lineOf(BROKEN, '- **L3:**');

let dir: string;
const lint = (...args: string[]) => runCoe(['lint', '--now', NOW, ...args], { cwd: dir });

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'coe-formats-'));
  mkdirSync(path.join(dir, 'docs/coe'), { recursive: true });
  writeFileSync(path.join(dir, 'docs/coe/broken.md'), BROKEN);
  writeFileSync(path.join(dir, 'docs/coe/clean.md'), baseDocument());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('coe lint --format', { timeout: 30_000 }, () => {
  it('sarif: valid SARIF 2.1.0 with every rule, help URIs and relative URIs', () => {
    const run = lint('--format', 'sarif');
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as Log;
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('coe');
    const ids = driver.rules!.map((r) => r.id);
    expect(ids).toEqual([...RULES.map((r) => r.meta.id), 'unused-disable', 'fatal']);
    expect(driver.rules!.every((r) => r.helpUri === ruleDocsUrl(r.id))).toBe(true);
    const results = log.runs[0]!.results!;
    expect(results.map((r) => [r.ruleId, r.level, r.locations![0]!.physicalLocation!.region!.startLine])).toEqual([
      ['lessons-have-actions', 'error', LINE],
    ]);
    expect(ids[results[0]!.ruleIndex!]).toBe('lessons-have-actions');
    expect(results[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('docs/coe/broken.md');
  });

  it('github: one workflow command per finding', () => {
    const run = lint('--format', 'github');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `^::error file=docs/coe/broken\\.md,line=${LINE},col=3,endLine=${LINE},endColumn=\\d+,title=lessons-have-actions::Lesson L3 .+\\n$`,
      ),
    );
  });

  it('junit: well-formed XML with a failure for the finding', () => {
    const run = lint('--format', 'junit');
    expect(run.code).toBe(1);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    expect(run.stdout).toContain(`<testcase name="${LINE}:3 lessons-have-actions" classname="docs/coe/broken.md">`);
    expect(run.stdout).toContain('<testcase name="docs/coe/clean.md" classname="docs/coe/clean.md"/>');
  });

  it('json: each message carries the URL of its rule page', () => {
    const run = lint('--format', 'json');
    const files = JSON.parse(run.stdout) as { messages: { ruleId: string; docsUrl?: string }[] }[];
    expect(files.flatMap((f) => f.messages).map((m) => [m.ruleId, m.docsUrl])).toEqual([
      ['lessons-have-actions', ruleDocsUrl('lessons-have-actions')],
    ]);
  });

  it('a clean run exits 0 in every format', () => {
    for (const format of ['sarif', 'github', 'junit', 'json']) {
      const run = lint('--format', format, 'docs/coe/clean.md');
      expect([format, run.code, run.stderr]).toEqual([format, 0, '']);
    }
  });

  it('an unknown format is bad usage', () => {
    const run = lint('--format', 'xml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('sarif');
  });
});
