// Reading files to lint: a look before opening, so that a FIFO or a device is
// a finding and never blocks; a folder search that lists what it may not open.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discover } from '../../src/files/discover.js';
import { readLimited, readLimitedSync, type ReadResult } from '../../src/files/read.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coe-read-'));
  dirs.push(dir);
  return dir;
}

// The same answers from the asynchronous read and from a pool worker's synchronous one.
const readers: [string, (file: string, maxBytes: number) => Promise<ReadResult>][] = [
  ['readLimited', readLimited],
  ['readLimitedSync', async (file, maxBytes) => readLimitedSync(file, maxBytes)],
];

describe.each(readers)('%s', (_name, readLimited) => {
  // Opening a FIFO with no writer waits for ever: these would time out.
  it('refuses a FIFO without opening it, directly or through a link', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    symlinkSync('fifo', path.join(dir, 'link.md'));
    for (const name of ['fifo', 'link.md']) {
      expect(await readLimited(path.join(dir, name), 1024)).toEqual({
        ok: false,
        message: 'Not a regular file (a FIFO): coe reads only regular files',
      });
    }
  }, 5_000);

  it('refuses a character device such as /dev/zero, which never ends', async () => {
    expect(await readLimited('/dev/zero', 1024)).toEqual({
      ok: false,
      message: 'Not a regular file (a character device): coe reads only regular files',
    });
  }, 5_000);

  it('refuses a folder, a missing file and a file over the limit', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'big.md'), 'x'.repeat(1025));
    expect(await readLimited(dir, 1024)).toEqual({ ok: false, message: 'File could not be read: it is a folder' });
    expect(await readLimited(path.join(dir, 'none.md'), 1024)).toEqual({ ok: false, message: 'File could not be read: no such file' });
    const big = await readLimited(path.join(dir, 'big.md'), 1024);
    expect(big.ok ? undefined : [big.message, big.head?.length]).toEqual(['File is larger than the limit of 1024 bytes', 1024]);
  });

  it('reads a regular file of exactly the limit', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), 'x'.repeat(200_000));
    const read = await readLimited(path.join(dir, 'a.md'), 200_000);
    expect(read.ok && read.bytes.length).toBe(200_000);
  });

  it('reads an empty file, and reads on past the size a file reports (/proc says 0)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'empty.md'), '');
    const empty = await readLimited(path.join(dir, 'empty.md'), 1024);
    expect(empty.ok && empty.bytes.length).toBe(0);
    const status = await readLimited('/proc/self/status', 1_000_000);
    expect(status.ok && Buffer.from(status.bytes).toString('utf8')).toMatch(/^Name:/);
  });
});

describe('discover', () => {
  const options = (cwd: string) => ({ cwd, include: ['**/*.md'], ignore: [] });

  it('takes a FIFO or a device named on the command line as a file to report, not a usage error', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    expect(await discover(['fifo', '/dev/null'], options(dir))).toEqual([
      { file: '/dev/null', explicit: true, inputs: [1] },
      { file: 'fifo', explicit: true, inputs: [0] },
    ]);
  });

  it('lists a .md link to a FIFO found in a folder, so that it is reported', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'docs'));
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    symlinkSync('../fifo', path.join(dir, 'docs', 'bad.md'));
    writeFileSync(path.join(dir, 'docs', 'good.md'), '# a\n');
    expect(await discover(['docs'], options(dir))).toEqual([
      { file: 'docs/bad.md', explicit: false, inputs: [0] },
      { file: 'docs/good.md', explicit: false, inputs: [0] },
    ]);
  });
});
