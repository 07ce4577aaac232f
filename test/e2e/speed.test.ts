// The pool and the cache of `coe lint` (issue 12), as a user runs them: the
// same bytes whatever the pool's size, a file over its time budget stopped
// and reported while the others are linted, and a cache that gives exactly
// what linting gives, on any day, and never a wrong result when it is
// damaged or cannot be written. (Speed itself is measured in bench/.)
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os, { availableParallelism } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.mjs';
import { WARM_UP_SAMPLE } from '../../src/engine/warm-up.js';
import { ROOT, runCoeAsync, type RunResult } from '../helpers/lint.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coe-speed-'));
  dirs.push(dir);
  return dir;
};

let corpus: string;
beforeAll(() => {
  corpus = temp();
  generate(corpus, 200, 11);
});

const lint = (args: string[], cwd = corpus): Promise<RunResult> =>
  runCoeAsync(['lint', '--format', 'json', '--now', '2026-12-01', ...args, '.'], { cwd });
// The corpus linted in this process alone, which every other way must match.
let linted: Promise<RunResult> | undefined;
const lintedInProcess = () => (linted ??= lint(['--concurrency', '1']));
// Pool sizes: 3 is more workers than a 2-core machine has cores; auto is the
// cores, so 2 is tried apart only where auto is another size.
const POOL_SIZES = availableParallelism() === 2 ? ['3', 'auto'] : ['2', '3', 'auto'];

describe('the worker pool', () => {
  it('gives the same bytes with one thread, two workers or three, in the order of the files', { timeout: 180_000 }, async () => {
    const one = await lintedInProcess();
    expect(one.stderr).toBe('');
    const files = (JSON.parse(one.stdout) as { file: string }[]).map((f) => f.file);
    expect(files.length).toBeGreaterThan(180);
    expect(files).toEqual([...files].sort());
    for (const n of POOL_SIZES) {
      const many = await lint(['--concurrency', n]);
      expect([many.code, many.stderr]).toEqual([one.code, '']);
      expect(many.stdout, `--concurrency ${n}`).toBe(one.stdout);
    }
  });

  it('stops a file that takes longer than fileTimeout, reports it as fatal, and lints the others', { timeout: 120_000 }, async () => {
    const dir = temp();
    generate(dir, 6, 3);
    // A budget no file can meet: every one is stopped, each worker ended and replaced.
    writeFileSync(path.join(dir, '.coerc.json'), JSON.stringify({ fileTimeout: 0.001 }));
    const run = await lint(['--concurrency', '2'], dir);
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as { file: string; messages: { ruleId: string; message: string }[] }[];
    expect(results).toHaveLength(6);
    for (const r of results) {
      expect(r.messages.map((m) => [m.ruleId, m.message])).toEqual([
        ['fatal', 'File took longer than 0.001 s to lint; split or simplify it'],
      ]);
    }
    writeFileSync(path.join(dir, '.coerc.json'), JSON.stringify({ fileTimeout: 30 }));
    const again = JSON.parse((await lint(['--concurrency', '2'], dir)).stdout) as { messages: { ruleId: string }[] }[];
    expect(again.flatMap((r) => r.messages).filter((m) => m.ruleId === 'fatal')).toEqual([]);
  });
});

