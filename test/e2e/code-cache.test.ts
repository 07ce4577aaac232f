// bin/coe.js starts the bundle with the V8 code cache the build writes beside
// it (scripts/bundle.mjs, bin/load-cli.js). Checked as a user meets it: the
// cache that `npm run build` wrote is taken by this Node, and a copy of coe
// whose cache is damaged, or missing, lints exactly as well.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/lint.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const EXAMPLE = path.join(ROOT, 'examples/2025-06-17-delayed-order-confirmation-emails.md');
const LINT = ['lint', '--format', 'json', '--now', '2026-12-01', EXAMPLE];

// How a fresh Node loads the bundle of the copy of coe at `root`.
function loadedBy(root: string): string {
  const loader = path.join(root, 'bin/load-cli.js');
  return execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `console.log((await import(${JSON.stringify(loader)})).loadCli().loaded)`],
    {
      encoding: 'utf8',
    },
  ).trim();
}

// A copy of coe as a package holds it: bin/, the bundle, templates, package.json.
function copyOfCoe(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'coe-code-cache-'));
  dirs.push(root);
  for (const part of ['bin', 'dist/bundle', 'templates', 'package.json'])
    cpSync(path.join(ROOT, part), path.join(root, part), { recursive: true });
  return root;
}

const lintWith = (root: string) => spawnSync(process.execPath, [path.join(root, 'bin/coe.js'), ...LINT], { encoding: 'utf8', cwd: ROOT });

describe('the code cache of the bundle', () => {
  it('is written by the build and taken by this Node', () => {
    const cache = path.join(ROOT, 'dist/bundle/cli.cjs.cache');
    expect(existsSync(cache)).toBe(true);
    expect(statSync(cache).size).toBeGreaterThan(100_000);
    expect(loadedBy(ROOT)).toBe('cache');
  });

  // bin/load-cli.js reads an ASCII bundle as Latin-1: a string of one byte a
  // character. esbuild escapes what it can; a character past ASCII in a
  // regular expression or a tagged template it leaves: write it as \\uXXXX.
  it('is of an ASCII bundle', () => {
    const bytes = readFileSync(path.join(ROOT, 'dist/bundle/cli.cjs'));
    const at = bytes.findIndex((b) => b > 0x7f);
    expect(at === -1 ? '' : bytes.subarray(Math.max(0, at - 40), at + 8).toString('utf8')).toBe('');
  });

  it('is passed over when damaged, and coe lints as it does with it', () => {
    const expected = lintWith(ROOT);
    expect(expected.stderr).toBe('');
    const copy = copyOfCoe();
    writeFileSync(path.join(copy, 'dist/bundle/cli.cjs.cache'), Buffer.alloc(4096, 7));
    expect(loadedBy(copy)).toBe('rejected');
    const damaged = lintWith(copy);
    expect([damaged.status, damaged.stderr, damaged.stdout]).toEqual([expected.status, '', expected.stdout]);
  });

  it('is not needed: without it the bundle is required and lints the same', () => {
    const expected = lintWith(ROOT);
    const copy = copyOfCoe();
    rmSync(path.join(copy, 'dist/bundle/cli.cjs.cache'));
    expect(loadedBy(copy)).toBe('require');
    const without = lintWith(copy);
    expect([without.status, without.stderr, without.stdout]).toEqual([expected.status, '', expected.stdout]);
  });
});
