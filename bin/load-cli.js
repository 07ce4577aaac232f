// Loads the command line's bundle, dist/bundle/cli.cjs (scripts/bundle.mjs),
// with the V8 code cache built beside it: the bytecode of what `coe lint`
// runs, so that a start does not parse and compile it again. V8 passes over
// a cache that this Node cannot use (another version, other flags); without
// a cache, or on a Node whose `vm` cannot import() from a script, the bundle
// is required as usual.
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

export const BUNDLE = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
export const CODE_CACHE = `${BUNDLE}.cache`;

/** The pool's worker (bin/worker.js runs it), and its code cache for these V8 flags. */
export const WORKER_BUNDLE = fileURLToPath(new URL('../dist/bundle/worker.cjs', import.meta.url));
export function workerCache(flags) {
  return `${WORKER_BUNDLE}.${flagsKey(flags)}.cache`;
}

// FNV-1a of the flags: a short name that changes with any of them.
function flagsKey(flags) {
  let hash = 0x811c9dc5;
  for (const c of flags.join(' ')) hash = Math.imul(hash ^ c.codePointAt(0), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * The bundle's exports, and how its code was loaded: 'cache' (V8 took the
 * cache), 'rejected' (V8 refused it), 'none' (no cache), or 'require'.
 * `compile`: compile the bundle as a script even without a cache, so that
 * its cache can be written after the run (writeCodeCache).
 */
export function loadCli({ compile = false } = {}) {
  return loadScript(BUNDLE, CODE_CACHE, { compile });
}

/** loadCli for any CommonJS bundle of coe and the file of its code cache. */
export function loadScript(bundle, cacheFile, { compile = false } = {}) {
  const require = createRequire(bundle);
  const importer = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const cachedData = importer && !compile ? readCache(cacheFile) : undefined;
  if (!importer || (!cachedData && !compile)) return { cli: require(bundle), loaded: 'require' };
  const source = bundleSource(bundle);
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundle, cachedData, importModuleDynamically: importer });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, require, module, bundle, path.dirname(bundle));
  const loaded = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'cache';
  return { cli: module.exports, loaded, script };
}

/**
 * V8 flags for a run of the command line, set after the code cache is read
 * (V8 checks a cache against the flags it was written with) and never in the
 * run that writes the cache:
 * - each regular expression is compiled straight to machine code. By default
 *   V8 first compiles one to bytecode for its first runs, then again to
 *   machine code: a start of `coe lint` builds some forty Unicode patterns,
 *   each run over a whole document, and the first compile is wasted (about
 *   10% of linting one file);
 * - for `coe lint` of a few small files (a pre-commit hook, an editor's
 *   save), no optimising compiler: a run that short ends before its compiles
 *   pay back, and they take the other core and are waited for at exit. One
 *   COE of 9 KB lints about 30 ms faster, four about 50 ms; sixteen lint
 *   slower, one of 100 KB (the size limit) twice as slowly, and some small
 *   pathological shapes up to 100 ms slower. The pool's workers are processes
 *   with flags of their own;
 * - for the same short runs, the young generation grows to its full size at
 *   its first growth rather than doubling each time: one COE was collected
 *   six times as it grew, two times with this, and took some 4% fewer
 *   instructions in all. (The size it starts at is set when the heap is
 *   made, before any script runs.)
 * - for `coe lint` of more (a folder, a glob), the young generation keeps its
 *   size until the run knows whether it lints the files here or hands them
 *   to workers (src/engine/young-generation.ts): finding 10,000 files grew
 *   it to 2 × 16 MiB, which this process then held while the workers linted.
 */
export function tuneV8(argv) {
  v8.setFlagsFromString('--no-regexp-tier-up');
  if (argv[2] !== 'lint') return;
  const args = argv.slice(3);
  if (fewFiles(args)) {
    v8.setFlagsFromString('--max-opt=1');
    v8.setFlagsFromString('--semi-space-growth-factor=16');
  } else if (!args.includes('--stdin')) v8.setFlagsFromString('--semi-space-growth-factor=1');
}

/** A short run: at most this many files, named one by one, of this many bytes in all. */
export const FEW_FILES = 4;
export const FEW_BYTES = 32 * 1024;

/**
 * Whether the arguments of `coe lint` name a few small files and nothing
 * that may hold more: no folder, no glob, not the docs folder by default, not
 * standard input (of a size not known yet). Arguments that are no path
 * (option values) do not count; a wrong guess costs time, never a finding.
 */
export function fewFiles(args) {
  if (args.includes('--stdin')) return false;
  let files = 0;
  let bytes = 0;
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    const stat = statOf(arg);
    if (stat?.isFile()) [files, bytes] = [files + 1, bytes + stat.size];
    else if (stat || /[*?[\]{}!]/.test(arg)) return false;
    // A hook may name hundreds of files: stop at the first over the bounds.
    if (files > FEW_FILES || bytes > FEW_BYTES) return false;
  }
  return files > 0;
}

// Whatever is wrong with a path (not there, under a file, a NUL in it) is
// for the command to report: here it is only no file.
function statOf(arg) {
  try {
    return statSync(arg, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

// The bundle is ASCII (esbuild escapes what it can, the sources the rest, and
// test/e2e/code-cache.test.ts keeps it so): read as Latin-1, its text is a
// string of one byte a character, half the size of one read as UTF-8 with a
// character past U+00FF in it, and copied, not decoded.
function bundleSource(bundle) {
  const bytes = readFileSync(bundle);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/** Writes the code cache of a script loaded by loadCli, whole or not at all. */
export function writeCodeCache(script) {
  // V8 stamps a cache with its flags as they are now, and a run sets how the
  // young generation grows (src/engine/young-generation.ts): back to V8's
  // default, which is what a start has when it reads the cache.
  v8.setFlagsFromString('--semi-space-growth-factor=2');
  writeCacheFile(script, CODE_CACHE);
}

/** Writes a script's code cache to `file`, whole or not at all. */
export function writeCacheFile(script, file) {
  writeFileSync(`${file}.tmp`, script.createCachedData());
  renameSync(`${file}.tmp`, file);
}

function readCache(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
