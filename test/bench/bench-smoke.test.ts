// The speed benchmark (bench/speed.mjs) in its quick mode, with the BUILT CLI
// (build first): a handful of files, one run. It checks that every case is
// printed and that the JSON is whole; it asserts nothing about speed, which
// the benchmark itself measures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCoe } from '../helpers/lint.js';

const out = mkdtempSync(path.join(os.tmpdir(), 'coe-bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const benchFolders = () => new Set(readdirSync(os.tmpdir()).filter((n) => n.startsWith('coe-bench-speed-')));

function bench(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bench/speed.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...Object.fromEntries(
        Object.keys(process.env)
          .filter((k) => k.startsWith('BENCH_'))
          .map((k) => [k, '']),
      ),
      ...env,
    },
    timeout: 300_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Case {
  id: string;
  label: string;
  coe?: { median: number; runs: number[]; peakMiB: number | null; peakRssMiB?: number | null };
  other?: { median: number; runs: number[] };
  ratio?: number;
  target: { ratio?: number; peakMiB?: number };
  available?: boolean;
  pass: boolean | null;
}

describe('npm run bench -- --quick', () => {
  it('prints a line for every case and writes the results as JSON, then removes its files', { timeout: 300_000 }, () => {
    const before = benchFolders();
    const json = path.join(out, 'quick.json');
    const r = bench(['--quick', '--out', json]);
    expect(r.stderr).not.toMatch(/at .*\.m?js:\d+/); // no stack trace
    expect(r.code).toBe(0);

    const cacheFlag = /(^|\s)--cache[\s,]/m.test(runCoe(['lint', '--help']).stdout);
    const line = (label: string) => r.stdout.split('\n').find((l) => l.startsWith(`${label} `)) ?? '';
    for (const label of [
      '20 COEs vs markdownlint-cli2',
      '10 COEs vs markdownlint-cli2',
      'one COE vs markdownlint-cli2',
      'one COE vs node -e 0',
    ])
      expect(line(label)).toMatch(/ \d+(\.\d+)? m?s +\d+(\.\d+)? m?s +\d+\.\d\d× +≤ [\d.]+× +(pass|FAIL) +\d+ MiB$/);
    // The same case without NODE_EXTRA_CA_CERTS, for information, where the environment sets it.
    const extraCa = Boolean(process.env.NODE_EXTRA_CA_CERTS);
    expect(line('one COE vs node -e 0, no NODE_EXTRA_CA_CERTS')).toMatch(
      extraCa ? / \d+(\.\d+)? m?s +\d+(\.\d+)? m?s +\d+\.\d\d× +≤ 2\.5× +n\/a +\d+ MiB$/ : /^$/,
    );
    expect(line('peak memory (PSS), 20 COEs')).toMatch(/≤ 250 MiB +(pass|FAIL) +\d+ MiB \(RSS summed: \d+ MiB\)$/);
    expect(line('--cache 2nd run vs 1st, 20 COEs')).toMatch(cacheFlag ? /\d\.\d\d× +≤ 0\.1× +(pass|FAIL)/ : /not available yet .* n\/a/);

    const results = JSON.parse(readFileSync(json, 'utf8')) as { cases: Case[]; node: string; markdownlintCli2: string; markdown: string };
    expect(results.cases.map((c) => c.id)).toEqual([
      'folder-large',
      'folder-medium',
      'one-vs-markdownlint',
      'one-vs-node',
      ...(extraCa ? ['one-vs-node-no-extra-ca'] : []),
      'memory',
      'cache',
    ]);
    for (const c of results.cases.filter((c) => c.ratio !== undefined)) {
      expect(c.coe?.runs.length).toBeGreaterThanOrEqual(1);
      expect(c.coe?.median).toBeGreaterThan(0);
      expect(c.other?.median).toBeGreaterThan(0);
      expect(c.pass).toBe(c.id === 'one-vs-node-no-extra-ca' ? null : c.ratio! <= c.target.ratio!);
    }
    expect(results.cases.find((c) => c.id === 'cache')?.available ?? true).toBe(cacheFlag);
    // Memory is measured both ways; the proportional sum shares the node binary's pages, so it is the smaller.
    const memory = results.cases.find((c) => c.id === 'memory')!.coe!;
    expect(memory.peakMiB).toBeGreaterThan(20);
    expect(memory.peakMiB).toBeLessThan(memory.peakRssMiB!);
    expect(results.node).toBe(process.version);
    expect(results.markdownlintCli2).toMatch(/^\d+\.\d+\.\d+/);
    expect(results.markdown.split('\n')).toHaveLength(2 + results.cases.length);

    expect([...benchFolders()].filter((n) => !before.has(n))).toEqual([]);
  });

  it('refuses a bad option with one line and exit 2, and leaves no files', () => {
    const before = benchFolders();
    const r = bench(['--quick', '--runs', '0', '--out', path.join(out, 'bad.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('bench: --runs: a whole number ≥ 1, not "0"');
    expect(existsSync(path.join(out, 'bad.json'))).toBe(false);
    expect([...benchFolders()].filter((n) => !before.has(n))).toEqual([]);
  });
});

// A coe whose `lint --help` lists --cache and --cache-location: the built CLI
// behind it, the two flags recorded in a file and left out.
const STUB = `
import { appendFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
const args = process.argv.slice(2);
if (args.join(' ') === 'lint --help') {
  console.log('Options:\\n  --cache                  reuse results\\n  --cache-location <path>  where');
  process.exit(0);
}
const at = args.indexOf('--cache-location');
if (args.includes('--cache')) appendFileSync(process.env.STUB_LOG, JSON.stringify(args.slice(at, at + 2)) + '\\n');
const rest = args.filter((a, i) => a !== '--cache' && (at === -1 || (i !== at && i !== at + 1)));
process.exit(spawnSync(process.execPath, [process.env.STUB_COE, ...rest], { stdio: 'inherit' }).status);
`;

describe('npm run bench -- --quick --coe STUB', () => {
  it('times a second run of coe lint --cache against the first when coe has --cache, in a cache of its own', { timeout: 300_000 }, () => {
    const stub = path.join(out, 'stub-coe.mjs');
    const log = path.join(out, 'stub.log');
    writeFileSync(stub, STUB);
    const json = path.join(out, 'stub.json');
    const r = bench(['--quick', '--runs', '2', '--coe', stub, '--out', json], { STUB_LOG: log, STUB_COE: BIN });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').find((l) => l.startsWith('--cache 2nd run vs 1st, 20 COEs '))).toMatch(
      / \d+\.\d\d× +≤ 0\.1× +(pass|FAIL) /,
    );
    const cache = (JSON.parse(readFileSync(json, 'utf8')) as { cases: Case[] }).cases.find((c) => c.id === 'cache');
    expect(cache?.available).toBe(true);
    expect(cache?.coe?.runs).toHaveLength(2);
    expect(cache?.other?.runs).toHaveLength(2);
    // Two runs of a first and a second run, each given a cache location in the bench's temporary folder.
    const calls = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string[]);
    expect(calls).toHaveLength(4);
    for (const [flag, location] of calls) {
      expect(flag).toBe('--cache-location');
      expect(path.dirname(location!)).toMatch(/coe-bench-speed-/);
    }
  });
});
