// Writing a command's output into `-o FILE`: never over an existing file
// without --force, never into a FIFO or a device, and never, even with
// --force, over a file the command read (under any name: the same path, a
// symbolic link, a hard link).
import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { UsageError } from '../util/errors.js';
import { fileKind } from './read.js';

/** A file the output must never replace, and what to call it in the message. */
export interface Protected {
  info: Stats;
  /** "the COE being exported", "one of the COEs of the report" */
  what: string;
}

export function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Checks the target before any work: refuses one of the inputs, a FIFO or a device. */
export async function checkOutput(target: string, shown: string, inputs: Protected[]): Promise<void> {
  let info: Stats;
  try {
    info = await stat(target);
  } catch {
    return; // no such file yet, or a dangling link: the write says what is wrong
  }
  refuseInput(info, shown, inputs);
  if (!info.isFile() && !info.isDirectory()) throw new UsageError(`Cannot write ${shown}: it is ${fileKind(info)}, not a regular file`);
}

function refuseInput(info: Stats, shown: string, inputs: Protected[]): void {
  const input = inputs.find((p) => sameFile(info, p.info));
  if (input) throw new UsageError(`-o ${shown} is ${input.what}; write to another file`);
}

/**
 * Writes `text` into `target`. Without `force`, O_EXCL fails when the file
 * exists; with it, the file is opened without truncating, checked, then
 * emptied, so nothing is lost before it is known what was opened.
 */
export async function writeOutput(target: string, shown: string, text: string, force: boolean, inputs: Protected[]): Promise<void> {
  const { O_WRONLY, O_CREAT, O_EXCL, O_NONBLOCK } = constants;
  let handle: FileHandle | undefined;
  try {
    handle = await open(target, O_WRONLY | O_CREAT | O_NONBLOCK | (force ? 0 : O_EXCL), 0o666);
    const info = await handle.stat();
    refuseInput(info, shown, inputs);
    if (!info.isFile()) throw new UsageError(`Cannot write ${shown}: it is ${fileKind(info)}, not a regular file`);
    await handle.truncate(0);
    await handle.writeFile(text, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${shown} already exists; choose another file or use --force to overwrite it`);
    if (code === 'ENOENT') throw new UsageError(`Cannot write ${shown}: its folder does not exist`);
    if (code === 'EISDIR') throw new UsageError(`Cannot write ${shown}: it is a folder`);
    if (code === 'EACCES') throw new UsageError(`Cannot write ${shown}: permission denied`);
    if (code === 'ENXIO') throw new UsageError(`Cannot write ${shown}: it is a FIFO, not a regular file`);
    throw error;
  } finally {
    await handle?.close();
  }
}
