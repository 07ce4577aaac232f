// bin/coe.js starts the bundle with the V8 code cache the build writes beside
// it (scripts/bundle.mjs, bin/load-cli.js). Checked as a user meets it: the
// cache that `npm run build` wrote is taken by this Node, and a copy of coe
// whose cache is damaged, or missing, lints exactly as well.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/lint.js';
import { workerFlags } from '../../src/engine/worker-start.js';
import { POOL_THRESHOLD } from '../../src/engine/pool-size.js';

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

// How a Node with a pool worker's flags loads the worker bundle of the copy of coe at `root`, as bin/worker.js does.
function workerLoadedBy(root: string, flags: string[]): string {
  const script = path.join(mkdtempSync(path.join(os.tmpdir(), 'coe-worker-cache-')), 'loaded.mjs');
  dirs.push(path.dirname(script));
  const bin = (file: string) => JSON.stringify(path.join(root, 'bin', file));
  writeFileSync(
    script,
    `const l = await import(${bin('load-cli.js')});\n` +
      'console.log(l.loadScript(l.WORKER_BUNDLE, l.workerCache(process.execArgv)).loaded); process.exit(0);\n',
  );
  return execFileSync(process.execPath, [...flags, script], { encoding: 'utf8' }).trim();
}

// A folder of copies of an example, enough for a pool of workers.
function folderForAPool(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coe-worker-folder-'));
  dirs.push(dir);
  const text = readFileSync(EXAMPLE, 'utf8');
  for (let i = 0; i < POOL_THRESHOLD + 6; i++) writeFileSync(path.join(dir, `coe-${String(i).padStart(3, '0')}.md`), text);
  return dir;
}

describe("the code caches of the pool's worker", () => {
  it("are written by the build, one for each set of the pool's flags, and taken by this Node under them", () => {
    for (const share of [1, 1_000_000]) expect(workerLoadedBy(ROOT, workerFlags(share))).toBe('cache');
    const caches = readdirSync(path.join(ROOT, 'dist/bundle')).filter((f) => /^worker\.cjs\.[0-9a-f]{8}\.cache$/.test(f));
    expect(caches).toHaveLength(2);
    // Under other flags there is no cache to take: the bundle is required.
    expect(workerLoadedBy(ROOT, ['--max-old-space-size=300'])).toBe('require');
  });

  // pnpm and npm link reach a package through a link: a worker must start whatever path names it.
  it('start when coe is reached through a symbolic link to its folder', () => {
    const folder = folderForAPool();
    const expected = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/coe.js'), 'lint', '--format', 'json', '--now', '2026-12-01', '--concurrency', '2', folder],
      {
        encoding: 'utf8',
      },
    );
    const linked = path.join(mkdtempSync(path.join(os.tmpdir(), 'coe-linked-')), 'coe');
    dirs.push(path.dirname(linked));
    symlinkSync(copyOfCoe(), linked);
    const run = spawnSync(
      process.execPath,
      [path.join(linked, 'bin/coe.js'), 'lint', '--format', 'json', '--now', '2026-12-01', '--concurrency', '2', folder],
      {
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect([run.status, run.stderr, run.stdout]).toEqual([expected.status, '', expected.stdout]);
  }, 60_000);

  it('are passed over when damaged or missing, and a pool lints as it does with them', () => {
    const folder = folderForAPool();
    const lint = (root: string) =>
      spawnSync(
        process.execPath,
        [path.join(root, 'bin/coe.js'), 'lint', '--format', 'json', '--now', '2026-12-01', '--concurrency', '2', folder],
        {
          encoding: 'utf8',
        },
      );
    const expected = lint(ROOT);
    expect(expected.stderr).toBe('');
    expect(JSON.parse(expected.stdout)).toHaveLength(POOL_THRESHOLD + 6);
    const damaged = copyOfCoe();
    const bundle = path.join(damaged, 'dist/bundle');
    for (const f of readdirSync(bundle).filter((f) => f.startsWith('worker.cjs.')))
      writeFileSync(path.join(bundle, f), Buffer.alloc(4096, 7));
    expect(workerLoadedBy(damaged, workerFlags(1))).toBe('rejected');
    const missing = copyOfCoe();
    for (const f of readdirSync(path.join(missing, 'dist/bundle')).filter((f) => f.startsWith('worker.cjs.')))
      rmSync(path.join(missing, 'dist/bundle', f));
    for (const root of [damaged, missing]) {
      const run = lint(root);
      expect([run.status, run.stderr, run.stdout]).toEqual([expected.status, '', expected.stdout]);
    }
  }, 60_000);
});
