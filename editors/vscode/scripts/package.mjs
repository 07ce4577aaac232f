// `npm run package:vscode [-- --out FILE_OR_FOLDER]`: builds the VS Code
// extension and packs it into a .vsix. The extension is self-contained: its
// client bundled into dist/extension.js, and a copy of coe (the command
// line's bundle, bin/coe.js, templates/ and a package.json) in server/.
// It is built in a temporary folder, so the source tree stays clean and two
// runs at once do not meet. Nothing is downloaded: esbuild and @vscode/vsce
// are devDependencies.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleCli } from '../../../scripts/bundle.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(here, '../..');
const stage = mkdtempSync(path.join(tmpdir(), 'coe-vscode-'));
const server = path.join(stage, 'server');

function fail(message) {
  console.error(`package:vscode: ${message}`);
  rmSync(stage, { recursive: true, force: true });
  process.exit(1);
}

function outPath(args, manifest) {
  const name = `${manifest.name}-${manifest.version}.vsix`;
  const at = args.indexOf('--out');
  if (at === -1) return path.join(here, name);
  const given = args[at + 1];
  if (!given) fail('--out needs a file or a folder');
  const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), given);
  const isFolder = given.endsWith('/') || given.endsWith(path.sep) || statSync(target, { throwIfNoEntry: false })?.isDirectory();
  return isFolder ? path.join(target, name) : target;
}

// The server: the same bundle as `npm run build` writes to dist/bundle, built
// here from the sources (no source maps), so a stale or half-written dist/
// is never packed.
async function copyServer() {
  await bundleCli(path.join(server, 'dist', 'bundle'), { sourcemap: false, codeCache: false });
  mkdirSync(path.join(server, 'bin'), { recursive: true });
  for (const file of ['coe.js', 'load-cli.js', 'worker.js']) cpSync(path.join(root, 'bin', file), path.join(server, 'bin', file));
  cpSync(path.join(root, 'templates'), path.join(server, 'templates'), { recursive: true });
  // coe finds its templates from the package.json named coe above its code.
  const coe = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const manifest = { name: coe.name, version: coe.version, private: true, type: 'module', license: coe.license };
  writeFileSync(path.join(server, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function buildClient() {
  for (const file of ['package.json', 'README.md', 'LICENSE']) cpSync(path.join(here, file), path.join(stage, file));
  await build({
    absWorkingDir: here,
    entryPoints: ['src/extension.ts'],
    outfile: path.join(stage, 'dist', 'extension.js'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

function pack(out) {
  mkdirSync(path.dirname(out), { recursive: true });
  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], {
    cwd: stage,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) fail(`vsce package failed (exit code ${result.status ?? result.signal})`);
}

const manifest = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));
const out = outPath(process.argv.slice(2), manifest);
await copyServer();
await buildClient();
pack(out);
rmSync(stage, { recursive: true, force: true });
console.log(`Packaged ${out} (${Math.round(statSync(out).size / 1024)} KB)`);
