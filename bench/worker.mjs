// One pool worker alone, forked as `coe lint` forks it (bin/worker.js, the
// built bundle's worker from its code cache, the default configuration, the environment without
// NODE_EXTRA_CA_CERTS), sent every COE of a folder in
// turn: its time a file and the time of each hundred files, with the V8
// flags given. Whole pool runs on a shared machine vary by more than most
// changes to a worker; a worker alone varies less, and its instruction count
// under cachegrind hardly at all on an idle machine (within 0.2% from run to
// run; 1 to 4% more with a test suite running beside it):
//   node bench/worker.mjs DIR [V8 FLAGS…]
//   valgrind --tool=cachegrind --cache-sim=no --trace-children=yes \
//     --cachegrind-out-file=/dev/null node bench/worker.mjs DIR [V8 FLAGS…]
// (the second "I refs" line is the worker's). With no flags it runs with the
// flags a pool's worker gets for that many files (src/engine/worker-start.ts).
import { fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [dir, ...given] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node bench/worker.mjs DIR [V8 FLAGS…]');
  process.exit(2);
}
const { DEFAULT_CONFIG } = await import(path.join(root, 'dist/config/config.js'));
const { workerEnv, workerFlags } = await import(path.join(root, 'dist/engine/worker-start.js'));
const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
const flags = given.length > 0 ? given : workerFlags(files.length);

const started = performance.now();
const worker = fork(path.join(root, 'bin/worker.js'), [], {
  execArgv: flags,
  env: workerEnv(process.env),
  serialization: 'advanced',
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
worker.send({ job: 'lint', config: DEFAULT_CONFIG, settings: { now: new Date().toISOString().slice(0, 10), internalTerms: [] } });

let next = 0;
let done = 0;
let ready = 0;
let hundred = 0;
const hundreds = [];
const sendNext = () => {
  if (next >= files.length) return;
  const file = files[next];
  worker.send({ index: next++, file, path: path.join(dir, file) });
};
worker.on('message', (message) => {
  if (message === 'ready') {
    ready = hundred = performance.now();
    // Two in its queue, as the pool keeps them.
    sendNext();
    sendNext();
    return;
  }
  if (++done % 100 === 0) {
    hundreds.push(Math.round(performance.now() - hundred));
    hundred = performance.now();
  }
  if (done < files.length) return sendNext();
  const perFile = (performance.now() - ready) / files.length;
  console.log(
    `ready in ${Math.round(ready - started)} ms; ${perFile.toFixed(2)} ms a file; each 100 files (ms): ${hundreds.join(' ')}  [${flags.join(' ')}]`,
  );
  worker.disconnect();
});
