// `npm run package:vscode` as a user runs it: the .vsix it writes holds the
// manifest, the bundled client and a copy of coe that starts on its own,
// outside this repository, and answers as `coe lsp` does.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      'extension/server/dist/bundle/cli.js',
      'extension/server/dist/bundle/worker.js',
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
});
