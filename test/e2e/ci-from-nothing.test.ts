// A new docs repository, from nothing to CI, as a team would do it: `git init`,
// `coe init --yes`, a commit, a fresh clone, then the `run:` steps of the
// workflow that init wrote, read from its YAML. coe comes from this checkout,
// packed once into a tarball that package.json names (--coe-spec), since
// nothing but the npm registry can be reached here. Needs a build first.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDocument, edit, ROOT, runCoe } from '../helpers/lint.js';

let work: string;
let tarball: string;

// git and npm without the user's settings: no global git config, no audit,
// no update notice; packages from npm's cache where it has them.
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Robin Tester',
  GIT_AUTHOR_EMAIL: 'robin@example.com',
  GIT_COMMITTER_NAME: 'Robin Tester',
  GIT_COMMITTER_EMAIL: 'robin@example.com',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_prefer_offline: 'true',
  NO_COLOR: '1',
};

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: ENV, encoding: 'utf8', timeout: 240_000 });
  if (result.error) throw result.error;
  return result;
}

function git(cwd: string, ...args: string[]): void {
  const result = run('git', args, cwd);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

interface Step {
  uses?: string;
  run?: string;
}

/** The `run:` steps of the workflow, as the runner runs them: bash -e, in the checkout. */
function workflowSteps(repo: string): string[] {
  const workflow = parse(readFileSync(path.join(repo, '.github/workflows/coe.yml'), 'utf8')) as { jobs: { lint: { steps: Step[] } } };
  return workflow.jobs.lint.steps.flatMap((s) => (s.run ? [s.run] : []));
}

function runSteps(repo: string): SpawnSyncReturns<string>[] {
  const results: SpawnSyncReturns<string>[] = [];
  for (const step of workflowSteps(repo)) {
    const result = run('bash', ['--noprofile', '--norc', '-e', '-c', step], repo);
    results.push(result);
    if (result.status !== 0) break; // a failed step ends the job
  }
  return results;
}

const BROKEN_COE = edit(
  baseDocument(),
  '- **L2:** Capacity must be adjustable without a deployment.\n',
  '- **L2:** Capacity must be adjustable without a deployment.\n- **L9:** A lesson that no action item names.\n',
);

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'coe-ci-'));
  // The built dist of this checkout, as npm would publish it; the build ran before the tests.
  expect(existsSync(path.join(ROOT, 'dist/cli.js'))).toBe(true);
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  expect(pack.status).toBe(0);
  tarball = path.join(work, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('CI from nothing', { timeout: 600_000 }, () => {
  it('git init, coe init --yes, commit, clone: the workflow passes with no COE, and fails with ::error lines on a broken one', () => {
    const origin = path.join(work, 'origin');
    git(work, 'init', '-q', '-b', 'main', origin);
    const init = runCoe(['init', '--yes', '--coe-spec', `file:${tarball}`], { cwd: origin });
    expect([init.code, init.stderr]).toEqual([0, '']);
    expect(init.stdout).toContain('Next: run `npm install`');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'Set up coe');

    // A fresh clone, as CI checks it out: the docs folder is there, and no lock file yet.
    const first = path.join(work, 'first');
    git(work, 'clone', '-q', origin, first);
    expect(existsSync(path.join(first, 'docs/coe/README.md'))).toBe(true);
    expect(existsSync(path.join(first, 'package-lock.json'))).toBe(false);
    const steps = workflowSteps(first);
    expect(steps.some((s) => s.includes('npm ci'))).toBe(true);

    const clean = runSteps(first);
    expect(clean.map((r) => r.status)).toEqual(steps.map(() => 0));
    const lint = clean[clean.length - 1]!;
    expect(lint.stdout).toBe('');
    expect(lint.stderr).toContain('coe: no COE documents (Markdown with a "coe" frontmatter key) in docs/coe yet; nothing to lint');
    // npm install (there was no lock) installed coe from package.json and wrote the lock file.
    expect(JSON.parse(readFileSync(path.join(first, 'node_modules/coe/package.json'), 'utf8')).name).toBe('coe');
    expect(existsSync(path.join(first, 'package-lock.json'))).toBe(true);

    // The team commits the lock file, as init said, and a broken COE.
    copyFileSync(path.join(first, 'package-lock.json'), path.join(origin, 'package-lock.json'));
    writeFileSync(path.join(origin, 'docs/coe/2025-10-20-orders.md'), BROKEN_COE);
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'First COE');

    const second = path.join(work, 'second');
    git(work, 'clone', '-q', origin, second);
    const lock = readFileSync(path.join(second, 'package-lock.json'), 'utf8');
    const broken = runSteps(second);
    expect(broken.map((r) => r.status)).toEqual([...steps.slice(0, -1).map(() => 0), 1]);
    // npm ci (there is a lock now) leaves the lock file as it is.
    expect(readFileSync(path.join(second, 'package-lock.json'), 'utf8')).toBe(lock);
    const errors = broken[broken.length - 1]!.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^::error file=docs\/coe\/2025-10-20-orders\.md,line=\d+,col=\d+,.*title=lessons-have-actions::/);

    // The pre-commit hook that init wrote, run as pre-commit runs it: entry and the staged files its pattern takes.
    const hooks = parse(readFileSync(path.join(second, '.pre-commit-config.yaml'), 'utf8')) as {
      repos: { hooks: { entry: string; files: string }[] }[];
    };
    const hook = hooks.repos[0]!.hooks[0]!;
    const staged = ['README.md', 'docs/coe/README.md', 'docs/coe/2025-10-20-orders.md', 'package.json'].filter((f) =>
      new RegExp(hook.files).test(f),
    );
    expect(staged).toEqual(['docs/coe/README.md', 'docs/coe/2025-10-20-orders.md']);
    const [command, ...args] = hook.entry.split(' ');
    const failing = run(command!, [...args, ...staged], second);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('lessons-have-actions');
    expect(failing.stdout).not.toContain('README');
    expect(run(command!, [...args, 'docs/coe/README.md'], second).status).toBe(0);
  });
});
