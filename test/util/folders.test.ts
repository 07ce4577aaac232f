import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFolders } from '../../src/util/folders.js';

// Each test's folder is removed after it: a run must not leave folders behind.
const made: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'coe-folders-'));
  made.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('makeFolders', () => {
  it('creates a folder and the folders missing above it', async () => {
    const root = scratch();
    await makeFolders(path.join(root, 'a', 'b', 'c'));
    expect(statSync(path.join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
  });

  it('leaves a folder that is there as it is', async () => {
    const root = scratch();
    writeFileSync(path.join(root, 'keep.md'), 'x');
    await makeFolders(root);
    expect(readdirSync(root)).toEqual(['keep.md']);
  });

  it('fails on a file in the way', async () => {
    const root = scratch();
    writeFileSync(path.join(root, 'file'), 'x');
    await expect(makeFolders(path.join(root, 'file'))).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(makeFolders(path.join(root, 'file', 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  // Node's recursive mkdir loops forever there.
  it.runIf(existsSync('/proc/self'))('fails, and does not loop, where a folder cannot be made under one that is there', async () => {
    await expect(makeFolders('/proc/coe-no-such/sub')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
