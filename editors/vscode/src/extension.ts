// The coe extension for VS Code: a thin client that starts `coe lsp` (the
// workspace's own coe when it has one, else `coe.path`, else the copy bundled
// here) for Markdown files. The server decides which files are COEs; this
// only starts, restarts and stops it, and says which coe runs.
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { resolveServer, type FileLookup, type ServerChoice } from './resolve.js';
import { traceChannel } from './trace.js';

const SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
];

const disk: FileLookup = {
  isFile: (file) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false,
  isDirectory: (dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false,
};

const SOURCE_NAMES: Record<ServerChoice['source'], string> = {
  workspace: "the workspace's coe",
  setting: 'the coe of coe.path',
  bundled: 'the bundled coe',
};

// A copy that fails to start is replaced by the bundled one: its failure is
// told once, by the extension, not in the client's own error pop-ups.
class CoeClient extends LanguageClient {
  quiet = false;
  override error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
    super.error(message, data, this.quiet ? false : showNotification);
  }
}

// While the server starts, a closed connection fails the start (and the
// bundled coe may take over); after a good start, a crash restarts the
// server, as in every language client, up to 4 times in 3 minutes.
class StartErrors implements ErrorHandler {
  started = false;
  afterStart: ErrorHandler | undefined;
  error(...args: Parameters<ErrorHandler['error']>) {
    return this.afterStart!.error(...args);
  }
  closed() {
    return this.started && this.afterStart ? this.afterStart.closed() : { action: CloseAction.DoNotRestart, handled: true };
  }
}

let output: vscode.LogOutputChannel;
let trace: vscode.LogOutputChannel;
let status: vscode.LanguageStatusItem;
let bundled: string;
let client: LanguageClient | undefined;
// Starts and stops run one after another, never interleaved.
let queue: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): Promise<void> {
  bundled = context.asAbsolutePath(path.join('server', 'bin', 'coe.js'));
  output = vscode.window.createOutputChannel('coe', { log: true });
  trace = traceChannel(output, 'coe');
  status = vscode.languages.createLanguageStatusItem('coe.status', SELECTOR);
  status.name = 'coe';
  status.command = { title: 'Show output', command: 'coe.showOutputChannel' };
  context.subscriptions.push(
    output,
    trace,
    status,
    vscode.commands.registerCommand('coe.restartServer', () => restart('restart asked for')),
    vscode.commands.registerCommand('coe.showOutputChannel', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('coe.enable') || e.affectsConfiguration('coe.path')) void restart('settings changed');
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => restart('workspace folders changed')),
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart('workspace trusted')),
  );
  return restart();
}

export function deactivate(): Promise<void> {
  return (queue = queue.then(stop));
}

function restart(reason?: string): Promise<void> {
  queue = queue
    .then(async () => {
      if (reason && client) log(`Restarting the server: ${reason}.`);
      await stop();
      await start();
    })
    .catch((error: unknown) => {
      log(`The server could not start: ${messageOf(error)}`);
      show('failed', `could not start: ${messageOf(error)}`);
    });
  return queue;
}

async function start(): Promise<void> {
  const config = vscode.workspace.getConfiguration('coe');
  if (!config.get<boolean>('enable', true)) {
    log('coe is turned off (coe.enable is false).');
    show('off', 'turned off by coe.enable');
    return;
  }
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const choice = resolveServer(
    { folders, setting: config.get<string>('path'), bundled, trusted: vscode.workspace.isTrusted, home: os.homedir() },
    disk,
  );
  for (const note of choice.notes) log(note);
  try {
    await startWith(choice, folders[0]);
  } catch (error) {
    if (choice.source === 'bundled') throw error;
    // An older coe without `coe lsp`, or a broken install: the bundled one still helps.
    const why = `${capitalize(SOURCE_NAMES[choice.source])} (${choice.script}) did not start: ${messageOf(error)}`;
    log(`${why}. Starting the bundled coe.`);
    const which = describe(choice, versionOf(choice.script));
    void vscode.window.showWarningMessage(`coe: ${which} did not start, so the bundled coe runs instead.`, 'Show output').then((answer) => {
      if (answer) output.show(true);
    });
    await startWith({ script: bundled, source: 'bundled', notes: [] }, folders[0]);
  }
}

async function startWith(choice: ServerChoice, cwd: string | undefined): Promise<void> {
  const version = versionOf(choice.script);
  log(`Starting ${describe(choice, version)}: ${choice.script}`);
  show('starting', describe(choice, version));
  // The client adds --stdio; Node is VS Code's own (Node 20 since VS Code 1.91).
  const run = { module: choice.script, args: ['lsp'], transport: TransportKind.stdio, options: cwd ? { cwd } : {} };
  const serverOptions: ServerOptions = { run, debug: run };
  const errors = new StartErrors();
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    traceOutputChannel: trace,
    diagnosticCollectionName: 'coe',
    // A server that fails to start is not started again and again: start() fails, once.
    initializationFailedHandler: () => false,
    errorHandler: errors,
  };
  const next = new CoeClient('coe', 'coe', serverOptions, clientOptions);
  errors.afterStart = next.createDefaultErrorHandler(4);
  next.quiet = choice.source !== 'bundled';
  next.onDidChangeState((e) => {
    if (client !== next) return;
    if (e.newState === State.Running) show('running', describe(choice, version));
    // Stopped without being asked: the server crashed more often than the client restarts it.
    if (e.newState === State.Stopped) show('failed', `${describe(choice, version)}: stopped, see the output`);
  });
  client = next;
  try {
    await next.start();
  } catch (error) {
    client = undefined;
    await next.dispose().catch(() => undefined);
    throw error;
  } finally {
    next.quiet = false;
  }
  errors.started = true;
  show('running', describe(choice, version));
}

async function stop(): Promise<void> {
  const current = client;
  client = undefined;
  if (current?.needsStop()) await current.stop().catch((error: unknown) => log(`Stopping the server: ${messageOf(error)}`));
}

type Shown = 'starting' | 'running' | 'failed' | 'off';

function show(state: Shown, detail: string): void {
  status.text =
    state === 'failed' ? '$(error) coe' : state === 'off' ? 'coe: off' : state === 'starting' ? '$(loading~spin) coe' : '$(check) coe';
  status.detail = detail;
  status.severity = state === 'failed' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
  status.busy = state === 'starting';
}

function describe(choice: ServerChoice, version: string | undefined): string {
  return `${SOURCE_NAMES[choice.source]}${version ? ` ${version}` : ''}`;
}

/** The version in the package.json of the coe whose bin/coe.js this is. */
function versionOf(script: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.resolve(script, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

function log(message: string): void {
  output.info(message);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