describe('workers started while the files are found', () => {
  // The workers are ended by the run (test/engine/pool-early.test.ts); here, that the run goes on without them.
  it('leave the run to lint here when the files found are too few for a pool', { timeout: 60_000 }, async () => {
    const dir = temp();
    generate(dir, 70, 5);
    // 70 Markdown files at the top start workers early; the configuration leaves two to lint.
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort();
    writeFileSync(path.join(dir, '.coerc.json'), JSON.stringify({ ignore: names.slice(2) }));
    const started = Date.now();
    const run = await lint([], dir);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { file: string }[]).map((r) => r.file)).toEqual(names.slice(0, 2).filter((f) => f.startsWith('coe')));
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('the warm-up of a worker', () => {
  it('is a COE of the package: shipped by npm, and linted without a fatal finding', { timeout: 60_000 }, async () => {
    const sample = path.relative(ROOT, WARM_UP_SAMPLE);
    const packed = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect((JSON.parse(packed) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path)).toContain(sample);
    const run = await runCoeAsync(['lint', '--format', 'json', WARM_UP_SAMPLE], { cwd: ROOT });
    const [result] = JSON.parse(run.stdout) as { errorCount: number; messages: { ruleId: string }[] }[];
    expect(result!.errorCount).toBe(0);
    expect(result!.messages.map((m) => m.ruleId)).not.toContain('fatal');
  });
});

describe('coe report and coe actions in the pool', () => {
  it(
    'give the same bytes with one thread, two workers or three, and list a COE whose worker was stopped as unreadable',
    { timeout: 180_000 },
    async () => {
      const run = (command: string, args: string[], cwd = corpus) =>
        runCoeAsync([command, '--format', 'json', '--now', '2026-12-01', ...args, '.'], { cwd });
      for (const command of ['report', 'actions']) {
        const one = await run(command, ['--concurrency', '1']);
        expect([one.code, one.stderr]).toEqual([0, '']);
        for (const n of POOL_SIZES)
          expect((await run(command, ['--concurrency', n])).stdout, `${command} --concurrency ${n}`).toBe(one.stdout);
      }
      const dir = temp();
      generate(dir, 4, 3);
      writeFileSync(path.join(dir, '.coerc.json'), JSON.stringify({ fileTimeout: 0.001 }));
      const report = JSON.parse((await run('report', ['--concurrency', '2'], dir)).stdout) as {
        unreadable: { file: string; reason: string }[];
      };
      expect(report.unreadable.map((u) => u.reason)).toEqual(
        Array(4).fill('File took longer than 0.001 s to lint; split or simplify it (line 1)'),
      );
    },
  );
});

describe('--cache', () => {
  it('gives what linting gives, on the first run and the second, and on another day', { timeout: 180_000 }, async () => {
    const dir = temp();
    const cache = path.join(dir, 'cache.json');
    const plain = await lintedInProcess();
    const first = await lint(['--cache-location', cache]);
    const second = await lint(['--cache-location', cache]);
    expect([first.stdout, first.stderr]).toEqual([plain.stdout, '']);
    expect([second.stdout, second.stderr]).toEqual([plain.stdout, '']);
    // action-item-overdue depends on the day: the cache keeps its facts, not its findings.
    const later = ['--now', '2027-06-01'];
    expect((await lint([...later, '--cache-location', cache])).stdout).toBe((await lint([...later, '--concurrency', '1'])).stdout);
    expect(JSON.parse(readFileSync(cache, 'utf8')).kind).toBe('coe-lint-cache');
  });

  it('re-lints a file that changed, and every file when the configuration changes', { timeout: 120_000 }, async () => {
    const dir = temp();
    generate(dir, 8, 5);
    const cache = path.join(dir, 'cache.json');
    const run = () => lint(['--cache-location', cache], dir);
    await run();
    const file = path.join(dir, 'coe-000001.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Impact\n', '## Impact\n\nTODO: the count.\n'));
    expect((await run()).stdout).toBe((await lint(['--concurrency', '1'], dir)).stdout);
    writeFileSync(path.join(dir, '.coerc.json'), JSON.stringify({ rules: { 'no-placeholders': 'off' } }));
    const off = JSON.parse((await run()).stdout) as { messages: { ruleId: string }[] }[];
    expect(off.flatMap((r) => r.messages).some((m) => m.ruleId === 'no-placeholders')).toBe(false);
  });

  it('passes over a damaged cache, or one it cannot write, with a warning and the right result', { timeout: 120_000 }, async () => {
    const dir = temp();
    generate(dir, 8, 6);
    const expected = (await lint(['--concurrency', '1'], dir)).stdout;
    const cache = path.join(dir, 'cache.json');
    writeFileSync(cache, '{"kind":"coe-lint-cache","key":');
    const damaged = await lint(['--cache-location', cache], dir);
    expect(damaged.stdout).toBe(expected);
    expect(damaged.stderr).toMatch(/^coe: warning: the cache .*cache\.json is damaged: linting every file, and writing it afresh\n$/);
    expect(JSON.parse(readFileSync(cache, 'utf8')).kind).toBe('coe-lint-cache');
    const locked = path.join(dir, 'locked');
    writeFileSync(locked, '');
    chmodSync(locked, 0o444);
    // A cache under a file (not a folder) can be neither read nor written, whoever runs it.
    const unwritable = await lint(['--cache-location', path.join(locked, 'cache.json')], dir);
    expect(unwritable.stdout).toBe(expected);
    expect(unwritable.stderr).toMatch(/^coe: warning: the cache .* cannot be (read|written)/m);
  });

  it('never writes over a file that is not its cache: a mistyped --cache-location costs no file', { timeout: 120_000 }, async () => {
    const dir = temp();
    generate(dir, 4, 7);
    const expected = (await lint(['--concurrency', '1'], dir)).stdout;
    const mine = path.join(dir, 'package.json');
    const text = '{\n  "name": "docs"\n}\n';
    writeFileSync(mine, text);
    for (let run = 0; run < 2; run++) {
      const mistyped = await lint(['--cache-location', mine], dir);
      expect(mistyped.stdout).toBe(expected);
      expect(mistyped.stderr).toBe(
        `coe: warning: ${mine} is not a coe cache: linting every file, and leaving that file as it is (give --cache-location another path)\n`,
      );
      expect(readFileSync(mine, 'utf8')).toBe(text);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it(
    'neither reads nor replaces what is not a regular file (a FIFO, /dev/null), and writes through a link',
    { timeout: 120_000 },
    async () => {
      const dir = temp();
      generate(dir, 4, 9);
      const expected = (await lint(['--concurrency', '1'], dir)).stdout;
      const fifo = path.join(dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      // A read of the FIFO would block: the run must end on its own.
      const run = await lint(['--cache-location', fifo], dir);
      expect(run.stdout).toBe(expected);
      expect(run.stderr).toBe(`coe: warning: the cache ${fifo} is not a regular file: linting every file, without a cache\n`);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      const real = path.join(dir, 'real-cache.json');
      const link = path.join(dir, 'link-cache.json');
      symlinkSync(real, link);
      for (let i = 0; i < 2; i++) expect(await lint(['--cache-location', link], dir)).toMatchObject({ stdout: expected, stderr: '' });
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(JSON.parse(readFileSync(real, 'utf8')).kind).toBe('coe-lint-cache');
    },
  );

  it('keeps no result of a file that was stopped: a larger fileTimeout lints it again', { timeout: 120_000 }, async () => {
    const dir = temp();
    generate(dir, 4, 10);
    const cache = path.join(dir, 'cache.json');
    writeFileSync(path.join(dir, '.coerc.json'), JSON.stringify({ fileTimeout: 0.001 }));
    for (const concurrency of ['1', '2']) {
      const stopped = JSON.parse((await lint(['--concurrency', concurrency, '--cache-location', cache], dir)).stdout) as {
        messages: { message: string }[];
      }[];
      expect(stopped.flatMap((r) => r.messages).some((m) => m.message.startsWith('File took longer than'))).toBe(true);
    }
    writeFileSync(path.join(dir, '.coerc.json'), '{}');
    const expected = (await lint(['--concurrency', '1'], dir)).stdout;
    expect((await lint(['--cache-location', cache], dir)).stdout).toBe(expected);
  });

  it('does not read a cache whose entries were changed since it was written', { timeout: 120_000 }, async () => {
    const dir = temp();
    generate(dir, 4, 12);
    const expected = (await lint(['--concurrency', '1'], dir)).stdout;
    const cache = path.join(dir, 'cache.json');
    await lint(['--cache-location', cache], dir);
    const data = JSON.parse(readFileSync(cache, 'utf8')) as { entries: Record<string, { parts?: { messages: unknown[] } }> };
    const entries = Object.values(data.entries).filter((e) => e.parts);
    expect(entries.length).toBe(4);
    // Well-formed, and wrong: a finding that no file has.
    const made = { ruleId: 'no-placeholders', severity: 'error', message: 'Made up', line: 1, column: 1, endLine: 1, endColumn: 1 };
    for (const entry of entries) entry.parts!.messages.push(made);
    writeFileSync(cache, JSON.stringify(data));
    const run = await lint(['--cache-location', cache], dir);
    expect(run.stdout).toBe(expected);
    expect(run.stderr).toBe(`coe: warning: the cache ${cache} is damaged: linting every file, and writing it afresh\n`);
  });

  it('drops the entries of files that are gone, and keeps those of files the run did not name', { timeout: 120_000 }, async () => {
    const dir = temp();
    generate(dir, 4, 13);
    const cache = path.join(dir, 'cache.json');
    const kept = () =>
      Object.keys((JSON.parse(readFileSync(cache, 'utf8')) as { entries: object }).entries)
        .map((f) => path.basename(f))
        .sort();
    await lint(['--cache-location', cache], dir);
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort();
    expect(kept()).toEqual(names);
    // One file renamed: its old entry goes, its new one comes.
    renameSync(path.join(dir, names[0]!), path.join(dir, 'renamed.md'));
    await lint(['--cache-location', cache], dir);
    expect(kept()).toEqual(['renamed.md', ...names.slice(1)].sort());
    // A run of one changed file keeps the entries of the others.
    const one = path.join(dir, names[1]!);
    writeFileSync(one, readFileSync(one, 'utf8').replace('## Impact\n', '## Impact\n\nTODO: the count.\n'));
    const single = await runCoeAsync(['lint', '--cache-location', cache, names[1]!], { cwd: dir });
    expect(single.stderr).toBe('');
    expect(kept()).toEqual(['renamed.md', ...names.slice(1)].sort());
  });

  it('refuses an empty --cache-location', async () => {
    const run = await lint(['--cache-location', '']);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', 'coe: --cache-location needs a path\n']);
  });

  it('keeps lint-cache.json in a folder given as the location, as ESLint does', { timeout: 120_000 }, async () => {
    const dir = temp();
    generate(dir, 4, 8);
    const expected = (await lint(['--concurrency', '1'], dir)).stdout;
    const folder = path.join(dir, 'cache-folder');
    mkdirSync(folder);
    for (const location of [folder, path.join(dir, 'new-folder') + path.sep]) {
      for (let run = 0; run < 2; run++) {
        const cached = await lint(['--cache-location', location], dir);
        expect([cached.stdout, cached.stderr]).toEqual([expected, '']);
      }
      expect(JSON.parse(readFileSync(path.join(location, 'lint-cache.json'), 'utf8')).kind).toBe('coe-lint-cache');
    }
  });
});
