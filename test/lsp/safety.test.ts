// Safety of `coe lsp`: it never writes a file, whatever it is asked; a
// document it cannot read gets one diagnostic and the server goes on
// answering; a document over the limits is skipped with one diagnostic.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  ReferencesRequest,
  RenameRequest,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, edit, LspClient, MINIMAL, positionOf, tempFolder } from './client.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function session(files: Record<string, string> = {}) {
  const folder = tempFolder(files);
  const client = await LspClient.start({ cwd: folder.dir });
  cleanup.push(folder.remove, () => client.stop());
  return { folder, client };
}

/** Every file under `dir`, with its bytes and modification time. */
function snapshot(dir: string): Record<string, { mtimeMs: number; text: string }> {
  const out: Record<string, { mtimeMs: number; text: string }> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const file = path.join(at, entry.name);
      if (entry.isDirectory()) walk(file);
      else out[path.relative(dir, file)] = { mtimeMs: statSync(file).mtimeMs, text: readFileSync(file, 'latin1') };
    }
  };
  walk(dir);
  return out;
}

/** Asks every feature about a position; each must answer, whatever the document. */
async function askEverything(client: LspClient, uri: string, position: { line: number; character: number }) {
  const textDocument = { uri };
  const range = { start: position, end: position };
  const c = client.connection;
  return {
    actions: await c.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }),
    hover: await c.sendRequest(HoverRequest.type, { textDocument, position }),
    completion: await c.sendRequest(CompletionRequest.type, { textDocument, position }),
    definition: await c.sendRequest(DefinitionRequest.type, { textDocument, position }),
    references: await c.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }),
    symbols: await c.sendRequest(DocumentSymbolRequest.type, { textDocument }),
  };
}

// A missing section, an undefined reference, a lesson without an action item, a done item, a blaming word.
const BROKEN = edit(
  edit(
    edit(MINIMAL.replace(/## Detection[^]*?(?=## Dependencies)/, ''), '→ L2', '→ L2, AI-7, L9'),
    '| in-progress | L2 | Resize in staging under load |',
    '| done | L2 | Resize in staging under load |',
  ),
  'Payments themselves',
  'A careless change. Payments themselves',
);

describe('coe lsp safety', () => {
  it('never writes a file: a session of edits, quick fixes, renames and saves leaves the folder as it was', async () => {
    const { folder, client } = await session({
      '.coerc.json': JSON.stringify({ rules: { 'no-secrets': 'warn' } }),
      'coe.md': BROKEN,
      'notes.md': '# Notes\n',
    });
    const before = snapshot(folder.dir);
    const uri = folder.uri('coe.md');
    await client.open(uri, BROKEN);
    const diagnostics = await client.diagnosticsOf(uri);
    expect(diagnostics.length).toBeGreaterThan(4);
    // Every quick fix offered, applied in the client's copy one after the other.
    let text = BROKEN;
    let applied = 0;
    for (const diagnostic of diagnostics) {
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      expect(actions.length).toBeGreaterThan(0);
      text = applyWorkspaceEdit(text, actions[0]!.edit!, uri);
      await client.diagnosticsOf(uri, await client.change(uri, text));
      applied++;
      if (applied === 3) break;
    }
    const rename = await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position: positionOf(text, '→ L1', { offset: 2 }),
      newName: 'L5',
    });
    text = applyWorkspaceEdit(text, rename!, uri);
    await client.diagnosticsOf(uri, await client.change(uri, text));
    await askEverything(client, uri, positionOf(text, '→ L5', { offset: 3 }));
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: folder.uri('.coerc.json'), type: FileChangeType.Changed }],
    });
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await client.stop();
    expect(text).not.toBe(BROKEN);
    expect(snapshot(folder.dir)).toEqual(before);
  });

  it('gives a document it cannot read one diagnostic, and goes on answering', async () => {
    const { folder, client } = await session();
    const uri = folder.uri('binary.md');
    const text = `${MINIMAL.slice(0, 200)}\u0000\u0001${MINIMAL.slice(200)}`;
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsOf(uri);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'fatal', severity: 1, message: expect.stringContaining('binary') })]);
    expect(await askEverything(client, uri, positionOf(text, '→ L1', { offset: 3 }))).toEqual({
      actions: [],
      hover: null,
      completion: [],
      definition: null,
      references: null,
      symbols: [],
    });
    // The same server lints the next document.
    const good = folder.uri('good.md');
    await client.open(good, MINIMAL);
    expect(await client.diagnosticsOf(good)).toEqual([]);
    expect(client.exitCode).toBeNull();
  });

  it('answers every request on odd documents without failing', async () => {
    const { folder, client } = await session();
    const odd = [
      '',
      '---',
      '---\ncoe: 1\n',
      '---\ncoe: 1\ntitle: [unclosed\n---\n\n## Impact\n',
      '---\ncoe: 1\n---\n\n## Lessons\n\n- **L1:**\n- **L1:**\n\n## Action items\n\n| ID |\n|---|\n| AI-1 |\n',
      `\uFEFF${MINIMAL.replace(/\n/g, '\r\n')}`,
      edit(MINIMAL, 'Payments themselves', 'Payments \uD83D themselves 😀 \u200B'),
      `${'- a\n'.repeat(3)}${'  '.repeat(60)}- deep\n`,
      edit(MINIMAL, '## Five whys', `## Five whys\n\n${'> '.repeat(50)}quote`),
    ];
    for (const [i, text] of odd.entries()) {
      const uri = folder.uri(`odd-${i}.md`);
      await client.open(uri, text);
      const lines = text.split('\n');
      const last = { line: lines.length - 1, character: lines.at(-1)!.length };
      for (const position of [{ line: 0, character: 0 }, last, { line: Math.floor(lines.length / 2), character: 3 }]) {
        await askEverything(client, uri, position);
      }
    }
    expect(client.exitCode).toBeNull();
    expect(client.stderr.join('')).not.toMatch(/failed/);
  });

  it('skips a document over the limits with one diagnostic, and leaves other large Markdown alone', async () => {
    const { folder, client } = await session();
    const uri = folder.uri('large.md');
    const large = `${MINIMAL}\n${'More notes on the incident.\n\n'.repeat(2_100)}`;
    await client.open(uri, large);
    const diagnostics: Diagnostic[] = await client.diagnosticsOf(uri);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'fatal', message: expect.stringMatching(/over a limit of what coe reads: more than 4000 lines/) }),
    ]);
    expect(await askEverything(client, uri, positionOf(large, '→ L1', { offset: 3 }))).toMatchObject({
      hover: null,
      completion: [],
      symbols: [],
    });
    // Larger than the size limit: the same one diagnostic, whatever the change.
    const huge = `${MINIMAL}\n${'x'.repeat(140_000)}\n`;
    const version = await client.change(uri, huge);
    expect(await client.diagnosticsOf(uri, version)).toEqual([
      expect.objectContaining({ code: 'fatal', message: 'File is larger than the limit of 131072 bytes' }),
    ]);
    // Markdown that is not a COE is left alone, large or not.
    const other = folder.uri('other.md');
    await client.open(other, `# Notes\n\n${'x'.repeat(140_000)}\n`);
    await client.open(folder.uri('after.md'), MINIMAL);
    await client.diagnosticsOf(folder.uri('after.md'));
    expect(client.diagnostics.get(other)).toBeUndefined();
  });
});
