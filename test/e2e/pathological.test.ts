// Pathological inputs, end to end with the BUILT CLI (build first): the shapes
// of bench/pathological.mjs, each in a folder beside a clean COE. A crash, a
// hang (the CLI runs under a spawn timeout), a lost file, a stack trace or a
// runtime warning on stderr fails the test. `node bench/pathological.mjs`
// prints the times.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE, fitter, noise, SHAPES, shapeFolder, type CliRun } from '../../bench/pathological.mjs';
import { checkLimits, DEFAULT_LIMITS } from '../../src/parse/limits.js';
import { BIN } from '../helpers/lint.js';

// A hang ends here; a run that takes longer than HANG_MS fails the test.
const SPAWN_TIMEOUT = 8_000;
const HANG_MS = 5_000;
const TEST_TIMEOUT = 12_000;
const NOW = '2025-09-10';

interface JsonFile {
  file: string;
  messages: { ruleId: string; message: string }[];
}

const fit = fitter(checkLimits, DEFAULT_LIMITS);
const dirs: string[] = [];
// After all: the shape tests run concurrently, each in its own folder.
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coe-e2e-patho-'));
  dirs.push(dir);
  return dir;
}

// Two runs at a time: the suite stays short, and each run still has a core.
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Runs the built CLI without blocking the test worker; SPAWN_TIMEOUT ends a hang. */
function run(args: string[], cwd: string): Promise<CliRun> {
  return slot(
    () =>
      new Promise((resolve) => {
        const started = performance.now();
        const child = spawn(process.execPath, [BIN, ...args], {
          cwd,
          env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
          timeout: SPAWN_TIMEOUT,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.stdin.end();
        child.on('error', (error) =>
          resolve({ code: null, signal: null, stdout, stderr: `${stderr}${error.message}`, ms: performance.now() - started }),
        );
        child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started }));
      }),
  );
}

/** A run that ended by itself, quickly, with nothing on stderr that a user should not see. */
function expectClean(run: CliRun): void {
  expect(run.signal, 'the run hung and was killed').toBeNull();
  expect(run.ms).toBeLessThan(HANG_MS);
  expect(noise(run.stderr), run.stderr).toBeUndefined();
}

/** Lints the folder as JSON; every file of it must be in the output. */
async function lintFolder(dir: string, args: string[] = ['.']): Promise<{ result: CliRun; files: Map<string, JsonFile['messages']> }> {
  const result = await run(['lint', '--format', 'json', '--now', NOW, ...args], dir);
  expectClean(result);
  expect([0, 1]).toContain(result.code);
  const files = new Map((JSON.parse(result.stdout) as JsonFile[]).map((f) => [f.file, f.messages]));
  return { result, files };
}

const fatalOf = (messages: JsonFile['messages'] | undefined) => messages?.find((m) => m.ruleId === 'fatal')?.message;

// Concurrent tests, two runs at a time (the wait for a turn is not timed).
describe.concurrent('each shape beside a clean COE', () => {
  it.each(SHAPES.map((s) => [s.name, s] as const))(
    '%s',
    async (_, shape) => {
      const dir = shapeFolder(shape, fit, DEFAULT_LIMITS);
      dirs.push(dir);
      const { files } = await lintFolder(dir);
      expect([...files.keys()].sort()).toEqual(['bad.md', 'good.md']);
      expect(files.get('good.md')).toEqual([]);
      const fatal = fatalOf(files.get('bad.md'));
      if (shape.fatal) expect(fatal).toMatch(/over a limit|larger than the limit/);
      else expect(fatal).toBeUndefined();
    },
    120_000,
  );
});

// A scripted `coe new` into the working directory.
const NEW_ARGS = [
  'new',
  'Late notifications',
  '--severity',
  '3',
  '--service',
  'api',
  '--owner',
  'team',
  '--author',
  'Ana',
  '--start',
  '2025-09-03T14:05:00Z',
  '--detected',
  '2025-09-03T14:09:00Z',
  '--detected-by',
  'alarm',
  '--dir',
  '.',
];
describe('a crash in one file', () => {
  it('loses no other file of the run: every crasher of the past in one folder', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'good.md'), BASE);
    const crashers = SHAPES.filter((s) => s.fatal);
    for (const shape of crashers) writeFileSync(path.join(dir, `${shape.name}.md`), shape.build(fit, DEFAULT_LIMITS)['bad.md']!);
    const { result, files } = await lintFolder(dir);
    expect(result.code).toBe(1);
    expect([...files.keys()].sort()).toEqual(readdirSync(dir).sort());
    for (const shape of crashers) expect(fatalOf(files.get(`${shape.name}.md`)), shape.name).toBeDefined();
  }, 30_000);
});

