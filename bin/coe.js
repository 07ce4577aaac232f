#!/usr/bin/env node
import { main } from '../dist/bundle/cli.js';

// A reader that stops early (`coe lint | head`) closes the pipe. Stop writing
// to it, quietly: the exit code is still the run's.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    process.exitCode = 2;
  });
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
