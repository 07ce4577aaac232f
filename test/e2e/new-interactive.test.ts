// `coe new` in a real terminal: tmux runs the built CLI, the test reads the
// screen and answers the prompts with keys, as a person would. Without tmux
// the tests skip on a workstation and fail in CI (CI installs tmux).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BIN } from '../helpers/lint.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const EXIT = /__EXIT=(\d+)/;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** One tmux server of our own (its own socket), with one window. */
class Terminal {
  private readonly socket = `coe-new-test-${process.pid}-${Math.random().toString(36).slice(2)}`;

  constructor(cwd: string, args: string[], env: Record<string, string>) {
    const vars = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`);
    // The shell prints the exit code and stays, so the screen can be read after.
    const command = `env ${vars.join(' ')} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo __EXIT=$?; sleep 600`;
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', '160', '-y', '50', '-c', cwd, command);
  }

  private tmux(...args: string[]): string {
    const run = spawnSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`tmux ${args[0]}: ${run.stderr}`);
    return run.stdout;
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', 'main');
  }

  /** Waits until the screen shows `pattern`, and returns the screen. */
  async waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the screen shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Types text literally. */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'main', '-l', text);
  }

  /** Presses keys by tmux name: Enter, Up, Down, C-c, BSpace. */
  press(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', 'main', key);
  }

  async answer(prompt: RegExp, text: string): Promise<void> {
    await this.waitFor(prompt);
    this.type(text);
    this.press('Enter');
  }

  async exitCode(): Promise<number> {
    return Number(EXIT.exec(await this.waitFor(EXIT))?.[1]);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

describe.runIf(hasTmux || process.env.CI)('coe new in a terminal (tmux)', () => {
  let cwd: string;
  let terminal: Terminal | undefined;
  let env: Record<string, string>;

  beforeEach(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'coe-new-tty-'));
    // The default author comes from git: give git a user of our own.
    const gitconfig = path.join(cwd, '.gitconfig-test');
    writeFileSync(gitconfig, '[user]\n\tname = Robin Tester\n');
    env = { GIT_CONFIG_GLOBAL: gitconfig, GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
  });

  afterEach(() => {
    terminal?.close();
    terminal = undefined;
    rmSync(cwd, { recursive: true, force: true });
  });

  const docs = () => (existsSync(path.join(cwd, 'docs/coe')) ? readdirSync(path.join(cwd, 'docs/coe')) : []);

  it('tmux is installed', () => {
    expect(hasTmux).toBe(true);
  });

  it('asks for every value, refuses a bad time at the prompt, and writes the COE', async () => {
    const t = (terminal = new Terminal(cwd, ['new'], env));
    await t.answer(/Title/, 'Orders: 5% failed');
    await t.waitFor(/Severity:[\s\S]*1 +critical[\s\S]*5 +low/);
    t.press('Up', 'Enter'); // from the default, 3, up to 2
    await t.answer(/Impacted services/, 'orders-api, cell-router');
    await t.answer(/Regions/, 'eu-west-1');
    await t.answer(/Owner/, 'orders-team');
    await t.waitFor(/Authors.*Robin Tester/);
    t.press('Enter'); // the git user, by default
    await t.answer(/When did impact begin/, 'yesterday');
    await t.waitFor(/must be a date and a time, e\.g\. 2025-10-20 06:48 UTC/);
    t.press('C-u');
    t.type('2025-10-20 08:48 EST');
    t.press('Enter');
    await t.waitFor(/"EST" is a zone abbreviation, not an offset: write the offset instead/);
    t.press('C-u');
    t.type('2025-10-20 06:48 UTC'); // as a timeline entry is written
    t.press('Enter');
    await t.answer(/When did we know/, '2025-10-20 09:33 +02:00');
    // Every detection source is on screen, the last one too: the list does not wrap round.
    const detection = await t.waitFor(/How was it detected\?[\s\S]*customer-report +a customer told us[\s\S]*other +some other way/);
    expect(detection).not.toMatch(/other +some other way[\s\S]*alarm +an alarm/);
    t.press('Down', 'Down', 'Down', 'Down', 'Enter'); // alarm, aggregate-alarm, canary, traffic-anomaly, customer-report
    await t.waitFor(/Template:[\s\S]*standard[\s\S]*multi-service/); // the default first
    t.press('Enter'); // standard, by default

    expect(await t.exitCode()).toBe(0);
    const written = path.join('docs', 'coe', '2025-10-20-orders-5-failed.md');
    expect(t.screen()).toContain(written);
    expect(docs()).toEqual(['2025-10-20-orders-5-failed.md']);
    const text = readFileSync(path.join(cwd, written), 'utf8');
    expect(parseYaml(text.slice(4, text.indexOf('\n---\n', 4) + 1))).toEqual({
      coe: 1,
      id: 'COE-2025-001',
      title: 'Orders: 5% failed',
      status: 'draft',
      severity: 2,
      owner: 'orders-team',
      authors: ['Robin Tester'],
      services: ['orders-api', 'cell-router'],
      regions: ['eu-west-1'],
      incident: { start: '2025-10-20T06:48:00Z', detected: '2025-10-20T09:33:00+02:00', detected_by: 'customer-report' },
    });
    expect(text).toContain('\n# Orders: 5% failed\n');
    expect(text).toContain('| AI-1 | TODO | short | orders-team |');
  });

  it('asks only for what the flags did not give', async () => {
    const flags = [
      '--severity',
      '4',
      '--service',
      'search',
      '--owner',
      'search-team',
      '--author',
      'Sam',
      '--start',
      '2025-03-01T10:00+01:00',
    ];
    const t = (terminal = new Terminal(
      cwd,
      ['new', 'Slow search', ...flags, '--detected-by', 'canary', '--template', 'multi-service'],
      env,
    ));
    await t.answer(/Regions \(optional/, ''); // optional, so always asked; none
    await t.answer(/When did we know/, '2025-03-01T08:59:00Z');
    await t.waitFor(/must not be before the start \(2025-03-01T10:00:00\+01:00\)/);
    t.press('C-u');
    t.type('2025-03-01T10:05+01:00');
    t.press('Enter');
    expect(await t.exitCode()).toBe(0);
    const screen = t.screen();
    for (const asked of [
      'Title',
      'Severity',
      'Impacted services',
      'Owner',
      'Authors',
      'When did impact begin',
      'How was it detected',
      'Template:',
    ]) {
      expect(screen).not.toContain(asked);
    }
    expect(docs()).toEqual(['2025-03-01-slow-search.md']);
    const text = readFileSync(path.join(cwd, 'docs/coe/2025-03-01-slow-search.md'), 'utf8');
    expect(text).toContain('start: 2025-03-01T10:00:00+01:00\n');
    expect(text).toContain('detected: 2025-03-01T10:05:00+01:00\n');
    expect(text).not.toContain('regions:');
    expect(text).toContain('### search\n');
  });

  it('"when did we know" defaults to the start; a time without an offset is UTC; the detection list does not wrap', async () => {
    const flags = ['--severity', '3', '--service', 'search', '--owner', 'search-team', '--author', 'Sam', '--region', 'eu-west-1'];
    const t = (terminal = new Terminal(cwd, ['new', 'Slow search', ...flags, '--template', 'standard'], env));
    await t.answer(/When did impact begin/, '2026-11-24 14:02');
    await t.waitFor(/When did we know\?.*\(2026-11-24T14:02:00Z\)/);
    t.press('Enter'); // the default: the start
    await t.waitFor(/How was it detected\?/);
    t.press('Up', 'Enter'); // the top of the list stays the top: alarm, not other
    expect(await t.exitCode()).toBe(0);
    const text = readFileSync(path.join(cwd, 'docs/coe/2026-11-24-slow-search.md'), 'utf8');
    expect(text).toContain('  start: 2026-11-24T14:02:00Z\n  detected: 2026-11-24T14:02:00Z\n  detected_by: alarm\n');
  });

  it('Ctrl-C leaves no file behind', async () => {
    const t = (terminal = new Terminal(cwd, ['new'], env));
    await t.answer(/Title/, 'Abandoned');
    await t.waitFor(/Severity:/);
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toContain('coe: cancelled; nothing was written');
    expect(existsSync(path.join(cwd, 'docs'))).toBe(false);
  });
});
