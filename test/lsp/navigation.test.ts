// Navigation between ids over JSON-RPC: go to the lesson or the action item
// row an `L<n>` / `AI-<n>` names, find every place it is named, and rename
// it everywhere in the document.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DefinitionRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type Location,
  type Position,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, edit, MINIMAL, positionOf, serverForTests, textAt } from './client.js';
import { lintString } from '../helpers/lint.js';

// AI-2 is named in the five whys too.
const TEXT = edit(MINIMAL, '→ L2', '→ L2, AI-2');
const lineOf = (needle: string) => positionOf(TEXT, needle).line;

const session = serverForTests();
let uri: string;

beforeAll(async () => {
  uri = session.folder.uri('coe.md');
  await session.client.open(uri, TEXT);
  await session.client.diagnosticsOf(uri);
});

const at = (position: Position) => ({ textDocument: { uri }, position });
const definition = async (position: Position) =>
  (await session.client.connection.sendRequest(DefinitionRequest.type, at(position))) as Location[] | null;
const references = async (position: Position, includeDeclaration: boolean) =>
  session.client.connection.sendRequest(ReferencesRequest.type, { ...at(position), context: { includeDeclaration } });
const rename = async (position: Position, newName: string) =>
  session.client.connection.sendRequest(RenameRequest.type, { ...at(position), newName }) as Promise<WorkspaceEdit | null>;
/** Where each location is: its line (0-based) and the text it covers. */
const places = (locations: Location[] | null) => (locations ?? []).map((l) => [l.range.start.line, textAt(TEXT, l.range)]);

describe('coe lsp navigation', () => {
  it('goes from a lesson id to the lesson that defines it', async () => {
    const fromWhys = await definition(positionOf(TEXT, '→ L1', { offset: 3 }));
    expect(places(fromWhys)).toEqual([[lineOf('- **L1:**'), 'L1']]);
    expect(fromWhys![0]!.uri).toBe(uri);
    // From the Lessons cell of an action item, the cursor just after the id.
    const fromCell = await definition(positionOf(TEXT, '| L1 |', { offset: 4 }));
    expect(places(fromCell)).toEqual([[lineOf('- **L1:**'), 'L1']]);
  });

  it('goes from an action item id to its row', async () => {
    const fromWhys = await definition(positionOf(TEXT, ', AI-2', { offset: 4 }));
    expect(places(fromWhys)).toEqual([[lineOf('| AI-2 |'), 'AI-2']]);
    expect(fromWhys![0]!.range.start.character).toBe(2);
  });

  it('has no definition for an id that nothing defines, nor for prose', async () => {
    const undefinedId = edit(TEXT, '→ L2, AI-2', '→ L2, AI-9');
    const other = session.folder.uri('undefined.md');
    await session.client.open(other, undefinedId);
    await session.client.diagnosticsOf(other);
    const position = positionOf(undefinedId, 'AI-9', { offset: 1 });
    expect(await session.client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: other }, position })).toBeNull();
    expect(await definition(positionOf(TEXT, 'merchants received'))).toBeNull();
  });

  it('finds every place an id is named, with or without its definition', async () => {
    const position = positionOf(TEXT, '- **L1:**', { offset: 5 });
    const all = [
      [lineOf('→ L1'), 'L1'],
      [lineOf('- **L1:**'), 'L1'],
      [lineOf('| AI-1 |'), 'L1'],
    ];
    expect(places(await references(position, true))).toEqual(all);
    expect(places(await references(position, false))).toEqual([all[0], all[2]]);
    expect(places(await references(positionOf(TEXT, '| AI-2 |', { offset: 3 }), true))).toEqual([
      [lineOf('→ L2, AI-2'), 'AI-2'],
      [lineOf('| AI-2 |'), 'AI-2'],
    ]);
    expect(await references(positionOf(TEXT, 'merchants received'), true)).toBeNull();
  });

  it('renames a lesson id everywhere in the document, and the document still lints the same', async () => {
    const position = positionOf(TEXT, '→ L1', { offset: 2 });
    const prepared = await session.client.connection.sendRequest(PrepareRenameRequest.type, at(position));
    expect(prepared).toMatchObject({ placeholder: 'L1' });
    const result = await rename(position, 'L7');
    expect(result?.changes?.[uri]).toHaveLength(3);
    const renamed = applyWorkspaceEdit(TEXT, result!, uri);
    expect(renamed).not.toMatch(/\bL1\b/);
    expect(renamed).toContain('→ L7\n');
    expect(renamed).toContain('- **L7:** A setting must have one source of truth.');
    expect(renamed).toContain('| validated | L7 |');
    const codes = (text: string) => lintString(text, { now: '2025-10-01' }).map((m) => m.ruleId);
    expect(codes(renamed)).toEqual(codes(TEXT));
  });

  it('renames an action item id from its row, and takes the number alone', async () => {
    const result = await rename(positionOf(TEXT, '| AI-2 |', { offset: 4 }), '5');
    const renamed = applyWorkspaceEdit(TEXT, result!, uri);
    expect(renamed).toContain('→ L2, AI-5\n');
    expect(renamed).toContain('| AI-5 | Make the pool size adjustable');
    expect(renamed).not.toContain('AI-2');
  });

  it('refuses a name that is not an id of the kind, or an id already defined', async () => {
    const position = positionOf(TEXT, '→ L1', { offset: 2 });
    await expect(rename(position, 'AI-3')).rejects.toThrow(/"AI-3" is not a lesson id: write one like L5/);
    await expect(rename(position, 'L2')).rejects.toThrow(/L2 is already defined in this document/);
    expect(await session.client.connection.sendRequest(PrepareRenameRequest.type, at(positionOf(TEXT, 'merchants received')))).toBeNull();
  });
});
