// Completion over JSON-RPC: lesson and action item ids, section headings,
// the values of status, term and detected_by, and frontmatter keys. Each case
// types into the document, as an editor sends it, then asks at the cursor.
import { describe, expect, it } from 'vitest';
import { CompletionRequest, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol';
import { edit, MINIMAL, positionOf, serverForTests } from './client.js';

const session = serverForTests();
let n = 0;

/**
 * Opens MINIMAL, types `typed` (the text with `|` at the cursor) in place of
 * `from`, and asks for completion at the cursor.
 */
async function complete(from: string, typed: string, base = MINIMAL): Promise<CompletionItem[]> {
  const uri = session.folder.uri(`doc-${++n}.md`);
  await session.client.open(uri, base);
  await session.client.diagnosticsOf(uri);
  const marked = edit(base, from, typed);
  const position = positionOf(marked, '|CURSOR|');
  await session.client.change(uri, marked.replace('|CURSOR|', ''));
  const result = (await session.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as
    CompletionItem[] | CompletionList | null;
  return Array.isArray(result) ? result : (result?.items ?? []);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const inserted = (items: CompletionItem[]) => items.map((i) => (i.textEdit as TextEdit).newText);

describe('coe lsp completion', () => {
  it('completes lesson ids where a reference is typed, with the lesson as detail', async () => {
    const items = await complete('→ L1', '→ L|CURSOR|');
    expect(labels(items)).toEqual(['L1', 'L2']);
    expect(items[0]!.detail).toBe('A setting must have one source of truth.');
    // The typed "L" is replaced, not kept.
    const range = (items[0]!.textEdit as TextEdit).range;
    expect(range.end.character - range.start.character).toBe(1);
  });

  it('completes action item ids, with their status and action', async () => {
    const items = await complete('→ L2', '→ L2, AI-|CURSOR|');
    expect(labels(items)).toEqual(['AI-1', 'AI-2']);
    expect(items[1]!.detail).toBe('in-progress: Make the pool size adjustable at run time');
  });

  it("offers the next free id in an action item's ID cell, and lesson ids in its Lessons cell", async () => {
    const row =
      '| AI-2 | Make the pool size adjustable at run time | mid | payments-team | 2025-11-28 | in-progress | L2 | Resize in staging under load |';
    expect(labels(await complete(row, `${row}\n| AI-|CURSOR| | x |`))).toEqual(['AI-3']);
    expect(labels(await complete('| in-progress | L2 |', '| in-progress | L2, L|CURSOR| |'))).toEqual(['L1', 'L2']);
  });

  it('completes section headings, the required ones that are missing first', async () => {
    const cut = MINIMAL.replace(/## Detection[^]*?(?=## Dependencies)/, '');
    const items = await complete('## Dependencies', '## Det|CURSOR|\n\n## Dependencies', cut);
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    expect(sorted[0]).toMatchObject({ label: '## Detection', detail: 'required section, missing' });
    expect(labels(items)).toEqual(expect.arrayContaining(['## Impact', '## Customer summary', '## Mitigation']));
    expect(items.find((i) => i.label === '## Impact')?.detail).toBe('required section');
    expect(items.find((i) => i.label === '## Mitigation')?.detail).toBe('optional section');
    // The whole line typed so far is replaced by the heading.
    expect((sorted[0]!.textEdit as TextEdit).range.start.character).toBe(0);
  });

  it('completes the values of status and detected_by in the frontmatter', async () => {
    expect(inserted(await complete('status: review', 'status: |CURSOR|'))).toEqual(['draft', 'review', 'approved', 'published']);
    expect(labels(await complete('  detected_by: alarm', '  detected_by: |CURSOR|'))).toEqual([
      'alarm',
      'aggregate-alarm',
      'canary',
      'traffic-anomaly',
      'customer-report',
      'support-cases',
      'social-media',
      'other',
    ]);
  });

  it('replaces the whole word the cursor is in, what follows it too', async () => {
    const items = await complete('| mid | payments-team |', '| m|CURSOR|id | payments-team |');
    const range = (items[0]!.textEdit as TextEdit).range;
    expect(range.end.character - range.start.character).toBe(3);
    const value = await complete('status: review', 'status: re|CURSOR|view');
    const edit = value.find((i) => i.label === 'review')!.textEdit as TextEdit;
    expect(edit.range.end.character - edit.range.start.character).toBe('review'.length);
  });

  it('completes the term and status of an action item in their cells', async () => {
    expect(labels(await complete('| mid | payments-team |', '| m|CURSOR|id | payments-team |'))).toEqual(['short', 'mid', 'long']);
    expect(labels(await complete('| in-progress | L2 |', '| in-|CURSOR| | L2 |'))).toEqual([
      'open',
      'in-progress',
      'done',
      'validated',
      'dropped',
    ]);
  });

  it('completes the frontmatter keys not written yet, at the top and in incident', async () => {
    const top = await complete('severity: 3\n', 'severity: 3\nt|CURSOR|\n');
    expect(labels(top)).toEqual(expect.arrayContaining(['regions', 'tags', 'related', 'tickets']));
    expect(labels(top)).not.toContain('title');
    expect(labels(top)).not.toContain('glossary');
    expect(inserted(top).find((t) => t.startsWith('tags'))).toBe('tags: ');

    const incident = await complete('  detected_by: alarm\n', '  detected_by: alarm\n  |CURSOR|\n');
    expect(labels(incident)).toEqual(['customer_notified']);
    expect(incident[0]!.detail).toBe('First customer notice (optional)');
  });

  it('leaves out a key written just below a half-typed one, which runs into it as one value', async () => {
    const typed = await complete('incident:\n', 'incident:\n  cu|CURSOR|\n');
    expect(labels(typed)).toEqual(['customer_notified']);
  });

  it('offers nothing in prose', async () => {
    expect(await complete('merchants received', 'merchants rec|CURSOR|eived')).toEqual([]);
  });
});
