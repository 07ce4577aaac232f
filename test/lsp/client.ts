import { afterAll, beforeAll } from 'vitest';
// A real client for the protocol tests: starts the built `coe lsp` as a
// child process and speaks JSON-RPC to it over its standard input and
// output, as an editor does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  type ClientCapabilities,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { BIN, FIXTURES } from '../helpers/lint.js';

export const MINIMAL = readFileSync(path.join(FIXTURES, 'minimal.md'), 'utf8');

export interface StartOptions {
  cwd?: string;
  capabilities?: ClientCapabilities;
  debounceMs?: number;
  /** The date action-item-overdue compares with (default: a fixed day before every due date of the fixtures). */
  now?: string | null;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly messages: ShowMessageParams[] = [];
  readonly registrations: unknown[] = [];
  readonly stderr: string[] = [];
  private readonly waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();
  exitCode: number | null = null;

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, [...(this.diagnostics.get(params.uri) ?? []), params]);
      this.wake();
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
      this.wake();
    });
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(params);
    });
    this.connection.onRequest('workspace/configuration', () => []);
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    child.on('exit', (code) => {
      this.exitCode = code;
      this.wake();
    });
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const cwd = options.cwd ?? tmpdir();
    const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd, stdio: 'pipe' });
    const client = new LspClient(child);
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(cwd).href,
      workspaceFolders: [{ uri: pathToFileURL(cwd).href, name: 'test' }],
      capabilities: options.capabilities ?? {
        workspace: { workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      },
      initializationOptions: {
        debounceMs: options.debounceMs ?? 20,
        ...(options.now === null ? {} : { now: options.now ?? '2025-10-01' }),
      },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until `check` returns a value, or fails after `ms`. */
  async until<T>(check: () => T | undefined, what: string, ms = 10_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.join('')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The diagnostics of a document's version, once published. */
  async diagnosticsOf(uri: string, version = this.versions.get(uri)): Promise<Diagnostic[]> {
    return this.until(
      () => this.diagnostics.get(uri)?.find((p) => p.version === version)?.diagnostics,
      `diagnostics of ${uri} version ${version}`,
    );
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text, as a new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  async stop(): Promise<void> {
    if (this.exitCode === null) {
      await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
      await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
      await this.until(() => (this.exitCode === null ? undefined : true), 'the server to exit', 5_000).catch(() => this.child.kill());
    }
    this.connection.dispose();
  }
}

/** Applies a WorkspaceEdit's edits for one document to its text, as a client would. */
export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit, uri: string): string {
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  edits.push(...(edit.changes?.[uri] ?? []));
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => {
    let o = 0;
    for (let i = 0; i < p.line; i++) o += (lines[i]?.length ?? 0) + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** A temporary folder with files, removed by the returned function. */
export function tempFolder(files: Record<string, string> = {}): { dir: string; uri: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'coe-lsp-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return { dir, uri: (name) => pathToFileURL(path.join(dir, name)).href, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Replaces exactly one occurrence of `from`. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`edit: "${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The position of the `nth` occurrence of `needle` in `text`, `offset` characters into it. */
export function positionOf(text: string, needle: string, { nth = 0, offset = 0 } = {}): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`positionOf: occurrence ${nth} of "${needle}" not found`);
  }
  const before = text.slice(0, at + offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/** The text a range covers. */
export function textAt(
  text: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
): string {
  const lines = text.split('\n');
  if (range.start.line !== range.end.line) throw new Error('textAt: a range on one line');
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

/** A client and the temporary folder its server runs in. */
export interface ServerSession {
  client: LspClient;
  folder: ReturnType<typeof tempFolder>;
}

/** `coe lsp` in a temporary folder for the tests of one file: started before them, stopped after. */
export function serverForTests(): ServerSession {
  const session = {} as ServerSession;
  beforeAll(async () => {
    session.folder = tempFolder();
    session.client = await LspClient.start({ cwd: session.folder.dir });
  });
  afterAll(async () => {
    await session.client?.stop();
    session.folder?.remove();
  });
  return session;
}
