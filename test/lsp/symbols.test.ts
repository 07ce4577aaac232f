// The outline over JSON-RPC: the sections, their level-3 headings, and the
// lessons and action items under their sections.
import { describe, expect, it } from 'vitest';
import { DocumentSymbolRequest, SymbolKind, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { edit, MINIMAL, positionOf, serverForTests, textAt } from './client.js';

const session = serverForTests();

async function outline(text: string): Promise<DocumentSymbol[]> {
  const uri = session.folder.uri(`doc-${Math.random().toString(36).slice(2)}.md`);
  await session.client.open(uri, text);
  return (await session.client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
}

type Tree = [string, Tree[]?];
const tree = (symbols: DocumentSymbol[]): Tree[] => symbols.map((s) => (s.children?.length ? [s.name, tree(s.children)] : [s.name]));

describe('coe lsp document symbols', () => {
  it('outlines the sections, with the detection questions, the lessons and the action items', async () => {
    const symbols = await outline(MINIMAL);
    expect(tree(symbols)).toEqual([
      ['Impact'],
      ['Timeline'],
      ['Five whys'],
      [
        'Detection',
        [['Was detection fast enough?'], ['Did our metrics reflect the customer experience?'], ['Would we detect similar events?']],
      ],
      ['Dependencies'],
      ['Lessons', [['L1'], ['L2']]],
      ['Action items', [['AI-1'], ['AI-2']]],
    ]);
    const lessons = symbols.find((s) => s.name === 'Lessons')!;
    expect(lessons.kind).toBe(SymbolKind.Namespace);
    expect(lessons.selectionRange.start.line).toBe(positionOf(MINIMAL, '## Lessons').line);
    expect(lessons.children![1]).toMatchObject({ detail: 'Capacity must be adjustable without a deployment.' });
    expect(textAt(MINIMAL, lessons.children![1]!.selectionRange)).toBe('L2');
    const ai2 = symbols.find((s) => s.name === 'Action items')!.children![1]!;
    expect(ai2.detail).toBe('in-progress: Make the pool size adjustable at run time');
    expect(textAt(MINIMAL, ai2.selectionRange)).toBe('AI-2');
    // A section's range runs to its last block: Impact ends with its second paragraph.
    const impact = symbols[0]!;
    expect(impact.range.end.line).toBe(positionOf(MINIMAL, 'notification exactly once.').line);
  });

  it('names a heading written in another way, with the section it is, and keeps sections the format does not know', async () => {
    const text = edit(edit(MINIMAL, '## Impact', '## 1. Customer impact'), '## Dependencies', '## Notes\n\nSome notes.\n\n## Dependencies');
    const symbols = await outline(text);
    expect(symbols[0]).toMatchObject({ name: '1. Customer impact', detail: 'Impact' });
    expect(symbols.map((s) => s.name)).toContain('Notes');
    expect(symbols.find((s) => s.name === 'Notes')?.detail).toBeUndefined();
  });
});
