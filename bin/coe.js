#!/usr/bin/env node
import { BUNDLE, tuneV8, loadCli, writeCodeCache } from './load-cli.js';

// A reader that stops early (`coe lint | head`) closes the pipe. Stop writing
// to it, quietly: the exit code is still the run's. Any other failure to write
// (a full disk, /dev/full) is exit 2, with one line on stderr when the output
// was standard output.
let writeFailed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    process.exitCode = 2;
    if (writeFailed) return;
    writeFailed = true;
    if (stream === process.stdout) process.stderr.write(`coe: cannot write the output: ${reason(error)}\n`);
  });
}

/** "no space left on device (ENOSPC)", from Node's "ENOSPC: no space left on device, write". */
function reason(error) {
  const text = String(error.message ?? error)
    .replace(/^[A-Z0-9_]+: /, '')
    .replace(/, \w+$/, '');
  return error.code && !text.includes(error.code) ? `${text} (${error.code})` : text;
}

// `coe lint` starts from the CommonJS bundle and its code cache (a start is
// most of linting one file); the other commands from ES module chunks, which
// hold only what the command needs (scripts/bundle.mjs).
// COE_WRITE_CODE_CACHE is set by the build to the bundle whose code cache it
// wants written after this run.
const writeCache = process.env.COE_WRITE_CODE_CACHE === BUNDLE;
const { cli, script } = process.argv[2] === 'lint' ? loadCli({ compile: writeCache }) : { cli: await import('../dist/bundle/esm/cli.js') };
if (!writeCache) tuneV8(process.argv);
cli.main(process.argv).then((code) => {
  process.exitCode = writeFailed ? 2 : code;
  if (writeCache && script) writeCodeCache(script);
});
