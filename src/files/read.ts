// Reads a file for linting. It looks before it opens: opening a FIFO waits
// for a writer that may never come, and a device may never end. Only a
// regular file is read, and no more of it than the size limit and one byte.
import { constants, type Stats } from 'node:fs';
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

// The size a file reports may be wrong (it grows, or /proc says 0): read on
// until the end or one byte past the limit.
// The first read asks for the size reported and one byte, so that most files
// take one read and one more that finds the end.
async function readUpTo(handle: FileHandle, maxBytes: number, sizeHint: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const want = chunks.length === 0 ? sizeHint + 1 : CHUNK;
    // Not zero-filled: only the bytes read are kept.
    const buffer = Buffer.allocUnsafeSlow(Math.min(want, maxBytes + 1 - size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    size += bytesRead;
    if (size > maxBytes) {
      return {
        ok: false,
        message: `File is larger than the limit of ${maxBytes} bytes`,
        head: Buffer.concat(chunks, size).subarray(0, maxBytes),
      };
    }
  }
  return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) };
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
