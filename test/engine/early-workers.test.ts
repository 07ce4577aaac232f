// `coe lint PATHS` starts a pool's workers as soon as its command line is
// read (commands/early-workers.ts), before the linter loads: which runs get
// them, and that none is left running when the lint ends, even when it
// fails before it has found a file. Runs the built worker (npm test builds first).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { lintWorkersEarly } from '../../src/commands/early-workers.js';
import { runLint } from '../../src/commands/lint.js';
import { workerFlags } from '../../src/engine/worker-start.js';
import type { CommandIO } from '../../src/commands/io.js';
import { ROOT } from '../helpers/lint.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'coe-early-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = readFileSync(path.join(ROOT, 'examples/2025-06-17-delayed-order-confirmation-emails.md'));
const many = path.join(dir, 'many');
const few = path.join(dir, 'few');
mkdirSync(many);
mkdirSync(few);
for (let i = 0; i < 64; i++) writeFileSync(path.join(many, `coe-${i}.md`), example);
for (let i = 0; i < 63; i++) writeFileSync(path.join(few, `coe-${i}.md`), example);

const ended = (worker: ChildProcess) =>
  new Promise<string | null>((resolve) => {
    if (worker.exitCode !== null || worker.signalCode !== null) resolve(worker.signalCode);
    else worker.once('exit', (_code, signal) => resolve(signal));
  });

function io(): CommandIO & { out: () => string; err: () => string } {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const text = (stream: PassThrough) => () => String(stream.read() ?? '');
  return { cwd: dir, stdin: new PassThrough(), stdout, stderr, resolve: (f) => path.resolve(dir, f), out: text(stdout), err: text(stderr) };
}

describe('lintWorkersEarly', () => {
  it('starts a worker for each of --concurrency for a folder of 64 Markdown files, with the flags of its share', async () => {
    const early = await lintWorkersEarly(['many'], { concurrency: 2 }, dir);
    expect(early?.workers.workers).toHaveLength(2);
    expect(early?.workers.flags).toEqual(workerFlags(32));
    const workers = [...early!.workers.workers];
    early!.end();
    expect(await Promise.all(workers.map(ended))).toEqual(['SIGKILL', 'SIGKILL']);
  });

  it('starts none for fewer than 64 files (auto), one worker, no paths, standard input or a cache', async () => {
    expect(await lintWorkersEarly(['few'], { concurrency: 'auto' }, dir)).toBeUndefined();
    expect(await lintWorkersEarly(['many'], { concurrency: 1 }, dir)).toBeUndefined();
    expect(await lintWorkersEarly([], { concurrency: 2 }, dir)).toBeUndefined();
    expect(await lintWorkersEarly(['many'], { concurrency: 2, stdin: true }, dir)).toBeUndefined();
    expect(await lintWorkersEarly(['many'], { concurrency: 2, cache: true }, dir)).toBeUndefined();
    expect(await lintWorkersEarly(['many'], { concurrency: 2, cacheLocation: 'cache' }, dir)).toBeUndefined();
  });

  it('are ended when the lint fails before it has found a file (a configuration that does not exist)', async () => {
    const early = (await lintWorkersEarly(['many'], { concurrency: 2 }, dir))!;
    const workers = [...early.workers.workers];
    const given = io();
    await expect(runLint(['many'], { format: 'json', concurrency: 2, config: 'missing.json' }, given, early)).rejects.toThrow(
      /missing\.json/,
    );
    expect(await Promise.all(workers.map(ended))).toEqual(['SIGKILL', 'SIGKILL']);
  });

  it('are taken over by the lint, which gives the output of a lint in one process', { timeout: 60_000 }, async () => {
    const early = (await lintWorkersEarly(['many'], { concurrency: 2 }, dir))!;
    const workers = [...early.workers.workers];
    const pooled = io();
    expect(await runLint(['many'], { format: 'json', now: '2026-12-01', concurrency: 2 }, pooled, early)).toBe(0);
    expect(early.workers.workers).toEqual([]);
    expect(await Promise.all(workers.map(ended))).toEqual(['SIGKILL', 'SIGKILL']);
    const alone = io();
    expect(await runLint(['many'], { format: 'json', now: '2026-12-01', concurrency: 1 }, alone)).toBe(0);
    const out = pooled.out();
    expect(JSON.parse(out)).toHaveLength(64);
    expect(out).toBe(alone.out());
  });
});
