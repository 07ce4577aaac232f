#!/usr/bin/env node
// Scale of `coe report` (issue 11): on N generated COEs (default 10,000),
// the wall time of `coe report` against `coe lint` on the same folder, and
// the peak memory of each with its worker processes, summed as PSS (what the
// run takes from the machine) and as RSS (bench/tree-rss.mjs). Targets:
// report ≤ 1.2× lint, report under 300 MiB. Runs alternate, and the medians
// are compared.
//   npm run build && node bench/report.mjs [N] [RUNS]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { treePeak } from './tree-rss.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(path.join(tmpdir(), 'coe-bench-report-'));
generate(dir, n, 1);

async function run(args) {
  const started = process.hrtime.bigint();
  const r = await treePeak(process.execPath, [path.join(root, 'bin/coe.js'), ...args, dir]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.code !== 0 && r.code !== 1) throw new Error(`coe ${args[0]} ended with ${r.code ?? r.signal}`);
  return { seconds, mib: r.peakPssKiB / 1024, rssMib: r.peakKiB / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length / 2) - 1];
const lint = [];
const report = [];
for (let i = 0; i < runs; i++) {
  lint.push(await run(['lint', '--format', 'json', '--now', '2026-12-01']));
  report.push(await run(['report', '--format', 'json', '--now', '2026-12-01']));
}
const peak = (list, key) => Math.max(...list.map((x) => x[key]));
const [l, r] = [lint, report].map((list) => ({
  seconds: median(list.map((x) => x.seconds)),
  mib: peak(list, 'mib'),
  rssMib: peak(list, 'rssMib'),
}));
console.log(`${n} COEs, median of ${runs} alternating runs; peak memory of the process tree, PSS summed (RSS summed)`);
console.log(`coe lint    ${l.seconds.toFixed(2)} s  peak ${l.mib.toFixed(0)} MiB (${l.rssMib.toFixed(0)} MiB)`);
console.log(`coe report  ${r.seconds.toFixed(2)} s  peak ${r.mib.toFixed(0)} MiB (${r.rssMib.toFixed(0)} MiB)`);
console.log(
  `ratio report/lint ${(r.seconds / l.seconds).toFixed(2)} (target ≤ 1.20); report peak ${r.mib.toFixed(0)} MiB PSS (target < 300)`,
);
rmSync(dir, { recursive: true, force: true });
