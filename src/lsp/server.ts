// The language server: diagnostics as a COE is written, quick fixes,
// navigation between ids, hover, completion and the outline. It reads every
// document through the engine of `coe lint` (analysis.ts) and never writes a
// file: a fix is a WorkspaceEdit that the client applies to its buffer.
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDay, today } from '../util/time.js';
import { analyze, type Analysis } from './analysis.js';
import { ConfigStore, isConfigFile } from './config.js';
import { toDiagnostic } from './diagnostics.js';
import { fileNameOf, filePathOf, folderOf } from './documents.js';
import { codeActions } from './fixes.js';
import { completions } from './completion.js';
import { hover } from './hover.js';
import { definition, prepareRename, references, rename } from './navigation.js';
import { documentSymbols } from './symbols.js';
import { forgetTemplates } from './template.js';
import { SEARCH_PLACES } from '../config/load.js';

/** How long the server waits after the last change before it lints, by default (ms). */
export const DEFAULT_DEBOUNCE_MS = 250;

export interface ServerOptions {
  /** The folder of documents that have no file and no workspace folder. */
  cwd: string;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, Analysis>();
  /** Counts configuration changes: an analysis read before the last one is not kept. */
  let generation = 0;
  const inflight = new Map<string, { version: number; analysis: Promise<Analysis | undefined> }>();
  const timers = new Map<string, NodeJS.Timeout>();
  const published = new Set<string>();
  const configs = new ConfigStore((message) =>
    connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }),
  );
  let workspaceFolders: string[] = [];
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let watchFiles = false;
  let versioned = false;
  /** A fixed date for action-item-overdue (initializationOptions.now); otherwise today, as `coe lint`. */
  let now: string | undefined;

  const log = (text: string) => connection.console.error(text);

  /** A handler that answers `fallback` instead of failing: one bad document must not take the server down. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>) {
    return async (params: P, _token?: CancellationToken): Promise<R> => {
      try {
        return await handler(params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        log(`coe lsp: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  // Documents the server reads: not the configuration files a client may also send.
  const linted = (uri: string) => {
    const file = filePathOf(uri);
    return !file || !isConfigFile(file);
  };

  /** The analysis of a document's current version: read once, however many ask for it meanwhile. */
  function analysisOf(uri: string): Promise<Analysis | undefined> {
    const document = documents.get(uri);
    if (!document || !linted(uri)) return Promise.resolve(undefined);
    const cached = analyses.get(uri);
    if (cached?.version === document.version) return Promise.resolve(cached);
    const running = inflight.get(uri);
    if (running?.version === document.version) return running.analysis;
    const analysis = readAnalysis(uri, document).finally(() => {
      if (inflight.get(uri)?.analysis === analysis) inflight.delete(uri);
    });
    inflight.set(uri, { version: document.version, analysis });
    return analysis;
  }

  async function readAnalysis(uri: string, document: TextDocument): Promise<Analysis> {
    const read = generation;
    const folder = folderOf(uri, workspaceFolders, options.cwd);
    const config = await configs.forFolder(folder);
    // The text may have changed while the configuration was read: read the latest.
    const current = documents.get(uri) ?? document;
    const analysis = analyze(fileNameOf(uri), current.getText(), { version: current.version, folder }, config, {
      now: now ?? today(),
      internalTerms: config.internalTerms,
    });
    const stored = analyses.get(uri);
    // Kept unless newer, or read with a configuration that has changed since.
    if (read === generation && (!stored || stored.version <= analysis.version)) analyses.set(uri, analysis);
    return analysis;
  }

  /** The analysis of a COE with a model, for the features that read one. */
  async function modelOf(uri: string) {
    const analysis = await analysisOf(uri);
    return analysis?.isCoe && analysis.doc ? { analysis, doc: analysis.doc } : undefined;
  }

  async function publish(uri: string): Promise<void> {
    const analysis = await analysisOf(uri);
    const document = documents.get(uri);
    if (!analysis || !document || document.version !== analysis.version) return;
    if (!analysis.isCoe) {
      // Other Markdown is left alone; clear what was shown while it was a COE.
      if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const lines = analysis.doc?.lines ?? document.getText().split(/\r?\n|\r/);
    const diagnostics = analysis.messages.map((m) => toDiagnostic(m, lines));
    published.add(uri);
    void connection.sendDiagnostics({ uri, version: analysis.version, diagnostics });
  }

  const safePublish = (uri: string) =>
    publish(uri).catch((error: unknown) => log(`coe lsp: lint failed: ${error instanceof Error ? error.message : String(error)}`));

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void safePublish(uri);
      }, delay),
    );
  }

  function relintAll(): void {
    generation++;
    analyses.clear();
    inflight.clear();
    for (const document of documents.all()) schedule(document.uri, 0);
  }

  function configurationChanged(): void {
    configs.invalidate();
    forgetTemplates();
    relintAll();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    workspaceFolders = (params.workspaceFolders ?? []).flatMap((f) => filePathOf(f.uri) ?? []);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [filePathOf(params.rootUri) ?? ''].filter(Boolean);
    const init = params.initializationOptions as { debounceMs?: unknown; now?: unknown } | undefined;
    if (typeof init?.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    if (typeof init?.now === 'string' && parseDay(init.now) !== undefined) now = init.now;
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    versioned = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['#', '-', ' '] },
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'coe' },
    };
  });

  connection.onInitialized(() => {
    if (!watchFiles) return;
    const watchers = SEARCH_PLACES.map((name) => ({ globPattern: `**/${name}` }));
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
  });

  connection.onDidChangeWatchedFiles(
    guard('watched files', undefined, (params) => {
      if (params.changes.some((c) => isConfigFile(filePathOf(c.uri) ?? ''))) configurationChanged();
    }),
  );

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri, debounceMs));
  documents.onDidSave(
    guard('save', undefined, (e: { document: TextDocument }) => {
      if (isConfigFile(filePathOf(e.document.uri) ?? '')) return configurationChanged();
      // A save lints at once, and reads the configuration again if its file changed.
      analyses.delete(e.document.uri);
      inflight.delete(e.document.uri);
      schedule(e.document.uri, 0);
    }),
  );
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    analyses.delete(e.document.uri);
    inflight.delete(e.document.uri);
    if (published.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction(
    guard('code action', [], async (params) => {
      const model = await modelOf(params.textDocument.uri);
      if (!model) return [];
      return codeActions(model.analysis, model.doc, params, { uri: params.textDocument.uri, version: model.analysis.version, versioned });
    }),
  );
  connection.onDefinition(
    guard('definition', null, async (params) => {
      const model = await modelOf(params.textDocument.uri);
      return model ? definition(model.doc, params.textDocument.uri, params.position) : null;
    }),
  );
  connection.onReferences(
    guard('references', null, async (params) => {
      const model = await modelOf(params.textDocument.uri);
      return model ? references(model.doc, params.textDocument.uri, params.position, params.context.includeDeclaration) : null;
    }),
  );
  connection.onPrepareRename(
    guard('prepare rename', null, async (params) => {
      const model = await modelOf(params.textDocument.uri);
      return model ? prepareRename(model.doc, params.position) : null;
    }),
  );
  connection.onRenameRequest(
    guard('rename', null, async (params) => {
      const model = await modelOf(params.textDocument.uri);
      return model ? rename(model.doc, params.textDocument.uri, params.position, params.newName) : null;
    }),
  );
  connection.onHover(
    guard('hover', null, async (params) => {
      const model = await modelOf(params.textDocument.uri);
      return model ? hover(model.analysis, model.doc, params.position) : null;
    }),
  );
  connection.onCompletion(
    guard('completion', [], async (params) => {
      const uri = params.textDocument.uri;
      const document = documents.get(uri);
      if (!document) return [];
      // While typing, the last model read serves when no line was added or
      // removed since: completion must not wait for a full lint.
      let analysis = analyses.get(uri);
      if (!analysis?.doc || analysis.doc.lines.length !== document.lineCount) analysis = await analysisOf(uri);
      if (!analysis?.isCoe || !analysis.doc) return [];
      const line = params.position.line;
      const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
      return completions(analysis, analysis.doc, params.position, text);
    }),
  );
  connection.onDocumentSymbol(
    guard('document symbols', [], async (params) => {
      const model = await modelOf(params.textDocument.uri);
      return model ? documentSymbols(model.doc) : [];
    }),
  );

  documents.listen(connection);
  connection.listen();
}
