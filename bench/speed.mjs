#!/usr/bin/env node
// The speed benchmark of issue 12: `coe lint` side by side with
// markdownlint-cli2 (each with its defaults, outputs discarded) on generated
// COEs, alternating runs, medians. Cases and targets:
//   10,000 COEs  coe lint DIR vs markdownlint-cli2 "DIR/*.md"       ≤ 0.30×
//    1,000 COEs  the same                                            ≤ 0.30×
//   one COE      vs markdownlint-cli2 on the file ≤ 0.5×, vs `node -e 0` ≤ 2.5×
//   peak memory of coe lint at 10,000 COEs, worker processes included  ≤ 250 MiB
//                (PSS summed: what the run takes from the machine; the RSS sum,
//                which counts the node binary once per process, is shown too)
//   coe lint --cache, second run with nothing changed, vs the first  ≤ 0.1×
// When the environment sets NODE_EXTRA_CA_CERTS (every Node process then
// parses those certificates as it starts), the one COE is also timed against
// `node -e 0` without it, for information.
// Prints a table and writes the results as JSON (bench/results/latest.json).
//
//   npm run bench [-- OPTIONS]         (builds first)
//   node bench/speed.mjs [OPTIONS]     (after npm run build)
//
// Options (or environment variables):
//   --runs N      runs of each tool in each folder case (BENCH_RUNS, default 3)
//   --one-runs N  runs of each command in the one-COE case (BENCH_ONE_RUNS, default 10)
//   --large N     files in the large folder (BENCH_LARGE, default 10000)
//   --medium N    files in the medium folder (BENCH_MEDIUM, default 1000)
//   --seed N      the generator's seed (default 1)
//   --out PATH    where to write the JSON (BENCH_OUT, default bench/results/latest.json)
//   --coe PATH    the coe entry point to time (BENCH_COE, default bin/coe.js):
//                 another build, to compare two versions
//   --quick       a smoke run: 20 and 10 files, one run of each
//                 (its JSON goes to bench/results/quick.json unless --out)
// A folder holds N files of which 5% are Markdown that is not a COE
// (bench/generate.mjs). coe lints with `--now 2026-12-01`, the generator's
// date, so that its findings do not change from day to day.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generate, NOW } from './generate.mjs';
import { treePeak } from './tree-rss.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TIME = '/usr/bin/time';
// The temporary folder, removed on every way out.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'coe-bench-speed-'));
process.on('SIGINT', () => exit(130));
const MARKDOWNLINT = markdownlint();
const options = parseOptions(process.argv.slice(2));