describe('a file over the size limit in a folder', () => {
  it(
    'is a finding when it is a COE, and passed over when its frontmatter shows other Markdown',
    async () => {
      const dir = tempDir();
      const filler = `\n${'Long notes on the release, kept in the docs folder.\n'.repeat(4_000)}`;
      writeFileSync(path.join(dir, 'good.md'), BASE);
      writeFileSync(path.join(dir, 'big-coe.md'), BASE + filler);
      writeFileSync(
        path.join(dir, 'CHANGELOG.md'),
        `---
title: Changes
---
${filler}`,
      );
      writeFileSync(
        path.join(dir, 'unclosed-coe.md'),
        `---
coe: 1
id: COE-2025-001

# A COE whose frontmatter is never closed
${filler}`,
      );
      const { result, files } = await lintFolder(dir);
      expect(result.code).toBe(1);
      expect([...files.keys()].sort()).toEqual(['big-coe.md', 'good.md', 'unclosed-coe.md']);
      expect(fatalOf(files.get('big-coe.md'))).toMatch(/^File is larger than the limit/);
    },
    TEST_TIMEOUT,
  );
});

describe('files that are not regular files', () => {
  function withFifo(): string {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'good.md'), BASE);
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    return dir;
  }

  it(
    'a .md link to a FIFO in a linted folder is a finding, never opened',
    async () => {
      const dir = withFifo();
      symlinkSync('fifo', path.join(dir, 'bad.md'));
      const { result, files } = await lintFolder(dir);
      expect(result.code).toBe(1);
      expect(fatalOf(files.get('bad.md'))).toMatch(/^Not a regular file \(a FIFO\)/);
      expect(files.get('good.md')).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'a FIFO named on the command line is a finding, not exit 2',
    async () => {
      const dir = withFifo();
      const { result, files } = await lintFolder(dir, ['fifo', 'good.md']);
      expect(result.code).toBe(1);
      expect(fatalOf(files.get('fifo'))).toMatch(/^Not a regular file \(a FIFO\)/);
      expect(files.get('good.md')).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    '/dev/null named on the command line is a finding',
    async () => {
      const dir = withFifo();
      const { result, files } = await lintFolder(dir, ['/dev/null', 'good.md']);
      expect(result.code).toBe(1);
      expect(fatalOf(files.get('/dev/null'))).toMatch(/^Not a regular file \(a character device\)/);
    },
    TEST_TIMEOUT,
  );

  it(
    'coe new beside a .md link to a FIFO reads the other ids and ends',
    async () => {
      const dir = withFifo();
      symlinkSync('fifo', path.join(dir, 'bad.md'));
      const result = await run(NEW_ARGS, dir);
      expectClean(result);
      expect(result.code).toBe(0);
      // good.md holds COE-2025-017: the next id of 2025 is 018.
      expect(readFileSync(path.join(dir, result.stdout.trim()), 'utf8')).toContain('id: COE-2025-018');
    },
    TEST_TIMEOUT,
  );

  it(
    'coe new ends with a message when its lock file is a FIFO',
    async () => {
      const dir = tempDir();
      execFileSync('mkfifo', [path.join(dir, '.coe-new.lock')]);
      const result = await run(NEW_ARGS, dir);
      expectClean(result);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('.coe-new.lock is not a regular file');
    },
    TEST_TIMEOUT,
  );

  it(
    'coe export of a FIFO ends with a message, without waiting for a writer',
    async () => {
      const dir = withFifo();
      const result = await run(['export', 'fifo'], dir);
      expectClean(result);
      expect(result.stderr).toMatch(/Not a regular file \(a FIFO\)/);
    },
    TEST_TIMEOUT,
  );
});

describe('signals and closed pipes', () => {
  it(
    "coe lint | head: no stack trace, and the exit code is still the run's",
    () => {
      const dir = tempDir();
      // Tens of thousands of findings: far more output than a pipe holds.
      writeFileSync(path.join(dir, 'bad.md'), SHAPES.find((s) => s.name === 'undefined-references')!.build(fit, DEFAULT_LIMITS)['bad.md']!);
      const script = `"${process.execPath}" "${BIN}" lint --format json bad.md | head -c 100 >/dev/null; echo "exit \${PIPESTATUS[0]}" >&2`;
      const run = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: SPAWN_TIMEOUT });
      expect(run.signal).toBeNull();
      expect(noise(run.stderr), run.stderr).toBeUndefined();
      expect(run.stderr.trim()).toBe('exit 1');
    },
    TEST_TIMEOUT,
  );

  it(
    'SIGTERM ends a run that waits for input at once',
    async () => {
      const child = spawn(process.execPath, [BIN, 'lint', '--stdin'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const started = performance.now();
      child.kill('SIGTERM');
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on('exit', (c, s) => resolve([c, s])),
      );
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(signal === 'SIGTERM' || code === 143).toBe(true);
      expect(noise(stderr)).toBeUndefined();
    },
    TEST_TIMEOUT,
  );
});
