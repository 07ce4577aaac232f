// Workers started before a run has found its files (engine/worker-start.ts,
// startEarly): the pool takes over those with the flags it needs, and every
// other one is ended, so none is left running. Runs the built worker (npm
// test builds first).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runInPool } from '../../src/engine/pool.js';
import { endEarly, startEarly, workerFlags, type EarlyWorkers } from '../../src/engine/worker-start.js';
import { couldNotLint, type Outcome } from '../../src/engine/lint.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { ROOT } from '../helpers/lint.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'coe-pool-early-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = readFileSync(path.join(ROOT, 'examples/2025-06-17-delayed-order-confirmation-emails.md'));
const files = Array.from({ length: 6 }, (_, i) => {
  const file = `coe-${i}.md`;
  writeFileSync(path.join(dir, file), example);
  return { file, path: path.join(dir, file) };
});
const init = { job: 'lint' as const, config: DEFAULT_CONFIG, settings: { now: '2026-12-01', internalTerms: [] } };
const failed = (file: string): Outcome => ({ result: couldNotLint(file, new Error('failed')), transient: true });

const ended = (worker: ChildProcess) =>
  new Promise<string | null>((resolve) => {
    if (worker.exitCode !== null || worker.signalCode !== null) resolve(worker.signalCode);
    else worker.once('exit', (_code, signal) => resolve(signal));
  });

describe('workers started early', () => {
  it('are taken over by a pool that needs their flags, which ends them when it is done', { timeout: 60_000 }, async () => {
    const early = startEarly(2, files.length);
    const started = [...early.workers];
    const outcomes = await runInPool(files, init, { size: 2, budgetMs: 30_000, failed, early });
    expect(early.workers).toEqual([]);
    expect(outcomes.map((o) => [o.result.file, o.result.messages.some((m) => m.ruleId === 'fatal')])).toEqual(
      files.map((f) => [f.file, false]),
    );
    expect(await Promise.all(started.map(ended))).toEqual(['SIGKILL', 'SIGKILL']);
  });

  it('are left to the caller when their flags are not the pool’s, and ended by endEarly', { timeout: 60_000 }, async () => {
    const started = startEarly(2, files.length);
    const early: EarlyWorkers = { flags: workerFlags(1_000_000), workers: started.workers };
    expect(early.flags).not.toEqual(started.flags);
    const outcomes = await runInPool(files, init, { size: 2, budgetMs: 30_000, failed, early });
    expect(outcomes).toHaveLength(files.length);
    expect(early.workers).toHaveLength(2);
    const workers = [...early.workers];
    endEarly(early);
    expect(early.workers).toEqual([]);
    expect(await Promise.all(workers.map(ended))).toEqual(['SIGKILL', 'SIGKILL']);
  });

  it('are passed over when one has ended before the pool starts, and the pool starts another', { timeout: 60_000 }, async () => {
    const early = startEarly(2, files.length);
    const [first] = early.workers;
    first!.kill('SIGKILL');
    await ended(first!);
    const outcomes = await runInPool(files, init, { size: 2, budgetMs: 30_000, failed, early });
    expect(outcomes.every((o) => !o.result.messages.some((m) => m.ruleId === 'fatal'))).toBe(true);
    expect(early.workers).toEqual([]);
  });
});
