// The ready-made integrations at the root of the repository: the GitHub
// Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml). Each
// file is parsed, and its commands run the way GitHub and pre-commit run
// them, with the BUILT coe on PATH, in a temporary repository.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseDocument, BIN, edit, ROOT } from '../helpers/lint.js';

interface ActionStep {
  name?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}
interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  types?: string[];
  files?: string;
  pass_filenames?: boolean;
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

// A COE with one error (a lesson that no action item names), and one with only a warning.
const BROKEN = edit(
  baseDocument(),
  '- **L2:** Capacity must be adjustable without a deployment.\n',
  '- **L2:** Capacity must be adjustable without a deployment.\n- **L9:** Orphan.\n',
);
const WARNS = edit(baseDocument(), '- 14:30 — Status page notice posted.\n', '');

let repo: string;
let bin: string;
beforeEach(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'coe-integrations-'));
  // `coe` on PATH is the built bin of this checkout, as a global install would put it.
  bin = path.join(repo, '.bin');
  mkdirSync(bin);
  symlinkSync(BIN, path.join(bin, 'coe'));
  put('README.md', '# Our docs\n');
  put('docs/coe/README.md', '# COEs\n\nOne file per COE.\n');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

function put(rel: string, content: string): void {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), content);
}

const env = (extra: Record<string, string> = {}) => ({
  ...process.env,
  NO_COLOR: '1',
  PATH: `${bin}${path.delimiter}${process.env.PATH}`,
  ...extra,
});