async function main() {
  if (options.coe === path.join(ROOT, 'bin/coe.js') && !existsSync(path.join(ROOT, 'dist')))
    fail('dist/ is missing: run `npm run build` first (or `npm run bench`)');
  // Both tools find their configuration from the working directory up: pin their defaults there.
  writeFileSync(path.join(tmp, '.coerc.json'), '{}\n');
  writeFileSync(path.join(tmp, '.markdownlint-cli2.jsonc'), '{}\n');
  const started = new Date();
  const load = os.loadavg();
  const COE = options.coe;
  const help = run(process.execPath, [COE, 'lint', '--help'], { capture: true }).stdout;
  const cache = { flag: /(^|\s)--cache[\s,]/m.test(help), location: /(^|\s)--cache-location[\s,]/m.test(help) };

  const folders = {};
  for (const [id, n] of [
    ['large', options.large],
    ['medium', options.medium],
  ]) {
    generate(path.join(tmp, id), n, options.seed);
    folders[id] = { files: n, bytes: size(path.join(tmp, id)) };
  }
  const one = path.join(tmp, 'one');
  mkdirSync(one);
  copyFileSync(path.join(tmp, 'medium', medianCoe(path.join(tmp, 'medium'))), path.join(one, 'coe.md'));
  folders.one = { files: 1, bytes: size(one) };

  const coeLint = (...args) => ({ command: process.execPath, args: [COE, 'lint', '--now', NOW, ...args], ok: [0, 1] });
  const mdl = (glob) => ({ command: process.execPath, args: [MARKDOWNLINT.bin, glob], ok: [0, 1] });
  const cases = [];

  for (const id of ['large', 'medium']) {
    const n = folders[id].files;
    log(`${count(n)} files: coe lint vs markdownlint-cli2, ${options.runs} run(s) each…`);
    const [c, m] = alternate(options.runs, [coeLint(id), mdl(`${id}/*.md`)]);
    cases.push(
      compare(`folder-${id}`, `${count(n)} COEs vs markdownlint-cli2`, c, m, 0.3, `coe lint ${id}`, `markdownlint-cli2 "${id}/*.md"`),
    );
    if (id === 'large') folders.large.coePeakMiB = c.peakMiB;
  }

  log(`one COE: coe lint vs markdownlint-cli2 vs node -e 0, ${options.oneRuns} run(s) each…`);
  const node = { command: process.execPath, args: ['-e', '0'], ok: [0] };
  const [c1, m1, n1] = alternate(options.oneRuns, [coeLint('one/coe.md'), mdl('one/coe.md'), node], { warmUp: true });
  cases.push(
    compare('one-vs-markdownlint', 'one COE vs markdownlint-cli2', c1, m1, 0.5, 'coe lint one/coe.md', 'markdownlint-cli2 one/coe.md'),
  );
  cases.push(compare('one-vs-node', 'one COE vs node -e 0', c1, n1, 2.5, 'coe lint one/coe.md', 'node -e 0'));
  // NODE_EXTRA_CA_CERTS makes every Node process read and parse those
  // certificates as it starts (about 50 ms on a shared 2-core machine with
  // the system's bundle), most of what `node -e 0` then does: the same case
  // without it, for information.
  if (process.env.NODE_EXTRA_CA_CERTS) {
    log(`one COE: coe lint vs node -e 0 without NODE_EXTRA_CA_CERTS, ${options.oneRuns} run(s) each…`);
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: undefined };
    const [c2, n2] = alternate(
      options.oneRuns,
      [
        { ...coeLint('one/coe.md'), env },
        { ...node, env },
      ],
      { warmUp: true },
    );
    const plain = compare(
      'one-vs-node-no-extra-ca',
      'one COE vs node -e 0, no NODE_EXTRA_CA_CERTS',
      c2,
      n2,
      2.5,
      'coe lint one/coe.md',
      'node -e 0',
    );
    cases.push({ ...plain, pass: null, note: 'for information: the environment sets NODE_EXTRA_CA_CERTS' });
  }

  // coe lints in worker processes: its memory is that of all of them together.
  log(`peak memory of coe lint on ${count(options.large)} files, its worker processes included…`);
  const tree = await treePeak(process.execPath, coeLint('large').args, { cwd: tmp });
  const linux = process.platform === 'linux';
  const treeMiB = linux ? round1(tree.peakPssKiB / 1024) : null;
  cases.push({
    id: 'memory',
    label: `peak memory (PSS), ${count(options.large)} COEs`,
    coe: { ...cases[0].coe, peakMiB: treeMiB, peakRssMiB: linux ? round1(tree.peakKiB / 1024) : null },
    target: { peakMiB: 250 },
    pass: treeMiB === null ? null : treeMiB <= 250,
  });

  const label = `--cache 2nd run vs 1st, ${count(options.large)} COEs`;
  if (!cache.flag) cases.push({ id: 'cache', label, available: false, target: { ratio: 0.1 }, pass: null });
  else {
    log(`${count(options.large)} files: coe lint --cache, first and second run, ${options.runs} time(s)…`);
    const location = path.join(tmp, 'cache');
    const args = ['--cache', ...(cache.location ? ['--cache-location', location] : []), 'large'];
    const first = [];
    const second = [];
    for (let i = 0; i < options.runs; i++) {
      rmSync(location, { recursive: true, force: true });
      rmSync(path.join(tmp, 'node_modules'), { recursive: true, force: true });
      first.push(measure(coeLint(...args)));
      second.push(measure(coeLint(...args)));
    }
    const cmd = `coe lint ${args.join(' ').replace(location, 'CACHE')}`;
    cases.push({
      ...compare('cache', label, summary(second), summary(first), 0.1, `${cmd} (second run)`, `${cmd} (first run)`),
      available: true,
    });
  }

  const results = {
    date: started.toISOString(),
    seconds: Math.round((Date.now() - started.getTime()) / 1000),
    machine: machine(),
    loadAverage: { before: load.map(round2), after: os.loadavg().map(round2) },
    node: process.version,
    coe: { bin: COE, version: run(process.execPath, [COE, '--version'], { capture: true }).stdout.trim(), commit: commit() },
    markdownlintCli2: MARKDOWNLINT.version,
    options,
    folders,
    cases,
  };
  results.markdown = markdownTable(results.cases);
  console.log(`\n${describe(results)}\n`);
  console.log(textTable(results.cases));
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nresults: ${path.relative(process.cwd(), options.out) || options.out}`);
}

/** Runs the commands in turn, `runs` times, the order turned round every other time; each one's summary. */
function alternate(runs, commands, { warmUp = false } = {}) {
  if (warmUp) for (const command of commands) measure(command);
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    const order = commands.map((_, k) => k);
    if (i % 2 === 1) order.reverse();
    for (const k of order) times[k].push(measure(commands[k]));
  }
  return times.map(summary);
}

/** One run: wall time, peak resident memory (from /usr/bin/time), output discarded. */
function measure({ command, args, ok, env }) {
  const memory = path.join(tmp, 'memory.txt');
  const timed = existsSync(TIME);
  const [file, argv] = timed ? [TIME, ['-o', memory, '-f', '%M', command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const r = spawnSync(file, argv, { cwd: tmp, stdio: 'ignore', env: withoutUnset(env ?? process.env) });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) throw r.error;
  if (!ok.includes(r.status)) {
    const again = run(command, args, { capture: true });
    fail(`${[command, ...args].join(' ')} exited ${r.status ?? r.signal}:\n${again.stderr.slice(-2000)}`);
  }
  // time writes "Command exited with non-zero status 1" before the figure when the command exits 1.
  const kib = timed ? Number(readFileSync(memory, 'utf8').trim().split('\n').at(-1)) : NaN;
  return { seconds, peakMiB: Number.isFinite(kib) ? kib / 1024 : null };
}

// spawnSync would pass a variable set to undefined as the string "undefined".
function withoutUnset(env) {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}

function summary(runs) {
  const peaks = runs.map((r) => r.peakMiB).filter((m) => m !== null);
  return {
    median: median(runs.map((r) => r.seconds)),
    runs: runs.map((r) => round3(r.seconds)),
    peakMiB: peaks.length > 0 ? round1(Math.max(...peaks)) : null,
  };
}

function compare(id, label, coe, other, target, coeCommand, otherCommand) {
  const ratio = coe.median / other.median;
  log(`  ${coeCommand}: ${duration(coe.median)}; ${otherCommand}: ${duration(other.median)}; ratio ${ratio.toFixed(2)}`);
  return {
    id,
    label,
    coe: { command: coeCommand, ...coe, median: round3(coe.median) },
    other: { command: otherCommand, ...other, median: round3(other.median) },
    ratio: round3(ratio),
    target: { ratio: target },
    pass: ratio <= target,
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const HEADER = ['case', 'coe', 'other', 'ratio', 'target', 'result', 'coe peak memory (main process)'];

function cells(c) {
  const result = c.pass === null ? 'n/a' : c.pass ? 'pass' : 'FAIL';
  const peak = c.coe?.peakMiB === null || c.coe?.peakMiB === undefined ? '—' : `${Math.round(c.coe.peakMiB)} MiB`;
  if (c.id === 'memory') {
    const rss = c.coe.peakRssMiB === null ? '' : ` (RSS summed: ${Math.round(c.coe.peakRssMiB)} MiB)`;
    return [c.label, '—', '—', '—', `≤ ${c.target.peakMiB} MiB`, result, `${peak}${rss}`];
  }
  if (c.available === false) return [c.label, 'not available yet', '—', '—', `≤ ${c.target.ratio}×`, result, '—'];
  return [c.label, duration(c.coe.median), duration(c.other.median), `${c.ratio.toFixed(2)}×`, `≤ ${c.target.ratio}×`, result, peak];
}

function textTable(cases) {
  const rows = [HEADER, ...cases.map(cells)];
  const widths = HEADER.map((_, k) => Math.max(...rows.map((row) => row[k].length)));
  const line = (row) => row.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function markdownTable(cases) {
  const row = (cellsOf) => `| ${cellsOf.join(' | ')} |`;
  return [row(HEADER), row(HEADER.map(() => '---')), ...cases.map((c) => row(cells(c)))].join('\n');
}

function describe(r) {
  const folder = (f) => `${count(f.files)} files, ${(f.bytes / 1e6).toFixed(1)} MB`;
  return [
    `machine: ${r.machine.cpu}, ${r.machine.cpus} cores, ${r.machine.memoryGiB} GiB; node ${r.node}; coe ${r.coe.version} (${r.coe.commit}); markdownlint-cli2 ${r.markdownlintCli2}`,
    `folders: large ${folder(r.folders.large)}; medium ${folder(r.folders.medium)} (5% not COEs); one COE of ${r.folders.one.bytes} bytes`,
    `medians of ${r.options.runs} alternating run(s) (one COE: ${r.options.oneRuns}); load average before ${r.loadAverage.before.join(' ')}, after ${r.loadAverage.after.join(' ')}; ${r.seconds} s`,
  ].join('\n');
}

function parseOptions(args) {
  const quick = args.includes('--quick');
  const value = (name, env, fallback) => {
    const at = args.indexOf(name);
    const given = at === -1 ? process.env[env] : args[at + 1];
    if (given === undefined || given === '') return fallback;
    const n = Number(given);
    if (!Number.isInteger(n) || n < 1) fail(`${name}: a whole number ≥ 1, not "${given}"`);
    return n;
  };
  const known = ['--quick', '--runs', '--one-runs', '--large', '--medium', '--seed', '--out', '--coe'];
  for (const [k, arg] of args.entries())
    if (arg.startsWith('-') && !known.includes(arg) && !known.slice(1).includes(args[k - 1])) fail(`unknown option ${arg}`);
  const pathOf = (name, env) => {
    const given = args.includes(name) ? args[args.indexOf(name) + 1] : process.env[env] || undefined;
    if (args.includes(name) && !given) fail(`${name}: a path`);
    return given === undefined ? undefined : path.resolve(given);
  };
  const out = pathOf('--out', 'BENCH_OUT');
  const coe = pathOf('--coe', 'BENCH_COE') ?? path.join(ROOT, 'bin/coe.js');
  if (!existsSync(coe)) fail(`${coe}: no such file`);
  return {
    quick,
    runs: value('--runs', 'BENCH_RUNS', quick ? 1 : 3),
    oneRuns: value('--one-runs', 'BENCH_ONE_RUNS', quick ? 1 : 10),
    large: value('--large', 'BENCH_LARGE', quick ? 20 : 10_000),
    medium: value('--medium', 'BENCH_MEDIUM', quick ? 10 : 1_000),
    seed: value('--seed', 'BENCH_SEED', 1),
    out: out ?? path.join(ROOT, 'bench/results', quick ? 'quick.json' : 'latest.json'),
    coe,
  };
}

/** markdownlint-cli2's entry point and version, from its package. */
function markdownlint() {
  const dir = path.join(ROOT, 'node_modules/markdownlint-cli2');
  const pkgFile = path.join(dir, 'package.json');
  if (!existsSync(pkgFile)) fail('markdownlint-cli2 is not installed: run `npm install`');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['markdownlint-cli2'];
  const core = path.join(ROOT, 'node_modules/markdownlint/package.json');
  const coreVersion = existsSync(core) ? ` (markdownlint ${JSON.parse(readFileSync(core, 'utf8')).version})` : '';
  return { bin: path.join(dir, bin), version: `${pkg.version}${coreVersion}` };
}

function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1].trim();
  } catch {
    // not Linux: os.cpus() will do
  }
  return {
    cpu,
    cpus: os.cpus().length,
    availableParallelism: os.availableParallelism(),
    memoryGiB: round1(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
  };
}

function commit() {
  const r = spawnSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

function run(command, args, { capture }) {
  const r = spawnSync(command, args, { cwd: tmp, encoding: 'utf8', stdio: capture ? 'pipe' : 'ignore', maxBuffer: 1 << 26 });
  if (r.error) throw r.error;
  return r;
}

/** The COE of median size among the files of `dir`. */
function medianCoe(dir) {
  const coes = readdirSync(dir)
    .filter((n) => readFileSync(path.join(dir, n), 'utf8').startsWith('---\ncoe:'))
    .map((n) => ({ n, size: statSync(path.join(dir, n)).size }))
    .sort((a, b) => a.size - b.size || a.n.localeCompare(b.n));
  if (coes.length === 0) fail(`no COE among the files of ${dir}`);
  return coes[Math.floor(coes.length / 2)].n;
}

function size(dir) {
  return readdirSync(dir).reduce((sum, n) => sum + statSync(path.join(dir, n)).size, 0);
}

function fail(message) {
  console.error(`bench: ${message}`);
  exit(2);
}

function exit(code) {
  clean();
  process.exit(code);
}

function clean() {
  rmSync(tmp, { recursive: true, force: true });
}

function log(message) {
  console.error(message);
}

const round1 = (x) => Math.round(x * 10) / 10;
const round2 = (x) => Math.round(x * 100) / 100;
const round3 = (x) => Math.round(x * 1000) / 1000;
const count = (n) => n.toLocaleString('en-US');
const duration = (s) => (s < 1 ? `${Math.round(s * 1000)} ms` : `${s.toFixed(2)} s`);

try {
  await main();
} finally {
  clean();
}
