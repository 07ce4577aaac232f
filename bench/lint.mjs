// Benchmark: lint N copies of a realistic COE through the built CLI and print
// wall time, files per second and peak memory. Targets are set by a later
// issue; this records where we stand.  Usage: node bench/lint.mjs [N]
import { mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2] ?? 500);
const dir = mkdtempSync(path.join(tmpdir(), 'coe-bench-'));
const source = path.join(root, 'test/fixtures/base.md');
for (let i = 0; i < n; i++) copyFileSync(source, path.join(dir, `coe-${i}.md`));

const run = (args) => {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, path.join(root, 'bin/coe.js'), ...args], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rssKb = Number(r.stderr.trim().split('\n').at(-1));
  return { ms, rssMb: rssKb / 1024, code: r.status };
};

const one = run(['lint', '--format', 'json', '--now', '2025-10-01', path.join(dir, 'coe-0.md')]);
const all = run(['lint', '--format', 'json', '--now', '2025-10-01', dir]);
console.log(`one file: ${one.ms.toFixed(0)} ms, peak ${one.rssMb.toFixed(0)} MB`);
console.log(`${n} files: ${all.ms.toFixed(0)} ms (${((n * 1000) / all.ms).toFixed(0)} files/s), peak ${all.rssMb.toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
