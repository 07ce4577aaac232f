// `npm run package:vscode` as a user runs it: the .vsix it writes holds the
// manifest, the bundled client and a copy of coe that starts on its own,
// outside this repository, and answers as `coe lsp` does.
import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type CodeAction,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { FIXTURES, ROOT } from '../helpers/lint.js';
import { fakeVscode, type FakeVscode, type FakeVscodeOptions } from './fake-vscode.js';

let dir: string;
let vsix: string;
let run: { status: number | null; stdout: string; stderr: string };
let entries: Record<string, Uint8Array>;
let extracted: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'coe-vsix-'));
  vsix = path.join(dir, 'out', 'coe.vsix');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'package:vscode', '--', '--out', vsix], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  if (result.status !== 0) throw new Error(`npm run package:vscode failed:\n${result.stdout}\n${result.stderr}`);
  entries = unzipSync(readFileSync(vsix));
  // Far from the repository, so nothing can come from its node_modules or dist/.
  extracted = path.join(dir, 'installed');
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    mkdirSync(path.dirname(path.join(extracted, name)), { recursive: true });
    writeFileSync(path.join(extracted, name), data);
  }
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const text = (name: string) => new TextDecoder().decode(entries[name]);
const manifest = () =>
  JSON.parse(text('extension/package.json')) as {
    name: string;
    publisher: string;
    main: string;
    engines: { vscode: string };
    activationEvents: string[];
    capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
    contributes: {
      configuration: { properties: Record<string, { type: string; default: unknown; enum?: string[] }> };
      commands: { command: string; title: string; category: string }[];
    };
  };

