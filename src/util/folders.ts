// Creating a folder and the folders above it. Node's `mkdir(…, { recursive:
// true })` loops forever where making a folder fails with ENOENT although
// its parent is there (under /proc, for one); this climbs only while a
// parent is missing, and gives up with the error otherwise.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Creates `dir` and the folders missing above it; a folder that exists already is no error. */
export async function makeFolders(dir: string): Promise<void> {
  const target = path.resolve(dir);
  try {
    await mkdir(target);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await isFolder(target))) return;
    const parent = path.dirname(target);
    if (code !== 'ENOENT' || parent === target || (await exists(parent))) throw error;
  }
  await makeFolders(path.dirname(target));
  // Another process may have made it meanwhile.
  await mkdir(target).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST' || !(await isFolder(target))) throw error;
  });
}

async function isFolder(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isDirectory() === true;
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}
