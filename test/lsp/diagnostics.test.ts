// Diagnostics from `coe lsp`, spoken to over JSON-RPC by a real client: the
// same engine, configuration and inline controls as `coe lint`.
import { writeFileSync, mkdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DidChangeWatchedFilesNotification,
  DidSaveTextDocumentNotification,
  FileChangeType,
  type DidChangeWatchedFilesParams,
} from 'vscode-languageserver-protocol';
import { edit, LspClient, MINIMAL, tempFolder } from './client.js';
import { lintString } from '../helpers/lint.js';

const NOT_A_COE = '---\ntitle: Runbook\n---\n\n# Runbook\n\nTODO: write it. careless\n';
// An undefined reference, an error; a done item, a warning.
const BROKEN = edit(
  edit(MINIMAL, '→ L2', '→ L2, AI-9'),
  '| 2025-11-28 | in-progress | L2 | Resize in staging under load |',
  '| 2025-11-28 | done | L2 | Resize in staging under load |',
);

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function session(files: Record<string, string> = {}, options: Parameters<typeof LspClient.start>[0] = {}) {
  const folder = tempFolder(files);
  const client = await LspClient.start({ cwd: folder.dir, ...options });
  cleanup.push(folder.remove, () => client.stop());
  return { folder, client };
}

describe('coe lsp diagnostics', () => {
  it('publishes the findings of coe lint, with the rule id, its page and its severity', async () => {
    const { folder, client } = await session();
    const uri = folder.uri('coe.md');
    await client.open(uri, BROKEN);
    const diagnostics = await client.diagnosticsOf(uri);
    const expected = lintString(BROKEN, { now: '2025-10-01' });
    expect(diagnostics.map((d) => d.code)).toEqual(expected.map((m) => m.ruleId));
    const ref = diagnostics.find((d) => d.code === 'references-exist')!;
    expect(ref).toMatchObject({
      severity: 1,
      source: 'coe',
      codeDescription: { href: 'https://github.com/coe-tool/coe/blob/main/docs/rules/references-exist.md' },
      message: expect.stringContaining('AI-9 is referenced'),
    });
    // The range is the token, 0-based.
    const line = BROKEN.split('\n')[ref.range.start.line]!;
    expect(line.slice(ref.range.start.character, ref.range.end.character)).toBe('AI-9');
    expect(diagnostics.find((d) => d.code === 'action-item-validated')?.severity).toBe(2);
  });

  it('leaves Markdown that is not a COE alone, and clears a document that stops being one', async () => {
    const { folder, client } = await session();
    const other = folder.uri('runbook.md');
    const coe = folder.uri('coe.md');
    await client.open(other, NOT_A_COE);
    await client.open(coe, BROKEN);
    await client.diagnosticsOf(coe);
    expect(client.diagnostics.get(other)).toBeUndefined();
    // It becomes a COE: findings; it stops being one: none.
    await client.change(other, BROKEN);
    expect((await client.diagnosticsOf(other)).length).toBeGreaterThan(0);
    const version = await client.change(other, NOT_A_COE);
    const cleared = await client.until(
      () => client.diagnostics.get(other)?.find((p, i, all) => i === all.length - 1 && p.diagnostics.length === 0),
      'cleared diagnostics',
    );
    expect(cleared.diagnostics).toEqual([]);
    expect(version).toBe(3);
  });

  it('lints once typing pauses: changes in quick succession give one publication, of the last version', async () => {
    const { folder, client } = await session({}, { debounceMs: 400 });
    const uri = folder.uri('coe.md');
    await client.open(uri, MINIMAL);
    await client.diagnosticsOf(uri, 1);
    for (let i = 0; i < 5; i++) await client.change(uri, edit(MINIMAL, '→ L2', `→ L2, AI-${10 + i}`));
    const last = await client.diagnosticsOf(uri, 6);
    expect(last.filter((d) => d.code === 'references-exist').map((d) => d.message)).toEqual([expect.stringContaining('AI-14')]);
    expect(client.diagnostics.get(uri)!.map((p) => p.version)).toEqual([1, 6]);
  });

  it('applies inline control comments, and reports one that suppresses nothing', async () => {
    const { folder, client } = await session();
    const uri = folder.uri('coe.md');
    const text = edit(
      edit(
        BROKEN,
        '  - Why did recovery take',
        '  <!-- coe-disable-next-line references-exist -- renumbered later -->\n  - Why did recovery take',
      ),
      '## Impact\n',
      '## Impact\n<!-- coe-disable-next-line no-secrets -->\n',
    );
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsOf(uri);
    // The reference is two lines below the comment: only the line after it is off.
    expect(diagnostics.map((d) => d.code)).toContain('references-exist');
    const next = edit(
      BROKEN,
      '    - Why? The pool size cannot be changed',
      '    <!-- coe-disable-next-line references-exist -- renumbered later -->\n    - Why? The pool size cannot be changed',
    );
    await client.change(uri, edit(next, '## Impact\n', '## Impact\n<!-- coe-disable-next-line no-secrets -->\n'));
    const after = await client.diagnosticsOf(uri, 2);
    expect(after.map((d) => d.code)).not.toContain('references-exist');
    expect(after.find((d) => d.code === 'unused-disable')?.message).toMatch(/suppresses nothing/);
  });

  it('finds the configuration going up from the document, one per folder', async () => {
    const { folder, client } = await session();
    mkdirSync(path.join(folder.dir, 'a/deep'), { recursive: true });
    mkdirSync(path.join(folder.dir, 'b'), { recursive: true });
    writeFileSync(path.join(folder.dir, 'a/.coerc.json'), JSON.stringify({ rules: { 'references-exist': 'off' } }));
    writeFileSync(path.join(folder.dir, 'b/.coerc.yaml'), 'rules:\n  action-item-validated: error\n');
    const inA = folder.uri('a/deep/coe.md');
    const inB = folder.uri('b/coe.md');
    await client.open(inA, BROKEN);
    await client.open(inB, BROKEN);
    const a = await client.diagnosticsOf(inA);
    const b = await client.diagnosticsOf(inB);
    expect(a.map((d) => d.code)).not.toContain('references-exist');
    expect(b.map((d) => d.code)).toContain('references-exist');
    expect(b.find((d) => d.code === 'action-item-validated')?.severity).toBe(1);
    expect(a.find((d) => d.code === 'action-item-validated')?.severity).toBe(2);
  });

  it('picks up a configuration file that changes, when the client says so', async () => {
    const { folder, client } = await session({ '.coerc.json': '{}' });
    const uri = folder.uri('coe.md');
    await client.open(uri, BROKEN);
    expect((await client.diagnosticsOf(uri)).map((d) => d.code)).toContain('references-exist');
    // The server asked to be told of configuration files.
    expect(JSON.stringify(client.registrations)).toContain('**/.coerc.json');
    const count = client.diagnostics.get(uri)!.length;
    writeFileSync(path.join(folder.dir, '.coerc.json'), JSON.stringify({ rules: { 'references-exist': 'off' } }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: folder.uri('.coerc.json'), type: FileChangeType.Changed }],
    });
    const republished = await client.until(() => client.diagnostics.get(uri)![count], 'diagnostics after the change');
    expect(republished.diagnostics.map((d) => d.code)).not.toContain('references-exist');
  });

  it('picks up a configuration file that changes without being told, on the next save', async () => {
    const { folder, client } = await session({ '.coerc.json': '{}' }, { capabilities: {} });
    const uri = folder.uri('coe.md');
    await client.open(uri, BROKEN);
    expect((await client.diagnosticsOf(uri)).map((d) => d.code)).toContain('references-exist');
    expect(client.registrations).toEqual([]);
    const count = client.diagnostics.get(uri)!.length;
    const file = path.join(folder.dir, '.coerc.json');
    writeFileSync(file, JSON.stringify({ rules: { 'references-exist': 'off' } }));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const republished = await client.until(() => client.diagnostics.get(uri)![count], 'diagnostics after the save');
    expect(republished.diagnostics.map((d) => d.code)).not.toContain('references-exist');
  });

  it('shows a bad configuration once, and keeps linting with the last good one', async () => {
    const { folder, client } = await session({ '.coerc.json': JSON.stringify({ rules: { 'references-exist': 'off' } }) });
    const uri = folder.uri('coe.md');
    await client.open(uri, BROKEN);
    expect((await client.diagnosticsOf(uri)).map((d) => d.code)).not.toContain('references-exist');
    writeFileSync(path.join(folder.dir, '.coerc.json'), JSON.stringify({ rules: { 'no-placeholder': 'off' } }));
    const changed: DidChangeWatchedFilesParams = { changes: [{ uri: folder.uri('.coerc.json'), type: FileChangeType.Changed }] };
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, changed);
    const shown = await client.until(() => client.messages[0], 'a message');
    expect(shown.type).toBe(1);
    expect(shown.message).toMatch(/\.coerc\.json: unknown rule "rules\.no-placeholder" \(did you mean "no-placeholders"\?/);
    expect(shown.message).toMatch(/last configuration that could be read is in use/);
    // Typing on: the last good configuration still holds, and the message is not shown again.
    for (let i = 2; i <= 4; i++) {
      await client.change(uri, `${BROKEN}\nMore text ${i}.\n`);
      expect((await client.diagnosticsOf(uri, i)).map((d) => d.code)).not.toContain('references-exist');
    }
    expect(client.messages).toHaveLength(1);
  });

  it('uses the defaults, and says so, when the first configuration cannot be read', async () => {
    const { folder, client } = await session({ '.coerc.json': '{ not json' });
    const uri = folder.uri('coe.md');
    await client.open(uri, BROKEN);
    expect((await client.diagnosticsOf(uri)).map((d) => d.code)).toContain('references-exist');
    const shown = await client.until(() => client.messages[0], 'a message');
    expect(shown.message).toMatch(/\.coerc\.json:1:\d+: not valid JSON.*default configuration is in use/);
  });

  it('compares due dates with today, as coe lint does without --now', async () => {
    const { folder, client } = await session({}, { now: null });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const uri = folder.uri('coe.md');
    const text = edit(MINIMAL, '| 2025-11-28 | in-progress |', `| ${day(-3)} | in-progress |`);
    await client.open(uri, text);
    expect((await client.diagnosticsOf(uri)).map((d) => d.code)).toContain('action-item-overdue');
    await client.change(uri, edit(MINIMAL, '| 2025-11-28 | in-progress |', `| ${day(3)} | in-progress |`));
    expect((await client.diagnosticsOf(uri, 2)).map((d) => d.code)).not.toContain('action-item-overdue');
  });
});
