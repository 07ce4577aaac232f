// The V8 flags a pool worker runs with (engine/worker-start.ts): one thread each, and
// less inlining for a short share of the files, where compiling costs more
// than the compiled code saves.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { workerEnv, workerFlags } from '../../src/engine/worker-start.js';

describe('workerFlags', () => {
  it('keeps every worker to one thread and compiles each function to baseline code at once', () => {
    for (const share of [1, 500, 1999, 2000, 50_000]) {
      expect(workerFlags(share)).toEqual(expect.arrayContaining(['--single-threaded', '--always-sparkplug']));
    }
  });

  it("gives every worker V8's gc(), to collect its young generation between two files (collectBetweenFiles)", () => {
    for (const share of [1, 500, 1999, 2000, 50_000]) expect(workerFlags(share)).toContain('--expose-gc');
  });

  it('halves the inlining budget, optimizes later and not within a call, and leaves out three costly passes, for a share under 2,000 files, not for a longer one', () => {
    const short = [
      '--max-inlined-bytecode-size-cumulative=460',
      '--interrupt-budget=135168',
      '--no-use-osr',
      '--no-turbo-escape',
      '--no-turbo-loop-peeling',
      '--no-turbo-inline-array-builtins',
    ];
    expect(workerFlags(500)).toEqual(expect.arrayContaining(short));
    expect(workerFlags(1999)).toEqual(expect.arrayContaining(short));
    for (const flag of short) {
      expect(workerFlags(2000)).not.toContain(flag);
      expect(workerFlags(5000)).not.toContain(flag);
    }
  });

  it('bounds how far the old generation grows, for a share of 2,000 files or more (the memory of a large run)', () => {
    expect(workerFlags(2000)).toContain('--heap-growing-percent=50');
    expect(workerFlags(50_000)).toContain('--heap-growing-percent=50');
    expect(workerFlags(1999)).not.toContain('--heap-growing-percent=50');
  });

  it('gives only flags this Node accepts (it refuses to start with an unknown one)', () => {
    for (const share of [500, 5000]) {
      expect(() => execFileSync(process.execPath, [...workerFlags(share), '-e', '0'], { stdio: 'pipe' })).not.toThrow();
    }
    expect(() => execFileSync(process.execPath, ['--no-such-v8-flag', '-e', '0'], { stdio: 'pipe' })).toThrow();
  });
});

describe('workerEnv', () => {
  // A worker never connects anywhere: it is spared parsing extra certificates as it starts.
  it('is the environment without NODE_EXTRA_CA_CERTS, all else kept', () => {
    const env = {
      PATH: '/bin',
      NODE_OPTIONS: '--max-old-space-size=512',
      NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
      TZ: 'UTC',
    };
    expect(workerEnv(env)).toEqual({ PATH: '/bin', NODE_OPTIONS: '--max-old-space-size=512', TZ: 'UTC' });
    expect(env.NODE_EXTRA_CA_CERTS).toBe('/etc/ssl/certs/ca-certificates.crt');
  });
});
