import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintString } from '../helpers/lint.js';

const ID = 'action-item-overdue';
const run = (text: string, now: string) => lintString(text, { now });
const findings = (text: string, now: string) => findingsOf(run(text, now), ID);
const messagesOf = (text: string, now: string) => run(text, now).filter((m) => m.ruleId === ID).map((m) => m.message);

// Base: AI-1 validated, due 2025-09-05; AI-2 in-progress, due 2025-11-28.
const AI2 = '| 2025-11-28 | in-progress |';
const ai2 = (due: string, status: string) => edit(baseDocument(), AI2, `| ${due} | ${status} |`);

describe('action-item-overdue', () => {
  it('passes the base document before the due date', () => {
    expect(findings(baseDocument(), '2025-10-01')).toEqual([]);
  });

  it('does not report an item due today', () => {
    expect(findings(baseDocument(), '2025-11-28')).toEqual([]);
  });

  it('reports an in-progress item the day after its due date, with the days overdue', () => {
    const text = baseDocument();
    expect(findings(text, '2025-11-29')).toEqual([[ID, 'warn', lineOf(text, '| AI-2 |')]]);
    expect(messagesOf(text, '2025-11-29')[0]).toContain('1 day overdue (due 2025-11-28');
  });

  it('reports an open item and counts the days', () => {
    const text = ai2('2025-10-15', 'Open');
    expect(findings(text, '2025-11-01')).toEqual([[ID, 'warn', lineOf(text, '| AI-2 |')]]);
    expect(messagesOf(text, '2025-11-01')[0]).toContain('17 days overdue');
  });

  it('does not report done, validated or dropped items past their due date', () => {
    // AI-1 is validated and was due 2025-09-05.
    for (const status of ['done', 'dropped', 'validated']) {
      expect(findings(ai2('2025-10-15', status), '2026-01-01')).toEqual([]);
    }
  });

  it('skips an item with an invalid due date (action-item-fields reports it)', () => {
    const text = ai2('next week', 'open');
    expect(findings(text, '2026-01-01')).toEqual([]);
    expect(findingsOf(run(text, '2026-01-01'), 'action-item-fields')).toEqual([['action-item-fields', 'error', lineOf(text, '| AI-2 |')]]);
  });

  it('counts across months and years', () => {
    const text = ai2('2025-12-31', 'open');
    expect(messagesOf(text, '2026-03-01')[0]).toContain('60 days overdue');
  });
});
