// `coe lsp`: the language server, speaking JSON-RPC on standard input and
// output. Nothing else may write to standard output, so console output goes
// to standard error.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server.js';
import type { CommandIO } from './io.js';

export interface LspOptions {
  /** Accepted for clients that pass it; standard input and output are the only transport. */
  stdio?: boolean;
}

export async function runLsp(_options: LspOptions, io: CommandIO): Promise<number> {
  const toStderr = (...args: unknown[]) => io.stderr.write(`${args.map(String).join(' ')}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.warn = toStderr;
  process.on('uncaughtException', (error) => toStderr(`coe lsp: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => toStderr(`coe lsp: ${String(reason)}`));
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, { cwd: io.cwd });
  // The connection ends the process when the client says exit or closes the pipe.
  return new Promise<number>(() => undefined);
}
