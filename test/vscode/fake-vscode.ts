// Just enough of the `vscode` module to run the packed extension in Node:
// settings, workspace folders and trust, the output channel, the language
// status item, commands and file watchers are real and recorded; anything
// else vscode-languageclient touches is a stub that does nothing. The
// extension's client and the coe it starts are the real ones.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Listener<T> = (event: T) => unknown;

class Disposable {
  constructor(private readonly onDispose: () => void = () => undefined) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

class EventEmitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>, thisArg?: unknown, disposables?: Disposable[]) => {
    const bound: Listener<T> = (e) => listener.call(thisArg, e);
    this.listeners.add(bound);
    const disposable = new Disposable(() => this.listeners.delete(bound));
    disposables?.push(disposable);
    return disposable;
  };
  fire(event: T): void {
    for (const listener of [...this.listeners]) listener(event);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class Uri {
  private constructor(
    readonly scheme: string,
    readonly fsPath: string,
  ) {}
  static file(file: string): Uri {
    return new Uri('file', path.resolve(file));
  }
  static parse(value: string): Uri {
    return value.startsWith('file:') ? new Uri('file', new URL(value).pathname) : new Uri(value.split(':')[0] ?? '', value);
  }
  get path(): string {
    return this.fsPath;
  }
  toString(): string {
    return this.scheme === 'file' ? pathToFileURL(this.fsPath).href : this.fsPath;
  }
  toJSON(): string {
    return this.toString();
  }
}

/** A value that can be called, constructed and read from without end, and does nothing. */
function stub(): unknown {
  const target = function () {} as unknown as object;
  const handler: ProxyHandler<object> = {
    get: (_t, key) => {
      if (key === 'then' || key === 'toJSON') return undefined;
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => '';
      if (key === 'prototype') return {};
      if (key === 'dispose') return () => undefined;
      return stub();
    },
    apply: () => stub(),
    construct: () => stub() as object,
  };
  return new Proxy(target, handler);
}

/** An object whose missing members are stubs. */
function withStubs<T extends object>(members: T): T {
  return new Proxy(members, { get: (t, key) => (key in t ? (t as Record<string | symbol, unknown>)[key] : stub()) });
}

export interface FakeVscodeOptions {
  folders?: string[];
  settings?: Record<string, unknown>;
  trusted?: boolean;
}

export function fakeVscode(options: FakeVscodeOptions = {}) {
  const settings = new Map(Object.entries(options.settings ?? {}));
  const lines: string[] = [];
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const watchers: string[] = [];
  const configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
  const trustGranted = new EventEmitter<void>();
  const foldersChanged = new EventEmitter<unknown>();
  const asFolders = (folders: string[]) => folders.map((folder, index) => ({ uri: Uri.file(folder), name: path.basename(folder), index }));
  let workspaceFolders = asFolders(options.folders ?? []);
  const status = { text: '', detail: '', busy: false, severity: 0, name: '', command: undefined as unknown, dispose: () => undefined };
  const state = { trusted: options.trusted ?? true };
  const LogLevel = { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 };

  const outputChannel = (name: string) => {
    const write = (level: string) => (message: unknown) => lines.push(`[${level}] ${String(message)}`);
    return {
      name,
      logLevel: LogLevel.Info,
      onDidChangeLogLevel: new EventEmitter<number>().event,
      trace: () => undefined, // Shown only at the Trace level, which this channel is not at.
      debug: () => undefined,
      info: write('info'),
      warn: write('warning'),
      error: write('error'),
      append: write('info'),
      appendLine: write('info'),
      replace: () => undefined,
      clear: () => undefined,
      show: () => undefined,
      hide: () => undefined,
      dispose: () => undefined,
    };
  };

  const api = withStubs({
    version: '1.91.0',
    Disposable,
    EventEmitter,
    Uri,
    LogLevel,
    LanguageStatusSeverity: { Information: 0, Warning: 1, Error: 2 },
    window: withStubs({
      createOutputChannel: outputChannel,
      showErrorMessage: async (message: string) => void lines.push(`[popup] ${message}`),
      showWarningMessage: async (message: string) => void lines.push(`[popup] ${message}`),
      showInformationMessage: async (message: string) => void lines.push(`[popup] ${message}`),
    }),
    languages: withStubs({
      createLanguageStatusItem: () => status,
    }),
    commands: withStubs({
      registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
        commands.set(id, run);
        return new Disposable(() => commands.delete(id));
      },
      executeCommand: async (id: string, ...args: unknown[]) => commands.get(id)?.(...args),
    }),
    workspace: withStubs({
      get workspaceFolders() {
        return workspaceFolders;
      },
      onDidChangeWorkspaceFolders: foldersChanged.event,
      get isTrusted() {
        return state.trusted;
      },
      textDocuments: [],
      getConfiguration: (section?: string) => ({
        get: (key: string, fallback?: unknown) => {
          const full = section ? `${section}.${key}` : key;
          return settings.has(full) ? settings.get(full) : fallback;
        },
        has: (key: string) => settings.has(section ? `${section}.${key}` : key),
      }),
      onDidChangeConfiguration: configurationChanged.event,
      onDidGrantWorkspaceTrust: trustGranted.event,
      createFileSystemWatcher: (pattern: unknown) => {
        watchers.push(typeof pattern === 'string' ? pattern : String((pattern as { pattern?: unknown }).pattern));
        return withStubs({ dispose: () => undefined });
      },
    }),
  });

  return {
    api,
    lines,
    commands,
    watchers,
    status,
    /** Changes settings, and tells the extension as VS Code does. */
    configure(changes: Record<string, unknown>) {
      for (const [key, value] of Object.entries(changes)) settings.set(key, value);
      const keys = Object.keys(changes);
      configurationChanged.fire({ affectsConfiguration: (section) => keys.some((k) => k === section || k.startsWith(`${section}.`)) });
    },
    /** Replaces the workspace folders, and tells the extension. */
    setFolders(folders: string[]) {
      workspaceFolders = asFolders(folders);
      foldersChanged.fire({ added: workspaceFolders, removed: [] });
    },
    trust() {
      state.trusted = true;
      trustGranted.fire();
    },
  };
}

export type FakeVscode = ReturnType<typeof fakeVscode>;