describe('the GitHub Action (action.yml)', { timeout: 60_000 }, () => {
  /** `${{ inputs.x }}` and `${{ github.action_path }}` as the runner fills them in. */
  function expand(text: string, inputs: Record<string, string>): string {
    return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
      if (name === 'github.action_path') return ROOT;
      const input = name.startsWith('inputs.') ? name.slice('inputs.'.length) : undefined;
      if (input === undefined || !(input in action.inputs)) throw new Error(`action.yml uses an unknown expression: ${name}`);
      return inputs[input] ?? action.inputs[input]!.default ?? '';
    });
  }

  /** Runs one `run:` step as a composite action does: its shell, its env and working directory. */
  function runStep(step: ActionStep, inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
    expect(step.shell).toBe('bash');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs)]));
    const cwd = step['working-directory'] ? expand(step['working-directory'], inputs) : repo;
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run!, inputs)], {
      cwd,
      env: env({ ...stepEnv, ...extraEnv }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  const steps = action.runs.steps;
  const lintStep = steps.find((s) => s.run?.includes('coe "${args[@]}"'))!;
  const installStep = steps.find((s) => s.name === 'Install coe')!;
  const lint = (inputs: Record<string, string> = {}) => runStep(lintStep, inputs);

  it('is a composite action: Node set up, coe installed, then coe lint', () => {
    expect(action.runs.using).toBe('composite');
    expect(steps.map((s) => s.uses ?? s.name)).toEqual(['actions/setup-node@v4', 'Install coe', 'coe lint']);
    expect(steps[0]!.with).toEqual({ 'node-version': '${{ inputs.node-version }}' });
    expect(Object.keys(action.inputs)).toEqual(['paths', 'config', 'max-warnings', 'node-version']);
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10);
  });

  it("installs coe from the action's own checkout, built, onto PATH", () => {
    // A stand-in npm records what the step asks of it, where.
    const log = path.join(repo, 'npm.log');
    writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\necho "$PWD $*" >> "${log}"\n`);
    chmodSync(path.join(bin, 'npm'), 0o755);
    expect(runStep(installStep, {}).code).toBe(0);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      `${ROOT} ci --no-audit --no-fund`,
      `${ROOT} install --global --no-audit --no-fund .`,
    ]);
  });

  it('with the default inputs, lints the docs folder: no COE yet is a pass with a note', () => {
    const run = lint();
    expect([run.code, run.stdout]).toEqual([0, '']);
    expect(run.stderr).toContain('no COE documents (Markdown with a "coe" frontmatter key) in docs/coe yet');
  });

  it('reports each finding as a workflow command and fails on an error', () => {
    put('docs/coe/2025-10-20-orders.md', BROKEN);
    const run = lint();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=docs\/coe\/2025-10-20-orders\.md,line=\d+,col=\d+,.*title=lessons-have-actions::/m);
    expect(run.stdout).not.toContain('README');
  });

  it('paths: files, folders and globs one a line, spaces and all; Markdown that is not a COE is passed over', () => {
    put('post mortems/2025-10-20-orders.md', BROKEN);
    put('notes/2025-11-01-search.md', WARNS);
    const run = lint({ paths: '  post mortems/2025-10-20-orders.md\n\nREADME.md\nnotes/*.md\n' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=post mortems\/2025-10-20-orders\.md,.*title=lessons-have-actions::/m);
    expect(run.stdout).toMatch(/^::warning file=notes\/2025-11-01-search\.md,.*title=timeline-milestones::/m);
    expect(run.stdout).not.toContain('README');
  });

  it('max-warnings: more warnings than that fail', () => {
    put('docs/coe/2025-11-01-search.md', WARNS);
    expect(lint().code).toBe(0);
    expect(lint({ 'max-warnings': '0' }).code).toBe(1);
    expect(lint({ 'max-warnings': '5' }).code).toBe(0);
  });

  it('config: the configuration file to use', () => {
    put('docs/coe/2025-10-20-orders.md', BROKEN);
    put('ci/coe.json', '{ "docs": "../docs/coe", "rules": { "lessons-have-actions": "off" } }\n');
    const run = lint({ config: 'ci/coe.json' });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).not.toContain('lessons-have-actions');
    const typo = lint({ config: 'ci/nope.json' });
    expect(typo.code).toBe(2);
  });

  it('an input is never run as shell text', () => {
    const run = lint({ paths: '$(touch pwned)', config: '`touch pwned`' });
    expect(run.code).toBe(2);
    expect(() => readFileSync(path.join(repo, 'pwned'))).toThrow();
  });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml)', { timeout: 60_000 }, () => {
  const hook = hooks.find((h) => h.id === 'coe-lint')!;

  /** As pre-commit runs a hook: the entry split like a shell word list, its args, then the matching staged files. */
  function runHook(staged: string[]) {
    const files = staged.filter((f) => /\.(md|markdown)$/.test(f)); // types: [markdown]
    const [command, ...args] = hook.entry.split(/\s+/);
    const result = spawnSync(command!, [...args, ...files], { cwd: repo, env: env(), encoding: 'utf8', timeout: 30_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('is one node hook, coe-lint, on Markdown files, which it is given by name', () => {
    expect(hooks.map((h) => h.id)).toEqual(['coe-lint']);
    expect(hook).toMatchObject({ name: 'coe lint', language: 'node', types: ['markdown'] });
    expect(hook.pass_filenames).toBeUndefined(); // pre-commit's default: true
    // pre-commit installs this package with npm: the entry is its bin.
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toContain(hook.entry.split(' ')[0]);
  });

  it('installs: npm pack prints only the tarball name, which pre-commit reads, though prepare runs the build', () => {
    // A package with a prepare script and this repository's .npmrc, packed as pre-commit packs coe.
    const pkg = path.join(repo, 'pkg');
    mkdirSync(pkg);
    writeFileSync(
      path.join(pkg, 'package.json'),
      JSON.stringify({ name: 'x', version: '1.0.0', scripts: { prepare: 'echo built > built.txt' } }),
    );
    const pack = () =>
      spawnSync('npm', ['pack'], { cwd: pkg, env: env({ npm_config_update_notifier: 'false' }), encoding: 'utf8', timeout: 60_000 });
    expect(pack().stdout).toContain('> x@1.0.0 prepare'); // without it, the banner of prepare
    copyFileSync(path.join(ROOT, '.npmrc'), path.join(pkg, '.npmrc'));
    const run = pack();
    expect([run.status, run.stdout]).toEqual([0, 'x-1.0.0.tgz\n']);
    expect(readFileSync(path.join(pkg, 'built.txt'), 'utf8')).toBe('built\n');
  });

  it('passes a commit of Markdown that holds no COE', () => {
    put('CHANGELOG.md', '## 1.0\n\n- First.\n');
    const run = runHook(['README.md', 'CHANGELOG.md', 'docs/coe/README.md', 'src/app.js']);
    expect([run.code, run.stdout]).toEqual([0, '']);
  });

  it('fails a commit with a broken COE, and reports only the COEs', () => {
    put('docs/coe/2025-10-20-orders.md', BROKEN);
    put('docs/coe/2025-11-01-search.md', WARNS);
    const run = runHook(['README.md', 'docs/coe/2025-10-20-orders.md', 'docs/coe/2025-11-01-search.md']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('docs/coe/2025-10-20-orders.md');
    expect(run.stdout).toContain('lessons-have-actions');
    expect(run.stdout).toContain('docs/coe/2025-11-01-search.md');
    expect(run.stdout).not.toContain('README');
  });
});
