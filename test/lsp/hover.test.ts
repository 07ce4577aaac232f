// Hover over JSON-RPC: on an id, the lesson or action item it names; on a
// finding's range, the rule's description and page.
import { beforeAll, describe, expect, it } from 'vitest';
import { HoverRequest, type Hover, type MarkupContent, type Position } from 'vscode-languageserver-protocol';
import { edit, MINIMAL, positionOf, serverForTests, textAt } from './client.js';

// An id named in the five whys, a word that blames, and an id nothing defines.
const TEXT = edit(edit(MINIMAL, '→ L2', '→ L2, AI-2, AI-9'), 'Payments themselves', 'A careless change. Payments themselves');

const session = serverForTests();
let uri: string;

beforeAll(async () => {
  uri = session.folder.uri('coe.md');
  await session.client.open(uri, TEXT);
  await session.client.diagnosticsOf(uri);
});

const hover = async (position: Position) =>
  (await session.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })) as Hover | null;
const markdown = (result: Hover | null) => (result?.contents as MarkupContent | undefined)?.value ?? '';

describe('coe lsp hover', () => {
  it('on a lesson id, shows the lesson and the action items that name it', async () => {
    const result = await hover(positionOf(TEXT, '→ L1', { offset: 3 }));
    expect((result?.contents as MarkupContent).kind).toBe('markdown');
    expect(markdown(result)).toBe('**L1:** A setting must have one source of truth.\n\nAction items: AI-1');
    expect(textAt(TEXT, result!.range!)).toBe('L1');
  });

  it('on an action item id, shows the action item', async () => {
    const result = await hover(positionOf(TEXT, ', AI-2', { offset: 3 }));
    expect(markdown(result)).toBe(
      '**AI-2:** Make the pool size adjustable at run time\n\nmid term · owner payments-team · due 2025-11-28 · in-progress · lessons L2\n\nValidation: Resize in staging under load',
    );
    // The same on its definition, in the row.
    expect(markdown(await hover(positionOf(TEXT, '| AI-2 |', { offset: 3 })))).toBe(markdown(result));
  });

  it('on an id nothing defines, says so, with the finding of references-exist', async () => {
    const text = markdown(await hover(positionOf(TEXT, 'AI-9', { offset: 2 })));
    expect(text).toMatch(/^AI-9 is not an action item of this document\.\n\n---\n\n\*\*coe references-exist\*\* \(error\): /);
    expect(text).toContain('[Rule documentation](https://github.com/coe-tool/coe/blob/main/docs/rules/references-exist.md)');
  });

  it("on a finding's range, shows its rule's description and page", async () => {
    const result = await hover(positionOf(TEXT, 'careless', { offset: 4 }));
    expect(markdown(result)).toMatch(/^\*\*coe blameless-language\*\* \(warn\): .*blam/i);
    expect(markdown(result)).toContain('(https://github.com/coe-tool/coe/blob/main/docs/rules/blameless-language.md)');
    expect(textAt(TEXT, result!.range!)).toBe('careless');
  });

  it('shows nothing where there is no id and no finding', async () => {
    expect(await hover(positionOf(TEXT, 'merchants received', { offset: 3 }))).toBeNull();
    expect(await hover(positionOf(TEXT, 'title: Delayed'))).toBeNull();
  });
});
