// Which coe the VS Code extension starts: the workspace's node_modules copy,
// then coe.path, then the bundled one. The choice is a pure function of its
// input and a file lookup; here the lookup reads real temporary folders, and
// records what it was asked.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveServer, type FileLookup, type ResolveInput } from '../../editors/vscode/src/resolve.js';

const BUNDLED = path.join(tmpdir(), 'coe-extension', 'server', 'bin', 'coe.js');
const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder with the given files (empty ones). */
function folder(...files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'coe-vscode-'));
  made.push(dir);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), '');
  }
  return dir;
}

/** The disk, as the extension reads it, with a record of the paths asked about. */
function disk(): FileLookup & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    isFile: (file) => (asked.push(file), statSync(file, { throwIfNoEntry: false })?.isFile() ?? false),
    isDirectory: (dir) => (asked.push(dir), statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false),
  };
}

const resolve = (input: Partial<ResolveInput>, files: FileLookup = disk()) =>
  resolveServer({ folders: [], bundled: BUNDLED, trusted: true, ...input }, files);

const WORKSPACE_BIN = 'node_modules/coe/bin/coe.js';

describe('the coe the VS Code extension starts', () => {
  it("prefers the workspace's node_modules copy, even when coe.path names another", () => {
    const workspace = folder(WORKSPACE_BIN, 'package.json');
    const other = folder('bin/coe.js');
    expect(resolve({ folders: [workspace], setting: other })).toEqual({
      script: path.join(workspace, WORKSPACE_BIN),
      source: 'workspace',
      notes: [],
    });
  });

  it('finds the copy in a folder above the workspace folder, as Node resolves a package', () => {
    const monorepo = folder(WORKSPACE_BIN, 'packages/docs/README.md');
    const choice = resolve({ folders: [path.join(monorepo, 'packages', 'docs')] });
    expect(choice.source).toBe('workspace');
    expect(choice.script).toBe(path.join(monorepo, WORKSPACE_BIN));
  });

  it('looks in every workspace folder, in order, and takes the first copy found', () => {
    const plain = folder('notes.md');
    const first = folder(WORKSPACE_BIN);
    const second = folder(WORKSPACE_BIN);
    expect(resolve({ folders: [plain, first, second] }).script).toBe(path.join(first, WORKSPACE_BIN));
  });

  it('does not take a node_modules/coe that has no bin/coe.js', () => {
    const workspace = folder('node_modules/coe/package.json');
    expect(resolve({ folders: [workspace] })).toEqual({ script: BUNDLED, source: 'bundled', notes: [] });
  });

  it('runs the bundled copy when there is no workspace copy and no coe.path', () => {
    const lookup = disk();
    expect(resolve({ folders: [folder('COE-1.md')] }, lookup)).toEqual({ script: BUNDLED, source: 'bundled', notes: [] });
    expect(resolve({}, lookup)).toEqual({ script: BUNDLED, source: 'bundled', notes: [] });
    expect(resolve({ folders: [folder()], setting: '   ' }).source).toBe('bundled');
    // The bundled copy is taken as it is: the extension ships it.
    expect(lookup.asked).not.toContain(BUNDLED);
  });

  it('takes coe.path when the workspace has no copy: the file of bin/coe.js', () => {
    const clone = folder('bin/coe.js');
    expect(resolve({ folders: [folder()], setting: path.join(clone, 'bin', 'coe.js') })).toEqual({
      script: path.join(clone, 'bin', 'coe.js'),
      source: 'setting',
      notes: [],
    });
  });

  it("takes coe.path as a package's folder, and runs its bin/coe.js", () => {
    const clone = folder('bin/coe.js', 'package.json');
    expect(resolve({ setting: clone }).script).toBe(path.join(clone, 'bin', 'coe.js'));
    expect(resolve({ setting: `${clone}${path.sep}` }).script).toBe(path.join(clone, 'bin', 'coe.js'));
  });

  it('takes a relative coe.path from the first workspace folder', () => {
    const workspace = folder('tools/coe/bin/coe.js');
    const second = folder('tools/coe/bin/coe.js');
    const choice = resolve({ folders: [workspace, second], setting: 'tools/coe' });
    expect(choice.script).toBe(path.join(workspace, 'tools', 'coe', 'bin', 'coe.js'));
    expect(resolve({ folders: [workspace], setting: './tools/coe/bin/coe.js' }).script).toBe(path.join(workspace, 'tools/coe/bin/coe.js'));
  });

  it('takes a coe.path that starts with ~ from the home folder', () => {
    const home = folder('src/coe/bin/coe.js');
    expect(resolve({ setting: '~/src/coe', home }).script).toBe(path.join(home, 'src', 'coe', 'bin', 'coe.js'));
    expect(resolve({ setting: '~/src/coe', home: undefined }).source).toBe('bundled');
  });

  it('falls back to the bundled copy, and says why, when coe.path names nothing', () => {
    const workspace = folder();
    const missing = path.join(workspace, 'no-such-coe');
    const choice = resolve({ folders: [workspace], setting: missing });
    expect(choice.source).toBe('bundled');
    expect(choice.notes).toEqual([`coe.path is set to "${missing}", but neither that file nor bin/coe.js inside that folder exists.`]);
    const empty = folder('README.md');
    expect(resolve({ setting: empty }).notes[0]).toContain(`coe.path is set to "${empty}"`);
  });

  it('says so when a relative coe.path has no workspace folder to start from', () => {
    const choice = resolve({ folders: [], setting: 'tools/coe' });
    expect(choice.source).toBe('bundled');
    expect(choice.notes).toEqual(['coe.path "tools/coe" is relative, and there is no workspace folder to resolve it from.']);
  });

  it("never runs an untrusted workspace's node_modules, but still takes coe.path from the user's settings", () => {
    const workspace = folder(WORKSPACE_BIN);
    const lookup = disk();
    const untrusted = resolve({ folders: [workspace], trusted: false }, lookup);
    expect(untrusted).toEqual({
      script: BUNDLED,
      source: 'bundled',
      notes: ['The workspace is not trusted: its node_modules is not searched for coe.'],
    });
    expect(lookup.asked.some((p) => p.includes('node_modules'))).toBe(false);
    const clone = folder('bin/coe.js');
    const withSetting = resolve({ folders: [workspace], trusted: false, setting: clone });
    expect(withSetting.source).toBe('setting');
    expect(withSetting.script).toBe(path.join(clone, 'bin', 'coe.js'));
  });

  it('asks only its lookup: a fake one decides alone', () => {
    const root = path.join(path.sep, 'nowhere', 'project');
    const present = new Set([path.join(path.sep, 'nowhere', WORKSPACE_BIN)]);
    const fake: FileLookup = { isFile: (f) => present.has(f), isDirectory: () => false };
    expect(resolveServer({ folders: [root], bundled: BUNDLED, trusted: true }, fake)).toEqual({
      script: path.join(path.sep, 'nowhere', WORKSPACE_BIN),
      source: 'workspace',
      notes: [],
    });
  });
});
