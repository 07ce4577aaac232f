import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintString } from '../helpers/lint.js';

const ID = 'action-item-term-due';
const run = (text: string, options: Record<string, unknown> = {}) =>
  lintString(text, { now: '2025-09-04', config: { rules: { [ID]: { level: undefined, options } } } });
const findings = (text: string, options: Record<string, unknown> = {}) => findingsOf(run(text, options), ID);
const messagesOf = (text: string) => run(text).filter((m) => m.ruleId === ID).map((m) => m.message);

// Base: resolved 2025-09-03; AI-1 short due 2025-09-05; AI-2 mid due 2025-11-28.
const AI1 = '| short | payments-team | 2025-09-05 | validated |';
const AI2 = '| mid | payments-team | 2025-11-28 | in-progress |';
const ai1 = (term: string, due: string) => edit(baseDocument(), AI1, `| ${term} | payments-team | ${due} | validated |`);
const ai2 = (term: string, due: string, text = baseDocument()) => edit(text, AI2, `| ${term} | payments-team | ${due} | in-progress |`);

describe('action-item-term-due', () => {
  it('passes the base document', () => {
    expect(findings(baseDocument())).toEqual([]);
  });

  it('accepts a short item due exactly 3 days after the date of resolved', () => {
    expect(findings(ai1('short', '2025-09-06'))).toEqual([]);
  });

  it('reports a short item due 4 days after resolved, at its row', () => {
    const text = ai1('short', '2025-09-07');
    expect(findings(text)).toEqual([[ID, 'warn', lineOf(text, '| AI-1 |')]]);
    expect(messagesOf(text)[0]).toContain('4 days after resolution');
  });

  it('accepts a mid item due exactly 90 days after resolved and reports one a day later', () => {
    expect(findings(ai2('mid', '2025-12-02'))).toEqual([]);
    const text = ai2('mid', '2025-12-03');
    expect(findings(text)).toEqual([[ID, 'warn', lineOf(text, '| AI-2 |')]]);
  });

  it('sets no limit on a long item', () => {
    expect(findings(ai2('long', '2030-01-01'))).toEqual([]);
  });

  it('folds the case of the term', () => {
    const text = ai1('Short', '2025-09-07');
    expect(findings(text)).toEqual([[ID, 'warn', lineOf(text, '| AI-1 |')]]);
  });

  it('measures from the date of resolved as written, in its own offset', () => {
    // 23:30 at -05:00 is 04:30 UTC the next day; the date written is 09-03.
    const late = edit(baseDocument(), 'resolved: 2025-09-03T17:00:00Z', 'resolved: 2025-09-03T23:30:00-05:00');
    const text = edit(late, AI1, '| short | payments-team | 2025-09-07 | validated |');
    expect(findings(text)).toEqual([[ID, 'warn', lineOf(text, '| AI-1 |')]]);
  });

  it('reports when every item is short-term, at the table header', () => {
    const text = ai2('short', '2025-09-05');
    expect(findings(text)).toEqual([[ID, 'warn', lineOf(text, '| ID | Action |')]]);
  });

  it('reports an item due before the incident began', () => {
    const text = ai1('short', '2025-09-02');
    expect(findings(text)).toEqual([[ID, 'warn', lineOf(text, '| AI-1 |')]]);
    expect(messagesOf(text)[0]).toContain('before the incident began');
    expect(findings(ai1('short', '2025-09-03'))).toEqual([]);
  });

  it('skips the limits when resolved is missing', () => {
    const text = edit(ai1('short', '2025-09-30'), '  resolved: 2025-09-03T17:00:00Z\n', '');
    expect(findings(text)).toEqual([]);
  });

  it('skips items whose term or due is invalid (action-item-fields reports them)', () => {
    const badDue = ai1('short', '2025-09-31');
    expect(findings(badDue)).toEqual([]);
    expect(findingsOf(run(badDue), 'action-item-fields')).toEqual([['action-item-fields', 'error', lineOf(badDue, '| AI-1 |')]]);
    // With AI-2's term invalid, the table is not judged as all short-term.
    expect(findings(ai2('soon', '2025-09-05'))).toEqual([]);
  });

  it('reads the shortDays and midDays options', () => {
    const text = baseDocument();
    expect(findings(text, { shortDays: 1, midDays: 30 })).toEqual([
      [ID, 'warn', lineOf(text, '| AI-1 |')],
      [ID, 'warn', lineOf(text, '| AI-2 |')],
    ]);
  });
});
