// `coe.trace.server` on its own shows the messages between VS Code and coe,
// as in the ESLint extension. vscode-languageclient traces only into a
// channel whose log level is Trace; this channel says Trace while the
// setting is on and writes the trace into the coe channel at the level it
// shows by default.
import * as vscode from 'vscode';

export function traceChannel(target: vscode.LogOutputChannel, section: string): vscode.LogOutputChannel {
  const setting = () => vscode.workspace.getConfiguration(section).get<string>('trace.server', 'off');
  const on = () => setting() !== 'off';
  const changed = new vscode.EventEmitter<vscode.LogLevel>();
  const level = () => (on() ? vscode.LogLevel.Trace : target.logLevel);
  const listeners = [
    target.onDidChangeLogLevel(() => changed.fire(level())),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${section}.trace.server`)) changed.fire(level());
    }),
  ];
  return {
    name: target.name,
    get logLevel() {
      return level();
    },
    onDidChangeLogLevel: changed.event,
    trace: (message, ...args) => (on() ? target.info(message, ...args) : target.trace(message, ...args)),
    debug: (message, ...args) => target.debug(message, ...args),
    info: (message, ...args) => target.info(message, ...args),
    warn: (message, ...args) => target.warn(message, ...args),
    error: (error, ...args) => target.error(error, ...args),
    append: (value) => target.append(value),
    appendLine: (value) => target.appendLine(value),
    replace: (value) => target.replace(value),
    clear: () => target.clear(),
    show: (preserveFocus?: unknown) => target.show(preserveFocus === true),
    hide: () => target.hide(),
    // Its listeners only: the coe channel stays.
    dispose: () => {
      for (const listener of listeners) listener.dispose();
      changed.dispose();
    },
  };
}
