// Which coe the extension starts, as the ESLint and markdownlint extensions
// choose: the workspace's own copy first (the version its CI runs), then the
// `coe.path` setting, then the copy bundled into the extension. Pure: the
// file system is asked through `FileLookup`, so tests can give a fake one.
import path from 'node:path';

export type ServerSource = 'workspace' | 'setting' | 'bundled';

export interface ServerChoice {
  /** The JavaScript file to run with Node: a coe package's bin/coe.js. */
  script: string;
  source: ServerSource;
  /** Why a copy that could have been used was not, for the output channel. */
  notes: string[];
}

export interface FileLookup {
  isFile(file: string): boolean;
  isDirectory(dir: string): boolean;
}

export interface ResolveInput {
  /** The workspace folders, absolute paths, in the workspace's order. */
  folders: readonly string[];
  /** The `coe.path` setting as written: empty or undefined when not set. */
  setting?: string;
  /** The bin/coe.js of the copy inside the extension. */
  bundled: string;
  /** Whether the workspace is trusted: an untrusted one's node_modules is never run. */
  trusted: boolean;
  /** The home folder, for a `coe.path` that starts with `~`. */
  home?: string;
}

/** Where a coe package keeps its command line, from the package's folder. */
export const BIN_IN_PACKAGE = path.join('bin', 'coe.js');

export function resolveServer(input: ResolveInput, files: FileLookup): ServerChoice {
  const notes: string[] = [];
  if (input.trusted) {
    const found = workspaceCopy(input.folders, files);
    if (found) return { script: found, source: 'workspace', notes };
  } else if (input.folders.length > 0) {
    notes.push('The workspace is not trusted: its node_modules is not searched for coe.');
  }
  const setting = input.setting?.trim();
  if (setting) {
    const script = settingCopy(setting, input, files);
    if (script) return { script, source: 'setting', notes };
    if (!path.isAbsolute(setting) && !setting.startsWith('~') && input.folders.length === 0)
      notes.push(`coe.path "${setting}" is relative, and there is no workspace folder to resolve it from.`);
    else notes.push(`coe.path is set to "${setting}", but neither that file nor ${BIN_IN_PACKAGE} inside that folder exists.`);
  }
  return { script: input.bundled, source: 'bundled', notes };
}

/** node_modules/coe/bin/coe.js as Node finds a package: in each folder, then in each folder above it. */
export function workspaceCopy(folders: readonly string[], files: FileLookup): string | undefined {
  for (const folder of folders) {
    for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
      const script = path.join(dir, 'node_modules', 'coe', BIN_IN_PACKAGE);
      if (files.isFile(script)) return script;
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

/** `coe.path`: coe's bin/coe.js, or the folder of a coe package; relative to the first workspace folder. */
export function settingCopy(setting: string, input: Pick<ResolveInput, 'folders' | 'home'>, files: FileLookup): string | undefined {
  let written = setting;
  if (input.home && (written === '~' || written.startsWith('~/') || written.startsWith('~\\')))
    written = path.join(input.home, written.slice(1));
  const base = input.folders[0];
  if (!path.isAbsolute(written) && base === undefined) return undefined;
  const target = path.resolve(base ?? '', written);
  if (files.isFile(target)) return target;
  const inside = path.join(target, BIN_IN_PACKAGE);
  return files.isDirectory(target) && files.isFile(inside) ? inside : undefined;
}
