// `coe init` end to end, with the BUILT CLI, in a temporary folder and
// without a terminal: flags decide, and nothing is ever overwritten.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseDocument, BIN, runCoe } from '../helpers/lint.js';

let dir: string;
const init = (...args: string[]) => runCoe(['init', ...args], { cwd: dir });
const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8');

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'coe-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('coe init', { timeout: 30_000 }, () => {
  it('--yes writes the configuration, the docs folder, the workflow and the pre-commit hook', () => {
    const run = init('--yes');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'created  .coerc.json',
      'created  docs/coe/',
      'created  .github/workflows/coe.yml',
      'created  .pre-commit-config.yaml',
    ]);
    expect(JSON.parse(read('.coerc.json'))).toMatchObject({ docs: 'docs/coe', rules: {} });
    expect(statSync(path.join(dir, 'docs/coe')).isDirectory()).toBe(true);

    const workflow = parse(read('.github/workflows/coe.yml')) as { jobs: { lint: { steps: { run?: string }[] } } };
    expect(workflow.jobs.lint.steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npx coe lint --format github']);
    const hooks = parse(read('.pre-commit-config.yaml')) as { repos: { repo: string; hooks: { id: string; entry: string; files: string }[] }[] };
    expect(hooks.repos[0]!.hooks[0]).toMatchObject({ id: 'coe-lint', entry: 'npx coe lint', files: '^docs/coe/.*\\.(md|markdown)$' });
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
    const files = ['.coerc.json', '.github/workflows/coe.yml', '.pre-commit-config.yaml'];
    const mine = (file: string) => (file.endsWith('.json') ? '{ "docs": "docs/coe", "idPrefix": "MINE" }\n' : `# mine: ${file}\n`);
    for (const file of files) writeFileSync(path.join(dir, file), mine(file));
    const run = init('--yes');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('exists   .coerc.json (left as it is)');
    expect(run.stdout).toContain('exists   docs/coe/ (left as it is)');
    expect(run.stdout).toContain('exists   .github/workflows/coe.yml (left as it is)');
    expect(run.stdout).toContain('exists   .pre-commit-config.yaml (left as it is)');
    expect(run.stdout).toContain('add this entry to its "repos" by hand');
    for (const file of files) expect(read(file)).toBe(mine(file));
    expect(run.stdout).not.toContain('created');
  });

  it('without a terminal or flags, writes only the configuration and the docs folder', () => {
    const run = init();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Run coe init again with --github-actions for a GitHub Actions workflow, or --pre-commit for a pre-commit hook.');
    expect(existsSync(path.join(dir, '.coerc.json'))).toBe(true);
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
    expect(await terminal.exitCode()).toBe(0);
    expect(JSON.parse(read('.coerc.json')).docs).toBe('incidents');
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
