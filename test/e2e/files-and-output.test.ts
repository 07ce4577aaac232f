// Through the BUILT CLI: which files a glob picks, `ignore` the same however
// files are named, paths that exist but cannot be reached, a failed write of
// the output, a deleted working directory, configuration files that cannot be
// read or parsed. Each failure is one line on stderr, never a stack trace.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseDocument, BIN, runCoe } from '../helpers/lint.js';

let dir: string;
const put = (rel: string, text: string | Buffer = baseDocument()) => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
};
const lint = (...args: string[]) => runCoe(['lint', '--now', '2025-10-23', ...args], { cwd: dir });
const filesOf = (stdout: string) => (JSON.parse(stdout) as { file: string }[]).map((f) => f.file);
const sh = (script: string) => {
  const r = spawnSync('sh', ['-c', script], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', COE: `${process.execPath} ${BIN}` },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
// Run as nobody (root reads any file). In CI the tests run, and fail, without setpriv.
const canSetpriv =
  Boolean(process.env.CI) || spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'coe-files-'));
  // nobody must reach the built CLI and the folder
  chmodSync(dir, 0o755);
});
afterEach(() => {
  spawnSync('chmod', ['-R', 'u+rwx', dir]);
  rmSync(dir, { recursive: true, force: true });
});

describe('files', { timeout: 30_000 }, () => {
  it('a glob picks Markdown only: an image beside the COEs is passed over', () => {
    put('docs/coe/a.md');
    put('docs/coe/img/diagram.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    const run = lint('docs/coe/**', '--format', 'json');
    expect([run.code, filesOf(run.stdout), run.stderr]).toEqual([0, ['docs/coe/a.md'], '']);
  });

  it('a glob that matches no Markdown is exit 2 with one line', () => {
    put('d/sub/c.txt', 'text');
    expect(lint('d/sub/*')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'coe: No files to lint match the pattern "d/sub/*": it matches no **/*.md or **/*.markdown (the include setting)\n',
    });
  });

  it('ignore patterns are relative to the configuration folder, for every way of naming the files', () => {
    put('.coerc.json', '{"ignore": ["docs/coe/drafts/**"]}');
    put('docs/coe/drafts/wip.md');
    put('docs/coe/final.md');
    for (const args of [[], ['docs/coe'], ['docs'], ['.'], ['docs/coe/**/*.md']]) {
      const run = lint(...args, '--format', 'json');
      expect([args, run.code, filesOf(run.stdout)]).toEqual([args, 0, ['docs/coe/final.md']]);
    }
  });

  it('a named file that links to itself is a fatal finding; the others are linted', () => {
    put('ok.md');
    symlinkSync('loop.md', path.join(dir, 'loop.md'));
    const run = lint('loop.md', 'ok.md', '--format', 'json');
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as { file: string; messages: { ruleId: string; message: string }[] }[];
    expect(results.map((r) => [r.file, r.messages.map((m) => `${m.ruleId}: ${m.message}`)])).toEqual([
      ['loop.md', ['fatal: File could not be read: a symbolic link that loops (or too many links in a row)']],
      ['ok.md', []],
    ]);
  });

  it.runIf(canSetpriv)('a named file in a folder that cannot be searched, and such a folder, are fatal findings', () => {
    put('ok.md');
    put('d/locked/b.md');
    chmodSync(path.join(dir, 'ok.md'), 0o644);
    chmodSync(path.join(dir, 'd'), 0o755);
    chmodSync(path.join(dir, 'd/locked'), 0o000);
    const nobody = (args: string) =>
      sh(`setpriv --reuid=65534 --regid=65534 --clear-groups $COE lint --now 2025-10-23 --format json ${args}`);
    const file = nobody('d/locked/b.md ok.md');
    expect([file.code, file.stderr]).toEqual([1, '']);
    expect(JSON.parse(file.stdout)).toMatchObject([
      { file: 'd/locked/b.md', messages: [{ ruleId: 'fatal', message: 'File could not be read: permission denied' }] },
      { file: 'ok.md', messages: [] },
    ]);
    const folder = nobody('d/locked');
    expect([folder.code, folder.stderr]).toEqual([1, '']);
    expect(JSON.parse(folder.stdout)).toMatchObject([
      { file: 'd/locked', messages: [{ ruleId: 'fatal', message: 'Folder could not be read: permission denied' }] },
    ]);
  });

  it.runIf(canSetpriv)('a folder met in a search that cannot be read: a fatal finding in lint, an unreadable entry in report', () => {
    put('d/ok.md');
    put('d/locked/b.md');
    chmodSync(path.join(dir, 'd'), 0o755);
    chmodSync(path.join(dir, 'd/ok.md'), 0o644);
    chmodSync(path.join(dir, 'd/locked'), 0o000);
    const nobody = (args: string) => sh(`setpriv --reuid=65534 --regid=65534 --clear-groups $COE ${args}`);
    const lint = nobody('lint --now 2025-10-23 --format json d');
    expect([lint.code, lint.stderr]).toEqual([1, '']);
    expect(JSON.parse(lint.stdout)).toMatchObject([
      { file: 'd/locked', messages: [{ ruleId: 'fatal', message: 'Folder could not be read: permission denied' }] },
      { file: 'd/ok.md', messages: [] },
    ]);
    const report = nobody('report --now 2025-10-23 --format json d');
    expect([report.code, report.stderr]).toEqual([0, '']);
    expect(JSON.parse(report.stdout).unreadable).toEqual([{ file: 'd/locked', reason: 'Folder could not be read: permission denied' }]);
  });

  it('a path that does not exist is still exit 2', () => {
    expect(lint('missing.md')).toEqual({ code: 2, stdout: '', stderr: 'coe: missing.md: no such file or folder\n' });
  });

  it('with no path and no docs folder, exit 2 says which folder and what to do', () => {
    expect(lint()).toEqual({
      code: 2,
      stdout: '',
      stderr: 'coe: docs/coe: no such folder: the docs folder (default docs/coe) does not exist; create it, or run coe init\n',
    });
  });
});

