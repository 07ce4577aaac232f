// `coe lsp` in a real editor: headless Neovim's built-in client starts the
// built server, opens a COE with a finding, waits for the diagnostics, takes
// a quick fix from the code action menu and writes the buffer
// (lsp-neovim.lua). Without Neovim the test is skipped on a workstation and
// fails in CI, which installs Debian's `neovim` package.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lintString, ROOT } from '../helpers/lint.js';

const hasNvim = spawnSync('nvim', ['--version']).status === 0;
const SCRIPT = path.join(ROOT, 'test/e2e/lsp-neovim.lua');
const MINIMAL = readFileSync(path.join(ROOT, 'test/fixtures/minimal.md'), 'utf8');

interface Seen {
  error?: string;
  before?: { code: string; line: number; message: string; severity: number }[];
  titles?: string[];
  after?: { code: string }[];
  lines?: string[];
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Runs Neovim on `file` in `folder` with the script; returns what it saw. */
function neovim(folder: string, file: string, code: string, title: string): Promise<{ seen: Seen; stderr: string }> {
  const result = path.join(folder, 'result.json');
  const env = {
    ...process.env,
    // `node` in the client's cmd is the Node that runs the tests.
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: folder,
    XDG_CONFIG_HOME: path.join(folder, '.config'),
    XDG_DATA_HOME: path.join(folder, '.local/share'),
    XDG_STATE_HOME: path.join(folder, '.local/state'),
    COE_REPO: ROOT,
    COE_DIR: folder,
    COE_FILE: file,
    COE_CODE: code,
    COE_TITLE: title,
    COE_RESULT: result,
  };
  const args = ['--headless', '-n', '-i', 'NONE', '--noplugin', '-u', 'NONE', '-c', `luafile ${SCRIPT}`];
  return new Promise((resolve, reject) => {
    const nvim = spawn('nvim', args, { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    nvim.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    nvim.stdout.on('data', () => undefined);
    const timer = setTimeout(() => nvim.kill('SIGKILL'), 90_000);
    nvim.on('error', reject);
    nvim.on('close', (status) => {
      clearTimeout(timer);
      if (!existsSync(result)) return reject(new Error(`nvim exited ${status} without a result; stderr: ${stderr}`));
      resolve({ seen: JSON.parse(readFileSync(result, 'utf8')) as Seen, stderr });
    });
  });
}

describe.runIf(hasNvim || process.env.CI)('coe lsp in Neovim', { timeout: 120_000 }, () => {
  it('shows the diagnostics of a COE, applies a quick fix from the code action menu, and the finding goes', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'coe-nvim-'));
    const file = path.join(dir, 'coe.md');
    const text = MINIMAL.replace('→ L2', '→ L2, AI-7');
    writeFileSync(file, text);

    const { seen, stderr } = await neovim(dir, file, 'references-exist', 'Add action item AI-7 to the Action items table');
    expect(seen.error, stderr).toBeUndefined();
    // The diagnostics as Neovim holds them: 0-based line, the rule id as the code, an error.
    expect(seen.before).toEqual([
      { code: 'references-exist', line: 48, severity: 1, message: expect.stringContaining('AI-7 is referenced') },
    ]);
    expect(seen.titles).toEqual(['Add action item AI-7 to the Action items table', 'Disable references-exist for this line']);

    // The buffer, written by Neovim: the row added at the end of the table, and nothing else changed.
    const row = '| AI-7 | TODO | TODO | payments-team | TODO | open |  |  |';
    const expected = `${text}${row}\n`;
    expect(`${seen.lines!.join('\n')}\n`).toBe(expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(seen.after!.map((d) => d.code)).not.toContain('references-exist');
    expect(seen.after!.map((d) => d.code)).toEqual(lintString(expected, { now: '2025-10-01' }).map((m) => m.ruleId));
  });
});
