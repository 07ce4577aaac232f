// Bundles the command line into dist/bundle/ with esbuild: one module for
// start-up and one chunk per command loaded lazily, so `coe lint FILE` reads
// a few files instead of hundreds. tsc still builds dist/ for the tests and
// the benchmarks; bin/coe.js runs the bundle. The VS Code extension's
// packaging (editors/vscode/scripts/package.mjs) builds the same bundle.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bundle of the command line, written to `outdir`. */
export function bundleCli(outdir = path.join(root, 'dist/bundle'), { sourcemap = 'linked' } = {}) {
  // Stale chunks of earlier builds would ship in the package.
  rmSync(outdir, { recursive: true, force: true });
  return build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli.ts', worker: 'src/engine/worker.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.js' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap,
    legalComments: 'none',
    minify: true,
    keepNames: false,
    logLevel: 'warning',
    // Bundled CommonJS packages call require(): give them one.
    banner: { js: "import { createRequire as __coeRequire } from 'node:module'; const require = __coeRequire(import.meta.url);" },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleCli();
