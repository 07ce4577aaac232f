// bin/load-cli.js tunes V8 for a run: no optimising compiler for `coe lint`
// of a few files. Whether a run is short is read from the arguments.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: bin/ is plain JavaScript without types
import { fewFiles, FEW_BYTES, FEW_FILES } from '../../bin/load-cli.js';

const short = fewFiles as (args: string[]) => boolean;
let dir = '';
let cwd = '';

beforeAll(() => {
  cwd = process.cwd();
  dir = mkdtempSync(path.join(os.tmpdir(), 'coe-v8-flags-'));
  mkdirSync(path.join(dir, 'docs'));
  for (const name of ['a.md', 'b.md', 'c.md', 'd.md', 'e.md']) writeFileSync(path.join(dir, name), '# x\n');
  writeFileSync(path.join(dir, 'large.md'), 'x'.repeat(FEW_BYTES as number));
  process.chdir(dir);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

describe('fewFiles', () => {
  it('is a short run: files named one by one, up to FEW_FILES of FEW_BYTES in all', () => {
    expect([FEW_FILES, FEW_BYTES]).toEqual([4, 32 * 1024]);
    expect(short(['a.md'])).toBe(true);
    expect(short(['--format', 'json', '--now', '2026-12-01', 'a.md', 'b.md', 'c.md', 'd.md'])).toBe(true);
    expect(short(['large.md'])).toBe(true);
  });

  it('is not: more files or bytes, a folder, a glob, no path (the docs folder), only option values, or standard input', () => {
    expect(short(['large.md', 'a.md'])).toBe(false);
    expect(short(['--stdin', '--stdin-filename', 'x.md'])).toBe(false);
    expect(short(['a.md', 'b.md', 'c.md', 'd.md', 'e.md'])).toBe(false);
    expect(short(['a.md', 'docs'])).toBe(false);
    expect(short(['a.md', '*.md'])).toBe(false);
    expect(short(['docs/**/*.md'])).toBe(false);
    expect(short([])).toBe(false);
    expect(short(['--format', 'json'])).toBe(false);
  });

  it('takes a path it cannot stat (under a file, with a NUL) for no file, and does not throw', () => {
    expect(short(['a.md', '--cache-location', 'a.md/cache.json'])).toBe(true);
    expect(short(['a.md', 'b\0.md'])).toBe(true);
    expect(short(['a.md/cache.json'])).toBe(false);
  });
});
