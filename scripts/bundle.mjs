// Bundles the command line into dist/bundle/ with esbuild:
//   cli.cjs        the command line as CommonJS, which bin/coe.js runs for
//                  `coe lint`; each command's code is evaluated only when the
//                  command runs
//   prompts.cjs,   @inquirer/prompts (half the code, with its encodings) and
//   lsp.cjs        vscode-languageserver, left out of cli.cjs to keep it and
//                  its cache small: only `coe new`, `coe init` and `coe lsp`
//                  use them
//   cli.cjs.cache  V8's code cache of cli.cjs after a run of `coe lint` on
//                  an example: bin/coe.js hands it to V8, so that a start
//                  does not parse and compile that code again
//   esm/           the command line as ES modules in chunks, which bin/coe.js
//                  runs for the other commands
//   worker.cjs     the pool's worker (src/engine/pool.ts), which bin/worker.js
//                  runs, and worker.cjs.*.cache its code caches, one for
//                  each set of V8 flags the pool gives a worker
// CommonJS because Node 20 caches code only for scripts (vm.Script), not for
// ES modules. tsc still builds dist/ for the tests and the benchmarks. The
// VS Code extension's packaging (editors/vscode/scripts/package.mjs) builds
// the same bundle.
import { existsSync, rmSync } from 'node:fs';
import { fork, spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Packages left out of cli.cjs, each bundled into a file of its own: the
// file, the package it holds, and the imports it answers.
const APART = [
  { file: 'prompts.cjs', holds: '@inquirer/prompts', imports: ['@inquirer/prompts'] },
  // The /node entry holds the whole API; its common part is the same module.
  { file: 'lsp.cjs', holds: 'vscode-languageserver/node', imports: ['vscode-languageserver', 'vscode-languageserver/node'] },
];

/** The bundle of the command line, written to `outdir`; with its code cache unless `codeCache` is false. */
export async function bundleCli(outdir = path.join(root, 'dist/bundle'), { sourcemap = 'linked', codeCache = true } = {}) {
  // Stale files of earlier builds would ship in the package, or a cache of another bundle be read.
  rmSync(outdir, { recursive: true, force: true });
  const common = {
    absWorkingDir: root,
    outdir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap,
    legalComments: 'none',
    minify: true,
    keepNames: false,
    logLevel: 'warning',
  };
  // A script that V8 caches code for (bin/load-cli.js): its modules ask for
  // their own place (to find package.json and the worker).
  const script = {
    ...common,
    outExtension: { '.js': '.cjs' },
    define: { 'import.meta.url': '__coeModuleUrl' },
    banner: { js: "var __coeModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  await build({ ...script, entryPoints: { cli: 'src/cli.ts' }, plugins: [apart(), lazyChildProcessForCommander()] });
  // The pool's worker: a script of its own, so that it starts from a code cache too (bin/worker.js).
  await build({ ...script, entryPoints: { worker: 'src/engine/worker.ts' } });
  for (const { file, holds } of APART) {
    await build({
      ...common,
      stdin: { contents: `module.exports = require(${JSON.stringify(holds)});`, resolveDir: root },
      outfile: path.join(outdir, file),
      outdir: undefined,
    });
  }
  // The other commands: ES modules, a chunk per command loaded
  // when it runs. (The one script that the code cache needs holds every
  // command, and costs a long run such as `coe report` more memory.)
  await build({
    ...common,
    entryPoints: { cli: 'src/cli.ts' },
    outdir: path.join(outdir, 'esm'),
    splitting: true,
    format: 'esm',
    outExtension: { '.js': '.js' },
    chunkNames: 'chunks/[name]-[hash]',
    // Bundled CommonJS packages call require(): give them one.
    banner: { js: "import { createRequire as __coeRequire } from 'node:module'; const require = __coeRequire(import.meta.url);" },
    plugins: [lazyChildProcessForCommander()],
  });
  if (codeCache) await writeCodeCache(outdir);
}

// Each package of APART is read from its own file beside cli.cjs, with
// require(): the bundle's require is that of its own place (bin/coe.js).
function apart() {
  return {
    name: 'apart',
    setup(builder) {
      for (const { file, imports } of APART) {
        for (const name of imports) {
          const filter = new RegExp(`^${name.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&')}$`);
          builder.onResolve({ filter }, () => ({ path: file, namespace: 'apart' }));
        }
      }
      builder.onLoad({ filter: /.*/, namespace: 'apart' }, (args) => ({
        contents: `module.exports = require('./${args.path}');`,
        loader: 'js',
      }));
      builder.onResolve({ filter: /^\.\/[\w-]+\.cjs$/, namespace: 'apart' }, (args) => ({ path: args.path, external: true }));
    },
  };
}

// commander loads node:child_process (and with it net and dgram) for
// subcommands that are programs of their own; coe has none. It gets the
// module when it first uses it, which spares every start about 4 ms.
function lazyChildProcessForCommander() {
  return {
    name: 'lazy-child-process',
    setup(builder) {
      builder.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
        args.importer.includes(`${path.sep}commander${path.sep}`) ? { path: 'child_process', namespace: 'lazy' } : undefined,
      );
      builder.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
        contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
        loader: 'js',
      }));
    },
  };
}

// A run of `coe lint` on one example with one warning, in a process of its
// own, compiles what linting a file needs; bin/coe.js writes V8's cache of it
// when COE_WRITE_CODE_CACHE names the bundle. Only for the bundle that
// bin/coe.js runs. One file, not the examples folder: a start reads the whole
// cache, and the folder's run compiles more than linting one file uses (the
// search of a folder, more of the reporters): one COE linted with that cache
// took 1.5% more instructions, as did a COE with four warnings.
function writeCodeCache(outdir) {
  if (path.resolve(outdir) !== path.join(root, 'dist/bundle')) return;
  const bundle = path.join(outdir, 'cli.cjs');
  const example = 'examples/2026-09-08-checkout-database-failover.md';
  spawnSync(process.execPath, [path.join(root, 'bin/coe.js'), 'lint', '--now', '2026-12-01', example], {
    cwd: root,
    env: { ...process.env, COE_WRITE_CODE_CACHE: bundle },
    stdio: 'ignore',
  });
  // Only start-up is slower without it.
  if (!existsSync(`${bundle}.cache`)) console.warn('bundle: no code cache was written; coe starts without one');
  return writeWorkerCaches();
}

// A worker under each set of the pool's flags, a short share's and a long
// one's, lints its warm-up sample and writes its code cache (bin/worker.js).
async function writeWorkerCaches() {
  const { workerEnv, workerFlags } = await import(path.join(root, 'dist/engine/worker-start.js'));
  const { DEFAULT_CONFIG } = await import(path.join(root, 'dist/config/config.js'));
  const { WORKER_BUNDLE, workerCache } = await import(path.join(root, 'bin/load-cli.js'));
  for (const flags of new Set([workerFlags(1), workerFlags(1_000_000)].map((f) => JSON.stringify(f)))) {
    const execArgv = JSON.parse(flags);
    const worker = fork(path.join(root, 'bin/worker.js'), [], {
      execArgv,
      env: { ...workerEnv(process.env), COE_WRITE_CODE_CACHE: WORKER_BUNDLE },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    worker.send({ job: 'lint', config: DEFAULT_CONFIG, settings: { now: '2026-12-01', internalTerms: [] } });
    // A worker that cannot start (no child processes here) leaves only the cache out.
    await new Promise((resolve) => worker.on('exit', resolve).on('error', resolve));
    if (!existsSync(workerCache(execArgv))) console.warn('bundle: a worker wrote no code cache; workers start without one');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleCli();
