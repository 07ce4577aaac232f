// Quick fixes of `coe lsp`: each is asked for over JSON-RPC, applied as a
// client applies a WorkspaceEdit, and the result is linted again.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, edit, LspClient, MINIMAL, serverForTests, tempFolder } from './client.js';
import { lintString } from '../helpers/lint.js';

const session = serverForTests();
let n = 0;

/** Opens a document and returns its diagnostics. */
async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = session.folder.uri(`doc-${++n}.md`);
  await session.client.open(uri, text);
  return { uri, diagnostics: await session.client.diagnosticsOf(uri) };
}

async function actionsFor(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  const result = await session.client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
  });
  return (result ?? []) as CodeAction[];
}

/** Applies the action titled `title` (a regex) for the first diagnostic of `code`; returns the new text and its diagnostics. */
async function fix(text: string, code: string, title: RegExp, which = 0) {
  const { uri, diagnostics } = await open(text);
  const diagnostic = diagnostics.filter((d) => d.code === code)[which];
  expect(diagnostic, `a ${code} finding`).toBeDefined();
  const actions = await actionsFor(uri, diagnostic!);
  const action = actions.find((a) => title.test(a.title));
  expect(action, `an action ${title} among ${actions.map((a) => a.title).join('; ')}`).toBeDefined();
  expect(action!.diagnostics?.[0]?.code).toBe(code);
  const fixed = applyWorkspaceEdit(text, action!.edit!, uri);
  const version = await session.client.change(uri, fixed);
  const after = await session.client.diagnosticsOf(uri, version);
  // The server's findings of the result are those of `coe lint`'s engine, and the one fixed is gone.
  expect(codes(after)).toEqual(lintString(fixed, { now: '2025-10-01' }).map((m) => m.ruleId));
  expect(after.map((d) => d.message)).not.toContain(diagnostic!.message);
  return { text: fixed, action: action!, before: diagnostics, after };
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
const without = (text: string, from: string, to: string) => {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start);
  return text.slice(0, start) + text.slice(end);
};