describe('npm run package:vscode', () => {
  it('writes the .vsix where --out says, and prints its path', () => {
    expect(statSync(vsix).isFile()).toBe(true);
    expect(run.stdout).toContain(`Packaged ${vsix} (`);
  });

  it('packs the manifest, the client, the bundled coe, the README and the license, and nothing else', () => {
    const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
    for (const name of [
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/dist/extension.js',
      'extension/server/package.json',
      'extension/server/bin/coe.js',
      'extension/server/bin/load-cli.js',
      'extension/server/bin/worker.js',
      'extension/server/dist/bundle/cli.cjs',
      'extension/server/dist/bundle/esm/cli.js',
      'extension/server/dist/bundle/worker.cjs',
      'extension/server/dist/bundle/lsp.cjs',
      'extension/server/templates/standard.md',
      'extension/readme.md',
      'extension/LICENSE.txt',
    ]) {
      expect(names, name).toContain(name);
    }
    const extra = names.filter((n) => /node_modules|\/src\/|\.ts$|\.map$|\/scripts\//.test(n));
    expect(extra).toEqual([]);
    expect(statSync(vsix).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('has a manifest VS Code can load: main, Markdown activation, settings and commands', () => {
    const m = manifest();
    expect(m.publisher).toBe('coe-tool');
    expect(m.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
    expect(entries[`extension/${path.posix.normalize(m.main)}`]).toBeDefined();
    expect(m.activationEvents).toEqual(['onLanguage:markdown']);
    const settings = m.contributes.configuration.properties;
    expect(settings['coe.enable']).toMatchObject({ type: 'boolean', default: true });
    expect(settings['coe.path']).toMatchObject({ type: 'string', default: '' });
    expect(settings['coe.trace.server']).toMatchObject({ type: 'string', default: 'off', enum: ['off', 'messages', 'verbose'] });
    expect(m.capabilities.untrustedWorkspaces).toMatchObject({ supported: 'limited', restrictedConfigurations: ['coe.path'] });
    expect(m.contributes.commands.map((c) => `${c.category}: ${c.title}`)).toContain('coe: Restart server');
  });

  it('registers every command it contributes, and reads the settings it declares', () => {
    const client = text('extension/dist/extension.js');
    for (const { command } of manifest().contributes.commands) expect(client, command).toContain(`"${command}"`);
    for (const key of ['coe.enable', 'coe.path', 'trace.server']) expect(client, key).toContain(key);
  });

  it('bundles the client: it needs only vscode and Node', () => {
    const client = text('extension/dist/extension.js');
    const required = new Set([...client.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    const builtins = new Set([...builtinModules, ...builtinModules.map((b) => `node:${b}`)]);
    expect([...required].filter((name) => name !== 'vscode' && !builtins.has(name))).toEqual([]);
    expect(required).toContain('vscode');
  });

  it('gives the bundled coe its own package.json, named coe with the version of this package', () => {
    const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(JSON.parse(text('extension/server/package.json'))).toMatchObject({ name: 'coe', version: root.version, type: 'module' });
  });

  it('starts the bundled coe, which prints its version outside the repository', () => {
    const result = spawnSync(process.execPath, [path.join(extracted, 'extension/server/bin/coe.js'), '--version'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(JSON.parse(text('extension/server/package.json')).version);
  });

  describe('the bundled server, over stdio, started as VS Code starts it', () => {
    let child: ChildProcessWithoutNullStreams;
    let connection: ProtocolConnection;
    let workspace: string;
    const published: PublishDiagnosticsParams[] = [];
    let stderr = '';

    beforeAll(() => {
      workspace = mkdtempSync(path.join(dir, 'workspace-'));
      // The arguments vscode-languageclient gives a server it forks.
      const args = ['lsp', '--stdio', `--clientProcessId=${process.pid}`];
      child = spawn(process.execPath, [path.join(extracted, 'extension/server/bin/coe.js'), ...args], { cwd: workspace });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        published.push(params);
      });
      connection.onRequest('workspace/configuration', () => []);
      connection.listen();
    });

    afterAll(async () => {
      await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
      await connection.sendNotification(ExitNotification.type).catch(() => undefined);
      connection.dispose();
      if (child.exitCode === null) child.kill();
    });

    it('answers initialize with the capabilities of coe lsp', async () => {
      const exited = new Promise<never>((_, reject) =>
        child.on('exit', (code) => reject(new Error(`the server exited with code ${code}: ${stderr}`))),
      );
      const answer = connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(workspace).href,
        workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'workspace' }],
        capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
        initializationOptions: { debounceMs: 0 },
      });
      const result: InitializeResult = await Promise.race([answer, exited]);
      exited.catch(() => undefined); // The exit after shutdown, at the end.
      expect(result.serverInfo?.name).toBe('coe');
      expect(result.capabilities).toMatchObject({
        codeActionProvider: expect.anything(),
        definitionProvider: true,
        hoverProvider: true,
        documentSymbolProvider: true,
        completionProvider: expect.anything(),
      });
      expect(result.capabilities.textDocumentSync).toBeDefined();
      await connection.sendNotification(InitializedNotification.type, {});
    });

    it('checks a COE and fixes a missing section from its own copy of the templates', async () => {
      const minimal = readFileSync(path.join(FIXTURES, 'minimal.md'), 'utf8');
      const cut = minimal.slice(0, minimal.indexOf('## Detection')) + minimal.slice(minimal.indexOf('## Dependencies'));
      const uri = pathToFileURL(path.join(workspace, 'COE-2025-001.md')).href;
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'markdown', version: 1, text: cut },
      });
      const deadline = Date.now() + 15_000;
      let diagnostics = published.find((p) => p.uri === uri)?.diagnostics;
      while (!diagnostics && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        diagnostics = published.find((p) => p.uri === uri)?.diagnostics;
      }
      expect(diagnostics, `diagnostics; server stderr: ${stderr}`).toBeDefined();
      const missing = diagnostics!.find((d) => d.code === 'required-sections');
      expect(missing, JSON.stringify(diagnostics)).toBeDefined();
      const actions = (await connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: missing!.range,
        context: { diagnostics: [missing!] },
      })) as CodeAction[];
      const add = actions.find((a) => a.title.includes('## Detection'));
      expect(add, actions.map((a) => a.title).join('; ')).toBeDefined();
      const inserted = (add!.edit!.documentChanges ?? [])
        .flatMap((change) => ('edits' in change ? (change.edits as TextEdit[]) : []))
        .map((e) => e.newText)
        .join('');
      // The guidance comment of templates/standard.md: the server found the templates packed with it.
      expect(inserted).toContain('## Detection');
      expect(inserted).toContain('Answer each question honestly');
      expect(stderr).toBe('');
    });
  });

  describe('the packed extension, run in a stand-in for VS Code', () => {
    interface Extension {
      activate(context: unknown): Promise<void>;
      deactivate(): Promise<void>;
    }
    let running: { extension: Extension; subscriptions: { dispose(): unknown }[] } | undefined;
    const bundled = () => path.join(extracted, 'extension', 'server', 'bin', 'coe.js');

    beforeAll(() => {
      // The packed client requires 'vscode': VS Code provides it; here the stand-in does.
      const stub = path.join(extracted, 'extension', 'node_modules', 'vscode', 'index.js');
      mkdirSync(path.dirname(stub), { recursive: true });
      writeFileSync(stub, 'module.exports = globalThis.__coeFakeVscode;\n');
    });

    afterEach(async () => {
      await running?.extension.deactivate();
      for (const s of running?.subscriptions ?? []) s.dispose();
      running = undefined;
    });

    async function activate(options: FakeVscodeOptions = {}): Promise<FakeVscode> {
      const vscode = fakeVscode(options);
      (globalThis as { __coeFakeVscode?: unknown }).__coeFakeVscode = vscode.api;
      const file = path.join(extracted, 'extension', 'dist', 'extension.js');
      const load = createRequire(import.meta.url);
      // A fresh extension, on this stand-in, each time.
      delete load.cache[file];
      delete load.cache[path.join(extracted, 'extension', 'node_modules', 'vscode', 'index.js')];
      const extension = load(file) as Extension;
      const subscriptions: { dispose(): unknown }[] = [];
      running = { extension, subscriptions };
      await extension.activate({ subscriptions, asAbsolutePath: (p: string) => path.join(extracted, 'extension', p) });
      return vscode;
    }

    /** The coe servers this test process runs, as `ps` lists them: process id and command line. */
    function servers(): string[] {
      const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
      return out
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.includes('coe.js lsp'));
    }

    /** A workspace whose node_modules/coe is a copy of the bundled coe, with another version. */
    function workspaceWithCoe(version: string, bin?: string): string {
      const workspace = mkdtempSync(path.join(dir, 'workspace-'));
      const copy = path.join(workspace, 'node_modules', 'coe');
      cpSync(path.join(extracted, 'extension', 'server'), copy, { recursive: true });
      const manifest = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(path.join(copy, 'package.json'), JSON.stringify({ ...manifest, version }));
      if (bin !== undefined) writeFileSync(path.join(copy, 'bin', 'coe.js'), bin);
      return workspace;
    }

    // Generous: the whole suite shares two cores.
    const eventually = <T>(check: () => T) => expect.poll(check, { timeout: 15_000, interval: 50 });

    const version = () => (JSON.parse(text('extension/server/package.json')) as { version: string }).version;

    it('starts the bundled coe when the workspace has none, and shows it in the status item', async () => {
      const workspace = mkdtempSync(path.join(dir, 'workspace-'));
      const vscode = await activate({ folders: [workspace] });
      expect(vscode.lines, vscode.lines.join('\n')).toContain(`[info] Starting the bundled coe ${version()}: ${bundled()}`);
      expect(vscode.status).toMatchObject({ text: '$(check) coe', detail: `the bundled coe ${version()}`, busy: false });
      expect([...vscode.commands.keys()]).toEqual(expect.arrayContaining(['coe.restartServer', 'coe.showOutputChannel']));
      // The server answered and registered its watchers for the configuration files.
      await eventually(() => vscode.watchers.length).toBeGreaterThan(0);
      expect(vscode.watchers.some((w) => w.includes('.coerc'))).toBe(true);
      expect(servers()).toHaveLength(1);
      expect(servers()[0]).toContain(bundled());
      await running!.extension.deactivate();
      await eventually(() => servers()).toEqual([]);
    });

    it("prefers the workspace's coe from node_modules", async () => {
      const workspace = workspaceWithCoe('9.9.9');
      const vscode = await activate({ folders: [workspace] });
      const script = path.join(workspace, 'node_modules', 'coe', 'bin', 'coe.js');
      expect(vscode.lines).toContain(`[info] Starting the workspace's coe 9.9.9: ${script}`);
      expect(vscode.status.detail).toBe("the workspace's coe 9.9.9");
      expect(servers()[0]).toContain(script);
    });

    it("starts the bundled coe instead when the workspace's coe cannot start, and says why", async () => {
      const old = 'process.stderr.write("error: unknown command \'lsp\'\\n");\nprocess.exitCode = 1;\n';
      const workspace = workspaceWithCoe('0.0.1', old);
      const vscode = await activate({ folders: [workspace] });
      const script = path.join(workspace, 'node_modules', 'coe', 'bin', 'coe.js');
      expect(vscode.lines.join('\n')).toContain(`The workspace's coe (${script}) did not start`);
      expect(vscode.lines).toContain(`[info] Starting the bundled coe ${version()}: ${bundled()}`);
      expect(vscode.status).toMatchObject({ text: '$(check) coe', detail: `the bundled coe ${version()}` });
      expect(servers()).toHaveLength(1);
      // Told once, not in the client's own pop-ups; the old coe's error is in the output.
      expect(vscode.lines.filter((l) => l.startsWith('[popup]'))).toEqual([
        "[popup] coe: the workspace's coe 0.0.1 did not start, so the bundled coe runs instead.",
      ]);
      await eventually(() => vscode.lines).toContain("[error] error: unknown command 'lsp'");
    });

    it('runs the coe of coe.path when the workspace has none', async () => {
      const other = workspaceWithCoe('7.7.7');
      const vscode = await activate({
        folders: [mkdtempSync(path.join(dir, 'workspace-'))],
        settings: { 'coe.path': path.join(other, 'node_modules', 'coe') },
      });
      expect(vscode.status.detail).toBe('the coe of coe.path 7.7.7');
    });

    it("runs the bundled coe in an untrusted workspace, and the workspace's once it is trusted", async () => {
      const workspace = workspaceWithCoe('9.9.9');
      const vscode = await activate({ folders: [workspace], trusted: false });
      expect(vscode.lines).toContain('[info] The workspace is not trusted: its node_modules is not searched for coe.');
      expect(vscode.status.detail).toBe(`the bundled coe ${version()}`);
      vscode.trust();
      await eventually(() => vscode.status.detail).toBe("the workspace's coe 9.9.9");
      await eventually(() => servers()).toHaveLength(1);
    });

    it('starts nothing while coe.enable is false, and starts when it is turned on', async () => {
      const vscode = await activate({ settings: { 'coe.enable': false } });
      expect(vscode.lines).toContain('[info] coe is turned off (coe.enable is false).');
      expect(vscode.status).toMatchObject({ text: 'coe: off', detail: 'turned off by coe.enable' });
      expect(servers()).toEqual([]);
      vscode.configure({ 'coe.enable': true });
      await eventually(() => vscode.status.text).toBe('$(check) coe');
      expect(servers()).toHaveLength(1);
      vscode.configure({ 'coe.enable': false });
      await eventually(() => vscode.status.text).toBe('coe: off');
      await eventually(() => servers()).toEqual([]);
    });

    it('starts the coe that applies once folders or coe.path change', async () => {
      const vscode = await activate();
      expect(vscode.status.detail).toBe(`the bundled coe ${version()}`);
      const other = workspaceWithCoe('7.7.7');
      vscode.configure({ 'coe.path': path.join(other, 'node_modules', 'coe') });
      await eventually(() => vscode.status.detail).toBe('the coe of coe.path 7.7.7');
      expect(vscode.lines).toContain('[info] Restarting the server: settings changed.');
      vscode.setFolders([workspaceWithCoe('9.9.9')]);
      await eventually(() => vscode.status.detail).toBe("the workspace's coe 9.9.9");
      expect(vscode.lines).toContain('[info] Restarting the server: workspace folders changed.');
      await eventually(() => servers()).toHaveLength(1);
    });

    it('restarts the server with "coe: Restart server"', async () => {
      const vscode = await activate();
      const before = vscode.lines.filter((l) => l.includes('Starting the bundled coe')).length;
      await vscode.commands.get('coe.restartServer')!();
      expect(vscode.lines).toContain('[info] Restarting the server: restart asked for.');
      expect(vscode.lines.filter((l) => l.includes('Starting the bundled coe')).length).toBe(before + 1);
      expect(vscode.status.text).toBe('$(check) coe');
      await eventually(() => servers()).toHaveLength(1);
    });

    it('starts the server again when it crashes after a good start', async () => {
      const vscode = await activate();
      const [first] = servers();
      process.kill(Number(first!.split(' ')[0]), 'SIGKILL');
      await eventually(() => servers().length === 1 && servers()[0] !== first).toBe(true);
      await eventually(() => vscode.status.text).toBe('$(check) coe');
      expect(vscode.lines).toContain('[info] Connection to server got closed. Server will restart.');
    });

    it('traces the messages to the output channel when coe.trace.server is on', async () => {
      const quiet = await activate();
      expect(quiet.lines.join('\n')).not.toContain("Sending request 'initialize");
      await running!.extension.deactivate();
      const traced = await activate({ settings: { 'coe.trace.server': 'messages' } });
      expect(traced.lines.join('\n')).toContain("Sending request 'initialize");
      expect(traced.lines.join('\n')).toContain("Received response 'initialize");
    });

    it('turns the trace on without a restart', async () => {
      const vscode = await activate();
      vscode.configure({ 'coe.trace.server': 'verbose' });
      // The client tells the server the new trace level: the first message traced.
      await eventually(() => vscode.lines.join('\n')).toContain("Sending notification '$/setTrace'");
      expect(vscode.lines.filter((l) => l.includes('Starting the bundled coe'))).toHaveLength(1);
    });
  });
});
