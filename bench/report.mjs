#!/usr/bin/env node
// Scale of `coe report` (issue 11): on N generated COEs (default 10,000),
// the wall time of `coe report` against `coe lint` on the same folder, and
// the peak memory of each. Targets: report ≤ 1.2× lint, report under 300 MiB.
// Runs alternate, and the medians are compared.
//   npm run build && node bench/report.mjs [N] [RUNS]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(path.join(tmpdir(), 'coe-bench-report-'));
generate(dir, n, 1);

function run(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, path.join(root, 'bin/coe.js'), ...args, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const mib = Number(r.stderr.trim().split('\n').at(-1)) / 1024;
  return { seconds, mib };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length / 2) - 1];
const lint = [];
const report = [];
for (let i = 0; i < runs; i++) {
  lint.push(run(['lint', '--format', 'json', '--now', '2026-12-01']));
  report.push(run(['report', '--format', 'json', '--now', '2026-12-01']));
}
const [l, r] = [lint, report].map((list) => ({ seconds: median(list.map((x) => x.seconds)), mib: Math.max(...list.map((x) => x.mib)) }));
console.log(`${n} COEs, median of ${runs} alternating runs`);
console.log(`coe lint    ${l.seconds.toFixed(2)} s  peak ${l.mib.toFixed(0)} MiB`);
console.log(`coe report  ${r.seconds.toFixed(2)} s  peak ${r.mib.toFixed(0)} MiB`);
console.log(`ratio report/lint ${(r.seconds / l.seconds).toFixed(2)} (target ≤ 1.20); report peak ${r.mib.toFixed(0)} MiB (target < 300)`);
rmSync(dir, { recursive: true, force: true });