describe('coe lsp quick fixes', () => {
  it('adds a missing section from the template, before the section that follows it', async () => {
    const text = without(MINIMAL, '## Detection', '## Dependencies');
    const { text: fixed, after, action } = await fix(text, 'required-sections', /Add the section "## Detection"/);
    expect(action.isPreferred).toBe(true);
    expect(codes(after)).not.toContain('required-sections');
    expect(fixed).toContain('## Detection\n\n<!--');
    expect(fixed).toMatch(/### Was detection fast enough\?\n\n<!--[^]*?-->\n\nTODO\n\n### Did our metrics/);
    expect(fixed.indexOf('## Detection')).toBeLessThan(fixed.indexOf('## Dependencies'));
    expect(fixed.indexOf('## Detection')).toBeGreaterThan(fixed.indexOf('## Five whys'));
    expect(fixed).toMatch(/TODO\n\n## Dependencies/);
  });

  it('adds a missing last section at the end, with the COE values in the template filled in', async () => {
    const cut = MINIMAL.slice(0, MINIMAL.indexOf('## Action items')).trimEnd() + '\n';
    const { text: fixed, after } = await fix(cut, 'required-sections', /Add the section "## Action items"/);
    expect(codes(after)).not.toContain('required-sections');
    expect(fixed).toMatch(/Capacity must be adjustable without a deployment\.\n\n## Action items\n\n<!--/);
    expect(fixed).toContain('| AI-1 | TODO | short | payments-team | TODO | open | L1 | TODO: how we will test it |');
    expect(fixed.endsWith('|\n')).toBe(true);
  });

  it("takes the section from the repository's own template, read again when the configuration changes", async () => {
    const repo = tempFolder({ '.coerc.json': '{}' });
    const own = await LspClient.start({ cwd: repo.dir });
    try {
      const templates = path.join(repo.dir, '.coe/templates');
      mkdirSync(templates, { recursive: true });
      // The template's sections in the format's order, with a Detection of its own.
      const template = (detection: string) =>
        `# {{title}}\n\n## Impact\n\nTODO\n\n## Five whys\n\nTODO\n\n## Detection\n\n${detection}\n\n## Dependencies\n\nTODO\n`;
      writeFileSync(path.join(templates, 'standard.md'), template('Our own questions, owned by {{owner}}.'));
      const text = without(MINIMAL, '## Detection', '## Dependencies');
      const ask = async (uri: string) => {
        await own.open(uri, text);
        const diagnostic = (await own.diagnosticsOf(uri)).find((d) => d.code === 'required-sections')!;
        const actions = (await own.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic] },
        })) as CodeAction[];
        return applyWorkspaceEdit(text, actions[0]!.edit!, uri);
      };
      expect(await ask(repo.uri('a.md'))).toContain(
        '→ L2\n\n## Detection\n\nOur own questions, owned by payments-team.\n\n## Dependencies',
      );
      writeFileSync(path.join(templates, 'standard.md'), template('New questions.'));
      await own.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: repo.uri('.coerc.json'), type: FileChangeType.Changed }],
      });
      expect(await ask(repo.uri('b.md'))).toContain('## Detection\n\nNew questions.\n\n## Dependencies');
    } finally {
      await own.stop();
      repo.remove();
    }
  });

  it('gives a lesson without an id the next free one', async () => {
    const text = edit(
      MINIMAL,
      '- **L2:** Capacity must be adjustable without a deployment.',
      '- **L2:** Capacity must be adjustable without a deployment.\n- Alarms must page a watched queue.',
    );
    const { text: fixed, after } = await fix(text, 'lessons-have-actions', /Give this lesson the id L3/);
    expect(fixed).toContain('- **L2:** Capacity must be adjustable without a deployment.\n- **L3:** Alarms must page a watched queue.\n');
    expect(after.map((d) => d.message)).not.toContainEqual(expect.stringMatching(/no id/));
    // Now it is a lesson with no action item: that is the next finding, and its fix adds one.
    const lesson = after.find((d) => d.code === 'lessons-have-actions');
    expect(lesson?.message).toMatch(/Lesson L3 has no action item/);
  });

  it('adds an action item row with the next free AI-<n> for a lesson that has none', async () => {
    const text = edit(
      MINIMAL,
      '- **L2:** Capacity must be adjustable without a deployment.',
      '- **L2:** Capacity must be adjustable without a deployment.\n- **L3:** Alarms must page a watched queue.',
    );
    const { text: fixed, after } = await fix(text, 'lessons-have-actions', /Add action item AI-3 for L3/);
    expect(fixed).toContain('| Resize in staging under load |\n| AI-3 | TODO | TODO | payments-team | TODO | open | L3 |  |\n');
    expect(codes(after)).not.toContain('lessons-have-actions');
  });

  it('adds the action item or the lesson that a reference names', async () => {
    const text = edit(MINIMAL, '→ L2', '→ L2, AI-7');
    const { text: fixed, after } = await fix(text, 'references-exist', /Add action item AI-7 to the Action items table/);
    expect(fixed).toContain('| AI-7 | TODO | TODO | payments-team | TODO | open |  |  |');
    expect(codes(after)).not.toContain('references-exist');

    const lesson = edit(MINIMAL, '→ L2', '→ L2, L5');
    const { text: withLesson, after: afterLesson } = await fix(lesson, 'references-exist', /Add lesson L5 under Lessons/);
    expect(withLesson).toContain('- **L2:** Capacity must be adjustable without a deployment.\n- **L5:** TODO\n');
    expect(codes(afterLesson)).not.toContain('references-exist');
  });

  it('gives a lesson whose id is taken an id of its own', async () => {
    const text = edit(
      MINIMAL,
      '- **L2:** Capacity must be adjustable without a deployment.',
      '- **L2:** Capacity must be adjustable without a deployment.\n- **L1:** Alarms must page a watched queue.',
    );
    const { diagnostics } = await open(text);
    const duplicate = diagnostics
      .filter((d) => d.code === 'lessons-have-actions')
      .findIndex((d) => /defined twice/.test(String(d.message)));
    const { text: fixed, after } = await fix(text, 'lessons-have-actions', /Give this lesson its own id L3/, duplicate);
    expect(fixed).toContain(
      '- **L1:** A setting must have one source of truth.\n- **L2:** Capacity must be adjustable without a deployment.\n- **L3:** Alarms',
    );
    expect(after.map((d) => d.message)).not.toContainEqual(expect.stringMatching(/defined twice/));
  });

  it('writes the ":" a lesson id lacks', async () => {
    const text = edit(MINIMAL, '- **L2:** Capacity', '- **L2** Capacity');
    const { text: fixed, after } = await fix(text, 'lessons-have-actions', /Write "L2:"/);
    expect(fixed).toContain('- **L2:** Capacity');
    expect(codes(after)).not.toContain('lessons-have-actions');
  });

  it('adds a glossary entry for an internal name, its customer wording to write', async () => {
    const text = edit(
      edit(MINIMAL, 'services: [webhook-dispatcher]', 'services: [webhook-dispatcher, cell-router]'),
      'Payments themselves succeeded',
      'Payments through cell-router succeeded',
    );
    const { text: fixed, after } = await fix(text, 'customer-terms', /Add "cell-router" to the glossary/);
    expect(fixed).toContain('glossary:\n  webhook-dispatcher: payment notifications\n  cell-router: TODO\n---');
    expect(codes(after)).not.toContain('customer-terms');
    expect(after.find((d) => d.code === 'no-placeholders')?.range.start.line).toBe(18);
  });

  it('adds the glossary itself when there is none, or to a glossary written in brackets', async () => {
    const none = edit(
      MINIMAL.replace('glossary:\n  webhook-dispatcher: payment notifications\n', ''),
      'Payments themselves succeeded',
      'Payments through webhook-dispatcher succeeded',
    );
    const { text: fixed, after } = await fix(none, 'customer-terms', /Add "webhook-dispatcher" to the glossary/);
    expect(fixed).toContain('  detected_by: alarm\nglossary:\n  webhook-dispatcher: TODO\n---');
    expect(codes(after)).not.toContain('customer-terms');

    const flow = edit(
      edit(
        MINIMAL,
        'glossary:\n  webhook-dispatcher: payment notifications\n',
        'glossary: { webhook-dispatcher: payment notifications }\n',
      ),
      'services: [webhook-dispatcher]',
      'services: [webhook-dispatcher, "cell router"]',
    );
    const { text: fixedFlow } = await fix(
      edit(flow, 'Payments themselves', 'Payments through cell router'),
      'customer-terms',
      /Add "cell router"/,
    );
    expect(fixedFlow).toContain('glossary: { webhook-dispatcher: payment notifications, cell router: TODO }\n');
  });

  it('adds the missing milestone entry to the timeline, at its place in time', async () => {
    const text = edit(MINIMAL, '- 14:12 — The on-call engineer starts investigating.\n', '');
    const { text: fixed, after } = await fix(
      text,
      'timeline-milestones',
      /Add the timeline entry for incident\.engaged \(2025-09-03 14:12 UTC\)/,
    );
    expect(fixed).toContain(
      '- 14:09 — The queue age alarm pages the on-call engineer.\n- 2025-09-03 14:12 UTC — TODO: an engineer engaged; who and how\n- 15:20',
    );
    expect(codes(after)).not.toContain('timeline-milestones');
    expect(codes(after)).not.toContain('timeline-order');
  });

  it('writes the entry in the offset of the timeline, so the times after it keep their meaning', async () => {
    const text = edit(
      edit(MINIMAL, '- 2025-09-03 14:05 UTC — A configuration', '- 2025-09-03 16:05 +02:00 — A configuration'),
      '- 14:09 — The queue age alarm pages the on-call engineer.\n- 14:12 — The on-call engineer starts investigating.\n- 15:20 — The worker pool is restored and the backlog is drained.\n- 17:00 —',
      '- 16:09 — The queue age alarm pages the on-call engineer.\n- 17:20 — The worker pool is restored and the backlog is drained.\n- 19:00 —',
    );
    const { text: fixed, after } = await fix(text, 'timeline-milestones', /incident\.engaged \(2025-09-03 16:12 \+02:00\)/);
    expect(fixed).toContain(
      '- 16:09 — The queue age alarm pages the on-call engineer.\n- 2025-09-03 16:12 +02:00 — TODO: an engineer engaged; who and how\n- 17:20',
    );
    expect(codes(after)).not.toContain('timeline-milestones');
  });

  it('takes the offset of a time range written before the place (16:09-16:10 +02:00)', async () => {
    const text = edit(
      MINIMAL,
      '- 14:09 — The queue age alarm pages the on-call engineer.\n- 14:12 — The on-call engineer starts investigating.\n- 15:20 — The worker pool is restored and the backlog is drained.\n- 17:00 —',
      '- 16:09-16:10 +02:00 — The queue age alarm pages the on-call engineer.\n- 17:20 — The worker pool is restored and the backlog is drained.\n- 19:00 —',
    );
    const { text: fixed, after } = await fix(text, 'timeline-milestones', /incident\.engaged \(2025-09-03 16:12 \+02:00\)/);
    expect(fixed).toContain(
      '- 16:09-16:10 +02:00 — The queue age alarm pages the on-call engineer.\n- 2025-09-03 16:12 +02:00 — TODO: an engineer engaged',
    );
    expect(codes(after)).not.toContain('timeline-milestones');
    expect(codes(after)).not.toContain('timeline-order');
  });

  it('marks a done item validated, with a Validation cell to fill', async () => {
    const text = edit(MINIMAL, '| in-progress | L2 | Resize in staging under load |', '| done | L2 | |');
    const { text: fixed, after } = await fix(text, 'action-item-validated', /Mark AI-2 validated/);
    expect(fixed).toContain('| validated | L2 | TODO: how it was verified that the same conditions no longer cause the failure |');
    expect(codes(after)).not.toContain('action-item-validated');
    expect(after.find((d) => d.code === 'no-placeholders')?.range.start.line).toBe(82);
  });

  it('turns a rule off for a line of text, with a reason to write', async () => {
    const text = edit(MINIMAL, 'Payments themselves succeeded', 'A careless deploy was the cause. Payments themselves succeeded');
    const { text: fixed, after, action } = await fix(text, 'blameless-language', /Disable blameless-language for this line/);
    expect(action.isPreferred).toBe(false);
    expect(fixed).toContain(
      'notifications between 5 and 40 minutes late. A careless deploy was the cause. Payments themselves succeeded, but <!-- coe-disable-line blameless-language -- reason -->\n',
    );
    expect(codes(after)).toEqual([]);
  });

  it('turns a rule off for a line of a nested list item, the list kept as it is', async () => {
    const text = edit(MINIMAL, 'Why? A configuration change halved', 'Why? A careless configuration change halved');
    const { text: fixed, after } = await fix(text, 'blameless-language', /Disable blameless-language for this line/);
    expect(fixed).toContain(
      '    - Why? A careless configuration change halved the worker pool. <!-- coe-disable-line blameless-language -- reason -->\n      - Why?',
    );
    expect(codes(after)).toEqual([]);
  });

  it('turns a rule off for a table row after its last "|", where no column reads it', async () => {
    const text = edit(MINIMAL, '| in-progress | L2 | Resize in staging under load |', '| done | L2 | Resize in staging under load |');
    const { text: fixed, after } = await fix(text, 'action-item-validated', /Disable action-item-validated for this line/);
    expect(fixed).toContain('| done | L2 | Resize in staging under load | <!-- coe-disable-line action-item-validated -- reason -->\n');
    expect(codes(after)).toEqual([]);
  });

  it('turns a rule off around a code block, since a comment in it would be code', async () => {
    const text = edit(MINIMAL, '## Dependencies\n', '## Dependencies\n\n```sh\ncurl https://deploy:hunter2@ci.example.com/run\n```\n');
    const { text: fixed, after } = await fix(text, 'no-secrets', /Disable no-secrets for this code block/);
    expect(fixed).toContain(
      '<!-- coe-disable no-secrets -- reason -->\n```sh\ncurl https://deploy:hunter2@ci.example.com/run\n```\n<!-- coe-enable no-secrets -->\n',
    );
    expect(codes(after)).toEqual([]);
  });

  it('offers no fix to turn off a finding in the frontmatter, where a comment cannot go', async () => {
    const { uri, diagnostics } = await open(edit(MINIMAL, 'severity: 3', 'severity: 9'));
    const diagnostic = diagnostics.find((d) => d.code === 'frontmatter-schema')!;
    expect(await actionsFor(uri, diagnostic)).toEqual([]);
  });

  it('answers only when quick fixes are wanted', async () => {
    const { uri, diagnostics } = await open(edit(MINIMAL, '→ L2', '→ L2, AI-7'));
    const diagnostic = diagnostics.find((d) => d.code === 'references-exist')!;
    expect(await actionsFor(uri, diagnostic, ['source.organizeImports'])).toEqual([]);
    expect((await actionsFor(uri, diagnostic, ['quickfix'])).length).toBeGreaterThan(0);
  });

  it('gives plain edits to a client that takes no versioned ones', async () => {
    const plain = await LspClient.start({ cwd: session.folder.dir, capabilities: {} });
    try {
      const uri = session.folder.uri('plain.md');
      await plain.open(uri, edit(MINIMAL, '→ L2', '→ L2, AI-7'));
      const diagnostic = (await plain.diagnosticsOf(uri)).find((d) => d.code === 'references-exist')!;
      const actions = (await plain.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      expect(actions[0]?.edit?.changes?.[uri]).toHaveLength(1);
      expect(actions[0]?.edit?.documentChanges).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });
});
