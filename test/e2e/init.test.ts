// `coe init` end to end, with the BUILT CLI, in a temporary folder and
// without a terminal: flags decide, and nothing is ever overwritten.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseDocument, BIN, runCoe } from '../helpers/lint.js';
import { DEFAULT_COE_SPEC } from '../../src/commands/init.js';
import { REPOSITORY_URL } from '../../src/docs/project.js';

let dir: string;
const init = (...args: string[]) => runCoe(['init', ...args], { cwd: dir });
const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8');

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'coe-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('coe init', { timeout: 30_000 }, () => {
  it('--yes writes the configuration, the docs folder and its README, package.json, the workflow and the pre-commit hook', () => {
    const run = init('--yes');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.split('\n').slice(0, 7)).toEqual([
      'created  .coerc.json',
      'created  docs/coe/',
      'created  docs/coe/README.md',
      'created  package.json (coe in devDependencies: github:coe-tool/coe)',
      'created  .gitignore',
      'created  .github/workflows/coe.yml',
      'created  .pre-commit-config.yaml',
    ]);
    expect(run.stdout).toContain('Next: run `npm install` to install coe and write package-lock.json, and commit both');
    expect(JSON.parse(read('.coerc.json'))).toMatchObject({ docs: 'docs/coe', rules: {} });
    expect(statSync(path.join(dir, 'docs/coe')).isDirectory()).toBe(true);
    expect(JSON.parse(read('package.json'))).toEqual({ private: true, devDependencies: { coe: 'github:coe-tool/coe' } });
    expect(read('.gitignore')).toBe('node_modules/\n');

    const workflow = parse(read('.github/workflows/coe.yml')) as { jobs: { lint: { steps: { run?: string }[] } } };
    expect(workflow.jobs.lint.steps.map((s) => s.run).filter(Boolean)).toEqual([
      'if [ -f package-lock.json ]; then npm ci; else npm install; fi',
      'npx --no -- coe lint --format github',
    ]);
    const hooks = parse(read('.pre-commit-config.yaml')) as { repos: { repo: string; hooks: Record<string, unknown>[] }[] };
    expect(hooks.repos[0]!.hooks[0]).toEqual({
      id: 'coe-lint',
      name: 'coe lint',
      entry: 'npx --no -- coe lint --skip-non-coe',
      language: 'system',
      files: '^docs/coe/.*\\.(md|markdown)$',
    });
  });

  it('the docs folder README is not a COE: coe lint passes over it and exits 0 with a note', () => {
    init('--yes');
    expect(read('docs/coe/README.md')).toContain('npx coe new');
    const run = runCoe(['lint'], { cwd: dir });
    expect([run.code, run.stdout]).toEqual([0, '']);
    expect(run.stderr).toContain('no COE documents');
    expect(runCoe(['lint', '--skip-non-coe', 'docs/coe/README.md'], { cwd: dir }).code).toBe(0);
  });

  it('writes a configuration that coe lint reads', () => {
    init('--yes');
    writeFileSync(path.join(dir, 'docs/coe/2025-09-03-payments.md'), baseDocument());
    const run = runCoe(['lint', '--now', '2025-09-10', '--format', 'json'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect((JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file)).toEqual([path.join('docs', 'coe', '2025-09-03-payments.md')]);
  });

  it('overwrites nothing on a second run', () => {
    init('--yes');
    const files = ['.coerc.json', 'docs/coe/README.md', '.gitignore', '.github/workflows/coe.yml', '.pre-commit-config.yaml'];
    const mine = (file: string) =>
      file.endsWith('.json') ? '{ "docs": "docs/coe", "idPrefix": "MINE" }\n' : `# mine: ${file}\nnode_modules\n`;
    for (const file of files) writeFileSync(path.join(dir, file), mine(file));
    const pkg = '{"name":"docs","devDependencies":{"coe":"file:vendor/coe-0.1.0.tgz"}}';
    writeFileSync(path.join(dir, 'package.json'), pkg);
    const run = init('--yes');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('exists   .coerc.json (left as it is)');
    expect(run.stdout).toContain('exists   docs/coe/ (left as it is)');
    expect(run.stdout).toContain('exists   docs/coe/README.md (left as it is)');
    expect(run.stdout).toContain('exists   package.json (coe is in devDependencies: file:vendor/coe-0.1.0.tgz)');
    expect(run.stdout).toContain('exists   .gitignore (left as it is)');
    expect(run.stdout).toContain('exists   .github/workflows/coe.yml (left as it is)');
    expect(run.stdout).toContain('exists   .pre-commit-config.yaml (left as it is)');
    expect(run.stdout).toContain('add this entry to its "repos" by hand');
    for (const file of files) expect(read(file)).toBe(mine(file));
    expect(read('package.json')).toBe(pkg);
    expect(run.stdout).not.toContain('created');
    expect(run.stdout).not.toContain('npm install');
  });

  it('adds coe to an existing package.json, keeping its other keys, indent and line endings', () => {
    const pkg =
      '{\r\n    "name": "docs",\r\n    "scripts": { "test": "coe lint" },\r\n    "devDependencies": {\r\n        "prettier": "^3.0.0",\r\n        "cspell": "^8.0.0"\r\n    }\r\n}\r\n';
    writeFileSync(path.join(dir, 'package.json'), pkg);
    const run = init('--package-json', '--no-github-actions', '--no-pre-commit', '--coe-spec', 'github:acme/coe#v0.1.0');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('updated  package.json (coe added to devDependencies: github:acme/coe#v0.1.0)');
    expect(read('package.json')).toBe(
      '{\r\n    "name": "docs",\r\n    "scripts": {\r\n        "test": "coe lint"\r\n    },\r\n    "devDependencies": {\r\n' +
        '        "coe": "github:acme/coe#v0.1.0",\r\n        "cspell": "^8.0.0",\r\n        "prettier": "^3.0.0"\r\n    }\r\n}\r\n',
    );
  });

  it('leaves a package.json that is not JSON as it is, says so, and exits 1 after writing the rest', () => {
    const broken = '{\n  "name": "docs",\n  "devDependencies": {\n    "prettier": "^3.0.0",\n  }\n}\n';
    writeFileSync(path.join(dir, 'package.json'), broken);
    const run = init('--yes');
    expect(run.code).toBe(1);
    expect(read('package.json')).toBe(broken);
    expect(run.stdout).toContain('skipped  package.json (left as it is: not valid JSON at line 5, column 3)');
    expect(run.stderr).toBe(
      'coe: package.json is not valid JSON at line 5, column 3, so coe init left it as it is: add "devDependencies": { "coe": "github:coe-tool/coe" } to it by hand\n',
    );
    expect(existsSync(path.join(dir, '.github/workflows/coe.yml'))).toBe(true);
    expect(run.stdout).not.toContain('npm install');
  });

  it('--coe-spec must be one word; the default is in --help', () => {
    const run = init('--yes', '--coe-spec', 'github:acme/coe latest');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^coe: --coe-spec must be one npm package spec without spaces/);
    expect(readdirSync(dir)).toEqual([]);
    // The help text names the default that init uses: the project's repository.
    expect(DEFAULT_COE_SPEC).toBe(`github:${new URL(REPOSITORY_URL).pathname.slice(1)}`);
    expect(runCoe(['init', '--help']).stdout).toContain(`(default ${DEFAULT_COE_SPEC})`);
  });

  it('asks .gitignore for node_modules/ when it lacks it, and changes nothing there', () => {
    writeFileSync(path.join(dir, '.gitignore'), 'dist/\n');
    const run = init('--package-json', '--no-github-actions', '--no-pre-commit');
    expect(run.stdout).toContain('exists   .gitignore (left as it is)\n  add a line node_modules/ to it');
    expect(read('.gitignore')).toBe('dist/\n');
  });

  it('without a terminal or flags, writes only the configuration and the docs folder', () => {
    const run = init();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Run coe init again with --package-json to add coe to the devDependencies of package.json, or --github-actions for a GitHub Actions workflow, or --pre-commit for a pre-commit hook.',
    );
    expect(existsSync(path.join(dir, '.coerc.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'docs/coe/README.md'))).toBe(true);
    expect(existsSync(path.join(dir, 'package.json'))).toBe(false);
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
    expect(existsSync(path.join(dir, '.pre-commit-config.yaml'))).toBe(false);
  });

  it('takes each choice from its flag', () => {
    const run = init('--github-actions', '--no-pre-commit', '--docs', 'incidents');
    expect(run.code).toBe(0);
    expect(JSON.parse(read('.coerc.json')).docs).toBe('incidents');
    expect(existsSync(path.join(dir, 'incidents'))).toBe(true);
    expect(existsSync(path.join(dir, '.github/workflows/coe.yml'))).toBe(true);
    expect(existsSync(path.join(dir, '.pre-commit-config.yaml'))).toBe(false);
    const yes = init('--yes', '--no-github-actions');
    expect(yes.stdout).toContain('created  .pre-commit-config.yaml');
    const hooks = parse(read('.pre-commit-config.yaml')) as { repos: { hooks: { files: string }[] }[] };
    expect(hooks.repos[0]!.hooks[0]!.files).toBe('^incidents/.*\\.(md|markdown)$');
  });

  it('adds no configuration beside an existing one, and takes its docs folder', () => {
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', coe: { docs: 'postmortems' } }));
    const run = init('--pre-commit');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('exists   package.json ("coe" key) (left as it is)');
    expect(run.stdout).toContain('created  postmortems/');
    expect(existsSync(path.join(dir, '.coerc.json'))).toBe(false);
    expect(read('.pre-commit-config.yaml')).toContain("'^postmortems/");
  });

  it('is an error when the docs folder is a file', () => {
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'docs/coe'), 'not a folder');
    const run = init('--no-github-actions', '--no-pre-commit');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('coe: docs/coe: exists and is not a folder; choose another docs folder with --docs\n');
    expect(existsSync(path.join(dir, '.coerc.json'))).toBe(false);
  });
});

