// Reads a file for linting. It looks before it opens: opening a FIFO waits
// for a writer that may never come, and a device may never end. Only a
// regular file is read, and no more of it than the size limit and one byte.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

/** `head`: the first bytes of a file over the limit, to tell whether it is a COE. */
export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string; head?: Uint8Array };

const CHUNK = 64 * 1024;

/**
 * Requests to the file system under way at once, for many files (p-map's
 * concurrency): more are no faster (libuv's pool has four threads), and each
 * one waiting holds memory. Discovery's real paths of 10,000 files all at
 * once left `coe lint` some 30 MiB larger for the whole run (memory the C
 * library keeps).
 */
export const FS_AT_ONCE = 64;

export async function readLimited(file: string, maxBytes: number): Promise<ReadResult> {
  let info: Stats;
  try {
    info = await stat(file);
  } catch (error) {
    return couldNotRead(error);
  }
  if (!info.isFile()) return notRegular(info);
  let handle: FileHandle | undefined;
  try {
    // O_NONBLOCK: should the path turn into a FIFO after the look, opening it does not wait.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = await handle.stat();
    return opened.isFile() ? await readUpTo(handle, maxBytes, opened.size) : notRegular(opened);
  } catch (error) {
    return couldNotRead(error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * readLimited without waiting for the event loop: for a pool's worker, which
 * has nothing else to do meanwhile. Each step of an asynchronous read waits
 * for the worker to finish the file it is linting, then for a thread of
 * libuv's pool: a worker sat idle some 2.5% of its time between files.
 */
export function readLimitedSync(file: string, maxBytes: number): ReadResult {
  let info: Stats;
  try {
    info = statSync(file);
  } catch (error) {
    return couldNotRead(error);
  }
  if (!info.isFile()) return notRegular(info);
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    if (!opened.isFile()) return notRegular(opened);
    const reading = new Reading(maxBytes, opened.size);
    for (;;) {
      const buffer = reading.buffer();
      const done = reading.took(buffer, readSync(fd, buffer, 0, buffer.length, null));
      if (done) return done;
    }
  } catch (error) {
    return couldNotRead(error);
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Read already: a failure to close loses nothing.
  }
}

async function readUpTo(handle: FileHandle, maxBytes: number, sizeHint: number): Promise<ReadResult> {
  const reading = new Reading(maxBytes, sizeHint);
  for (;;) {
    const buffer = reading.buffer();
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    const done = reading.took(buffer, bytesRead);
    if (done) return done;
  }
}

// The size a file reports may be wrong (it grows, or /proc says 0): read on
// until the end or one byte past the limit.
// The first read asks for the size reported and one byte, so that most files
// take one read and one more that finds the end.
class Reading {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeHint: number,
  ) {}

  /** Where to read next. Not zero-filled: only the bytes read are kept. */
  buffer(): Buffer {
    const want = this.chunks.length === 0 ? this.sizeHint + 1 : CHUNK;
    return Buffer.allocUnsafeSlow(Math.min(want, this.maxBytes + 1 - this.size));
  }

  /** After a read into `buffer`: the result once the end or the limit is reached. */
  took(buffer: Buffer, bytesRead: number): ReadResult | undefined {
    const { chunks, maxBytes } = this;
    if (bytesRead === 0) return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, this.size) };
    chunks.push(buffer.subarray(0, bytesRead));
    this.size += bytesRead;
    if (this.size <= maxBytes) return undefined;
    return {
      ok: false,
      message: `File is larger than the limit of ${maxBytes} bytes`,
      head: Buffer.concat(chunks, this.size).subarray(0, maxBytes),
    };
  }
}

function notRegular(info: Stats): ReadResult {
  return { ok: false, message: notRegularMessage(info) };
}

/** Why a path that is not a regular file is not read. */
export function notRegularMessage(info: Stats): string {
  if (info.isDirectory()) return 'File could not be read: it is a folder';
  return `Not a regular file (${fileKind(info)}): coe reads only regular files`;
}

/** "a folder", "a FIFO", "a character device", … */
export function fileKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}

function couldNotRead(error: unknown): ReadResult {
  return { ok: false, message: `File could not be read: ${describe(error)}` };
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES') return 'permission denied';
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'EISDIR') return 'it is a folder';
  if (e.code === 'ELOOP') return 'a symbolic link that loops (or too many links in a row)';
  return e.message;
}
