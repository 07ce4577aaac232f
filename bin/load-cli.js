// Loads the command line's bundle, dist/bundle/cli.cjs (scripts/bundle.mjs),
// with the V8 code cache built beside it: the bytecode of what `coe lint`
// runs, so that a start does not parse and compile it again. V8 passes over
// a cache that this Node cannot use (another version, other flags); without
// a cache, or on a Node whose `vm` cannot import() from a script, the bundle
// is required as usual.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

export const BUNDLE = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
export const CODE_CACHE = `${BUNDLE}.cache`;

/**
 * The bundle's exports, and how its code was loaded: 'cache' (V8 took the
 * cache), 'rejected' (V8 refused it), 'none' (no cache), or 'require'.
 * `compile`: compile the bundle as a script even without a cache, so that
 * its cache can be written after the run (writeCodeCache).
 */
export function loadCli({ compile = false } = {}) {
  const require = createRequire(BUNDLE);
  const importer = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const cachedData = importer && !compile ? readCache() : undefined;
  if (!importer || (!cachedData && !compile)) return { cli: require(BUNDLE), loaded: 'require' };
  const source = readFileSync(BUNDLE, 'utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: BUNDLE, cachedData, importModuleDynamically: importer });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, require, module, BUNDLE, path.dirname(BUNDLE));
  const loaded = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'cache';
  return { cli: module.exports, loaded, script };
}

/**
 * Has V8 compile each regular expression straight to machine code. By
 * default it first compiles one to bytecode for its first runs, then again to
 * machine code: a start of `coe lint` builds some forty Unicode patterns, each
 * run over a whole document, and the first compile is wasted (about 10% of
 * linting one file). Set after the code cache is read, since V8 checks a
 * cache against the flags, and never in the run that writes the cache.
 */
export function compileRegExpsOnce() {
  v8.setFlagsFromString('--no-regexp-tier-up');
}

/** Writes the code cache of a script loaded by loadCli, whole or not at all. */
export function writeCodeCache(script) {
  writeFileSync(`${CODE_CACHE}.tmp`, script.createCachedData());
  renameSync(`${CODE_CACHE}.tmp`, CODE_CACHE);
}

function readCache() {
  try {
    return readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
}
