// Reads a file for linting, refusing what is too large before reading it.
import { open } from 'node:fs/promises';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

export async function readLimited(file: string, maxBytes: number): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(file, 'r');
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, message: 'Not a regular file' };
    if (info.size > maxBytes) return { ok: false, message: `File is larger than the limit of ${maxBytes} bytes` };
    return { ok: true, bytes: await handle.readFile() };
  } catch (error) {
    return { ok: false, message: `File could not be read: ${describe(error)}` };
  } finally {
    await handle?.close();
  }
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES') return 'permission denied';
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'EISDIR') return 'it is a folder';
  return e.message;
}