describe('output and working directory', { timeout: 30_000 }, () => {
  it.runIf(process.platform === 'linux')('a failed write of the output is one line on stderr and exit 2', () => {
    put('d4.md', baseDocument().replace(/^status: .*$/m, 'status: bogus'));
    for (const command of ['$COE lint --now 2025-10-23 d4.md > /dev/full', '$COE rules > /dev/full'])
      expect([command, sh(command)]).toEqual([
        command,
        { code: 2, stdout: '', stderr: 'coe: cannot write the output: no space left on device (ENOSPC)\n' },
      ]);
  });

  it('a reader that closes the pipe early is still quiet', () => {
    const run = sh('$COE rules | head -c 10 >/dev/null');
    expect(run.stderr).toBe('');
  });

  it.runIf(process.platform !== 'win32')('a deleted working directory is one line, exit 2', () => {
    for (const command of ['lint', 'new x', 'init --yes', 'rules'])
      expect([command, sh(`mkdir gone && cd gone && rmdir ../gone && $COE ${command} </dev/null; echo "rc=$?"`)]).toEqual([
        command,
        { code: 0, stdout: 'rc=2\n', stderr: 'coe: the current folder no longer exists\n' },
      ]);
  });
});

describe('configuration files that cannot be read or parsed', { timeout: 30_000 }, () => {
  beforeEach(() => put('docs/coe/a.md'));

  it.each([
    [
      '{\n  "rules": {\n    "five-whys-tree": "error",\n  }\n}\n',
      'coe: .coerc.json:4:3: not valid JSON: Expected double-quoted property name\n',
    ],
    ['', 'coe: .coerc.json: the file is empty: a JSON configuration is an object of keys (docs, rules, …); write {} for none\n'],
    ['null', 'coe: .coerc.json: the configuration must be an object of keys (docs, rules, …), not null; write {} for none\n'],
    [
      '{"rules":{"five-whys-tree":"off","five-whys-tree":"error"}}',
      'coe: .coerc.json:1:34: the key "five-whys-tree" is given twice in the same object (JSON would keep the last)\n',
    ],
  ])('.coerc.json holding %j', (content, stderr) => {
    put('.coerc.json', content);
    expect(lint()).toEqual({ code: 2, stdout: '', stderr });
  });

  it('a .coerc.json that is a folder is named', () => {
    mkdirSync(path.join(dir, '.coerc.json'));
    expect(lint()).toEqual({ code: 2, stdout: '', stderr: 'coe: .coerc.json: cannot be read: it is a folder, not a file\n' });
  });

  it.runIf(canSetpriv)('a .coerc.json that cannot be read is named', () => {
    put('.coerc.json', '{}');
    chmodSync(path.join(dir, '.coerc.json'), 0o000);
    const run = sh('setpriv --reuid=65534 --regid=65534 --clear-groups $COE lint');
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'coe: .coerc.json: cannot be read: permission denied\n' });
  });

  it('"coe": null in package.json is refused', () => {
    put('package.json', '{"name": "x", "coe": null}');
    expect(lint()).toEqual({
      code: 2,
      stdout: '',
      stderr: 'coe: package.json: "coe" is null: give it an object of keys (docs, rules, …), {} for none, or remove it\n',
    });
  });
});

describe('terminal escapes from a document', { timeout: 30_000 }, () => {
  it('stylish and github show them escaped', () => {
    put('ctl.md', baseDocument().replace(/^status: .*$/m, 'status: "x\\e]0;PWNED\\a\\e[31mred"'));
    for (const format of ['stylish', 'github']) {
      const run = lint('ctl.md', '--format', format);
      expect([format, run.code]).toEqual([format, 1]);
      expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(run.stdout).toContain('x\\u001b]0;PWNED\\u0007\\u001b[31mred');
    }
  });
});
