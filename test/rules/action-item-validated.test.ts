import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintString } from '../helpers/lint.js';

const ID = 'action-item-validated';
const run = (text: string) => lintString(text, { now: '2025-09-04' });
const findings = (text: string) => findingsOf(run(text), ID);
const messagesOf = (text: string) => run(text).filter((m) => m.ruleId === ID).map((m) => m.message);

const AI1_VALIDATION = 'A change to one file only now fails the pipeline';
const AI2_VALIDATION = 'Game day: halve the pool, then restore it in under 5 minutes';
const status = (id: 'AI-1' | 'AI-2', from: string, to: string, text = baseDocument()) => {
  const row = text.split('\n').find((l) => l.startsWith(`| ${id} |`))!;
  return edit(text, row, row.replace(`| ${from} |`, `| ${to} |`));
};

describe('action-item-validated', () => {
  it('passes the base document (validated with a Validation, in-progress)', () => {
    expect(findings(baseDocument())).toEqual([]);
  });

  it('reports every done item, even with a Validation, at its row', () => {
    const text = status('AI-2', 'in-progress', 'done');
    expect(findings(text)).toEqual([[ID, 'warn', lineOf(text, '| AI-2 |')]]);
    expect(messagesOf(text)[0]).toContain('not complete until validated');
  });

  it('reports a done item with an empty Validation', () => {
    const text = edit(status('AI-2', 'in-progress', 'Done'), AI2_VALIDATION, '');
    expect(findings(text)).toEqual([[ID, 'warn', lineOf(text, '| AI-2 |')]]);
  });

  it('reports a validated item with an empty Validation', () => {
    const text = edit(baseDocument(), AI1_VALIDATION, '');
    expect(findings(text)).toEqual([[ID, 'warn', lineOf(text, '| AI-1 |')]]);
    expect(messagesOf(text)[0]).toContain('say how');
  });

  it('reports a dropped item with no reason, and passes one with a reason', () => {
    const dropped = status('AI-2', 'in-progress', 'dropped');
    expect(findings(dropped)).toEqual([]);
    const text = edit(dropped, AI2_VALIDATION, '');
    expect(findings(text)).toEqual([[ID, 'warn', lineOf(text, '| AI-2 |')]]);
    expect(messagesOf(text)[0]).toContain('why');
  });

  it('does not ask open or in-progress items for a Validation', () => {
    expect(findings(edit(baseDocument(), AI2_VALIDATION, ''))).toEqual([]);
  });

  it('without a Validation column reports done items only (action-item-fields reports the column)', () => {
    const base = baseDocument();
    let text = edit(base, '| Lessons | Validation |\n|---|---|---|---|---|---|---|---|', '| Lessons |\n|---|---|---|---|---|---|---|');
    text = edit(text, ` | ${AI1_VALIDATION} |`, '');
    text = edit(text, ` | ${AI2_VALIDATION} |`, '');
    text = status('AI-2', 'in-progress', 'done', text);
    const messages = run(text);
    expect(findingsOf(messages, ID)).toEqual([[ID, 'warn', lineOf(text, '| AI-2 |')]]);
    expect(findingsOf(messages, 'action-item-fields')).toEqual([['action-item-fields', 'error', lineOf(text, '| ID | Action |')]]);
  });
});
