// Writing a new COE without ever overwriting one. Two guards:
// - a lock file in the folder makes "read the ids, pick the next, write"
//   one step between concurrent `coe new`, so two of them never take the
//   same id;
// - the write itself is exclusive (`wx`): a name that exists, whoever made
//   it, is never replaced; the next name (`-2`, `-3`, …) is tried instead.
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../util/errors.js';
import { makeFolders } from '../util/folders.js';

export const LOCK_NAME = '.coe-new.lock';
const LOCK_WAIT_MS = 15_000;
const LOCK_STALE_MS = 60_000;
const MAX_ATTEMPTS = 100;

/** Creates the folder, or says why it cannot be written in. */
export async function ensureFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new UsageError(`--dir: ${dir} exists and is not a folder`);
  if (!info) {
    await makeFolders(dir).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`--dir: cannot create ${dir}: ${error.code ?? error.message}`);
    });
  }
}

/** Runs `work` while holding the folder's lock. */
export async function withFolderLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(dir, LOCK_NAME);
  await acquire(lock);
  // Ctrl-C while the lock is held must not leave it behind.
  const onSignal = () => {
    void unlink(lock).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await unlink(lock).catch(() => undefined);
  }
}

async function acquire(lock: string): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new UsageError(`cannot write in ${path.dirname(lock)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }
    if (Date.now() > deadline) {
      throw new UsageError(`another coe new is writing in ${path.dirname(lock)}; if none is running, delete ${lock}`);
    }
    const stale = await staleLock(lock);
    if (stale !== undefined) {
      await breakLock(lock, stale);
      continue;
    }
    await sleep(20 + Math.random() * 30);
  }
}

// A lock is stale when the process that took it is gone, or it is old; the
// answer is the lock file's inode, so that only that very file is broken.
async function staleLock(lock: string): Promise<number | undefined> {
  const info = await stat(lock).catch(() => undefined);
  if (!info) return undefined; // released meanwhile: just try again
  // Reading a FIFO would wait for a writer for ever.
  if (!info.isFile()) throw new UsageError(`${lock} is not a regular file, so it is no lock of coe new: delete it`);
  const text = await readFile(lock, 'utf8').catch(() => '');
  if (Date.now() - info.mtimeMs > LOCK_STALE_MS) return info.ino;
  const pid = Number(text.trim());
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined; // being written: give it time
  return processAlive(pid) ? undefined : info.ino;
}

// Two runs may find the same stale lock. Renaming is atomic, so only one
// moves it aside; if what was moved is a fresh lock another run took since,
// it goes back.
async function breakLock(lock: string, staleIno: number): Promise<void> {
  const aside = `${lock}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    await rename(lock, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new UsageError(`cannot remove the stale lock ${lock}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const moved = await stat(aside).catch(() => undefined);
  if (moved && moved.ino !== staleIno) await link(aside, lock).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Writes `text` to the first name of `nameFor(1)`, `nameFor(2)`, … that does
 * not exist yet, exclusively; returns the path written.
 */
export async function writeExclusive(dir: string, nameFor: (attempt: number) => string, text: string): Promise<string> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const file = path.join(dir, nameFor(attempt));
    let handle;
    try {
      handle = await open(file, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw new UsageError(`cannot write ${file}: ${code ?? (error as Error).message}`);
    }
    try {
      await handle.writeFile(text, 'utf8');
    } catch (error) {
      await handle.close();
      await unlink(file).catch(() => undefined); // a half-written COE helps nobody
      throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    await handle.close();
    return file;
  }
  throw new UsageError(`${path.join(dir, nameFor(1))} and the next ${MAX_ATTEMPTS - 1} names exist already; choose another title`);
}
