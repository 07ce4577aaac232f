// Bundles the command line into dist/bundle/ with esbuild: one module for
// start-up and one chunk per command loaded lazily, so `coe lint FILE` reads
// a few files instead of hundreds. tsc still builds dist/ for the tests and
// the benchmarks; bin/coe.js runs the bundle.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli.ts', worker: 'src/engine/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.js' },
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  legalComments: 'none',
  minify: true,
  keepNames: false,
  logLevel: 'warning',
  // Bundled CommonJS packages call require(): give them one.
  banner: { js: "import { createRequire as __coeRequire } from 'node:module'; const require = __coeRequire(import.meta.url);" },
});
