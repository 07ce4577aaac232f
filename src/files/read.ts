// Reads a file for linting. It looks before it opens: opening a FIFO waits
// for a writer that may never come, and a device may never end. Only a
// regular file within the size limit is read.
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

const CHUNK = 64 * 1024;

export async function readLimited(file: string, maxBytes: number): Promise<ReadResult> {
  let info: Stats;
  try {
    info = await stat(file);
  } catch (error) {
    return { ok: false, message: `File could not be read: ${describe(error)}` };
  }
  const refused = refuse(info, maxBytes);
  if (refused) return refused;
  let handle;
  try {
    // O_NONBLOCK: should the path turn into a FIFO after the look, opening it does not wait.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = refuse(await handle.stat(), maxBytes);
    return opened ?? (await readUpTo(handle, maxBytes));
  } catch (error) {
    return { ok: false, message: `File could not be read: ${describe(error)}` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** What is wrong with reading this file, or undefined. */
function refuse(info: Stats, maxBytes: number): ReadResult | undefined {
  if (info.isDirectory()) return { ok: false, message: 'File could not be read: it is a folder' };
  if (!info.isFile()) return { ok: false, message: `Not a regular file (${kindOf(info)}): coe reads only regular files` };
  if (info.size > maxBytes) return tooLarge(maxBytes);
  return undefined;
}

// Reads at most one byte past the limit: a file may grow after its size was read.
async function readUpTo(handle: Awaited<ReturnType<typeof open>>, maxBytes: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const buffer = Buffer.alloc(Math.min(CHUNK, maxBytes + 1 - size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    size += bytesRead;
    if (size > maxBytes) return tooLarge(maxBytes);
  }
  return { ok: true, bytes: Buffer.concat(chunks, size) };
}

function tooLarge(maxBytes: number): ReadResult {
  return { ok: false, message: `File is larger than the limit of ${maxBytes} bytes` };
}

/** "a FIFO", "a character device", … */
export function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  if (info.isDirectory()) return 'a folder';
  return 'a special file';
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES') return 'permission denied';
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'EISDIR') return 'it is a folder';
  if (e.code === 'ELOOP') return 'too many symbolic links';
  return e.message;
}
