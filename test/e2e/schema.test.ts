// `coe schema [frontmatter|config]` end to end, with the BUILT CLI: it prints
// what is checked in under schemas/.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCoe } from '../helpers/lint.js';

const checkedIn = (name: string) => readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8');

describe('coe schema', { timeout: 30_000 }, () => {
  it('prints the frontmatter schema by default', () => {
    const run = runCoe(['schema']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(checkedIn('frontmatter'));
    expect(runCoe(['schema', 'frontmatter']).stdout).toBe(checkedIn('frontmatter'));
  });

  it('prints the configuration schema', () => {
    const run = runCoe(['schema', 'config']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(checkedIn('config'));
  });

  it('follows the configured id prefix', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'coe-schema-'));
    try {
      writeFileSync(path.join(dir, '.coerc.yaml'), 'idPrefix: INC\n');
      const schema = JSON.parse(runCoe(['schema'], { cwd: dir }).stdout) as { properties: { id: { pattern: string } } };
      expect(schema.properties.id.pattern).toBe('^INC-\\d{4}-\\d{3,}$');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is bad usage for another name', () => {
    const run = runCoe(['schema', 'rules']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('frontmatter, config');
  });
});