// In a real terminal (tmux), coe init asks. Without tmux the tests skip on a
// workstation and fail in CI, which installs tmux.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

class Terminal {
  private readonly socket = `coe-init-test-${process.pid}-${Math.random().toString(36).slice(2)}`;

  constructor(cwd: string, args: string[]) {
    // The shell prints the exit code and stays, so the screen can be read after.
    const command = `env NO_COLOR=1 ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo __EXIT=$?; sleep 600`;
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', '160', '-y', '50', '-c', cwd, command);
  }

  private tmux(...args: string[]): string {
    const run = spawnSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`tmux ${args[0]}: ${run.stderr}`);
    return run.stdout;
  }

  async waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.tmux('capture-pane', '-p', '-J', '-t', 'main');
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the screen shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', 'main', '-l', text);
  }

  press(key: string): void {
    this.tmux('send-keys', '-t', 'main', key);
  }

  async exitCode(): Promise<number> {
    return Number(/__EXIT=(\d+)/.exec(await this.waitFor(/__EXIT=\d+/))?.[1]);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

describe.runIf(hasTmux || process.env.CI)('coe init in a terminal (tmux)', { timeout: 60_000 }, () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.close());

  it('asks for the docs folder, the workflow and the hook', async () => {
    terminal = new Terminal(dir, ['init']);
    await terminal.waitFor(/Docs folder for the COEs/);
    terminal.type('incidents');
    terminal.press('Enter');
    await terminal.waitFor(/GitHub Actions workflow/);
    terminal.type('y');
    terminal.press('Enter');
    await terminal.waitFor(/pre-commit hook/);
    terminal.press('Enter'); // the default: no
    await terminal.waitFor(/Add coe \(github:coe-tool\/coe\) to the devDependencies of package\.json/);
    terminal.press('Enter'); // the default: yes
    expect(await terminal.exitCode()).toBe(0);
    expect(JSON.parse(read('.coerc.json')).docs).toBe('incidents');
    expect(existsSync(path.join(dir, 'incidents/README.md'))).toBe(true);
    expect(JSON.parse(read('package.json')).devDependencies).toEqual({ coe: 'github:coe-tool/coe' });
    expect(existsSync(path.join(dir, '.github/workflows/coe.yml'))).toBe(true);
    expect(existsSync(path.join(dir, '.pre-commit-config.yaml'))).toBe(false);
  });

  it('writes nothing when stopped at a prompt', async () => {
    terminal = new Terminal(dir, ['init']);
    await terminal.waitFor(/Docs folder for the COEs/);
    terminal.press('Enter');
    await terminal.waitFor(/GitHub Actions workflow/);
    terminal.press('C-c');
    expect(await terminal.exitCode()).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  });
});
