import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintString } from '../helpers/lint.js';

const ID = 'dependency-review';
const run = (text: string, options: Record<string, unknown> = {}) =>
  lintString(text, { config: { rules: { [ID]: { level: undefined, options } } } });
const findings = (text: string, options: Record<string, unknown> = {}) => findingsOf(run(text, options), ID);
const messagesOf = (text: string) => run(text).filter((m) => m.ruleId === ID).map((m) => m.message);

const NONE = 'None: no dependency was involved; the cause was our own configuration change to our own workers.';
const HEADER = '| Dependency | Promise | As promised | Our implementation | Failure mode | Blast radius |\n|---|---|---|---|---|---|';
const QUEUE = '| Message queue (internal) | 99.9% delivery within 1 s | yes | Sound: we read with long polling | expected-handled | Workers retry with backoff |';
const LEDGER = '| Ledger database (internal) | Writes within 50 ms | partly | We had no timeout on writes | expected-unhandled | Write timeout and retry (AI-2) |';

/** The base document with a dependency table in place of its "None" paragraph. */
const withTable = (...rows: string[]) => edit(baseDocument(), NONE, [HEADER, ...rows].join('\n'));

describe('dependency-review', () => {
  it('passes the base document ("None" paragraph)', () => {
    expect(findings(baseDocument())).toEqual([]);
  });

  it('passes a filled-in table', () => {
    expect(findings(withTable(QUEUE, LEDGER))).toEqual([]);
  });

  it('reports a section with neither a table nor a "None" paragraph at the heading', () => {
    const text = edit(baseDocument(), NONE, 'We did not look at dependencies for this incident.');
    expect(findings(text)).toEqual([[ID, 'error', lineOf(text, '## Dependencies')]]);
    expect(messagesOf(text)[0]).toContain('| Dependency | Promise | As promised | Our implementation | Failure mode | Blast radius |');
  });

  it('reports a "None" paragraph whose reason is too short', () => {
    const text = edit(baseDocument(), NONE, 'None: our own change.');
    expect(findings(text)).toEqual([[ID, 'error', lineOf(text, 'None: our own')]]);
  });

  it('needs minNoneWords words of reason, "None" itself not counted', () => {
    const ten = 'None. The cause was a configuration change to our own workers.';
    const nine = 'None. The cause was a configuration change to our workers.';
    expect(findings(edit(baseDocument(), NONE, ten))).toEqual([]);
    const text = edit(baseDocument(), NONE, nine);
    expect(findings(text)).toEqual([[ID, 'error', lineOf(text, 'None. The cause')]]);
    expect(findings(text, { minNoneWords: 9 })).toEqual([]);
  });

  it('reports a table with no rows', () => {
    const text = withTable();
    expect(findings(text)).toEqual([[ID, 'error', lineOf(text, '| Dependency |')]]);
  });

  it('reports missing columns at the table header', () => {
    const text = edit(
      baseDocument(),
      NONE,
      '| Dependency | SLA | Performed as promised | Failure mode |\n|---|---|---|---|\n| Message queue | 99.9% | yes | expected-handled |',
    );
    expect(findings(text)).toEqual([[ID, 'error', lineOf(text, '| Dependency |')]]);
    expect(messagesOf(text)[0]).toContain('"Our implementation", "Blast radius"');
  });

  it('reports a row with empty cells', () => {
    const row = '| Message queue (internal) | 99.9% delivery within 1 s | yes |  | expected-handled | |';
    const text = withTable(row);
    expect(findings(text)).toEqual([[ID, 'error', lineOf(text, '| Message queue')]]);
    expect(messagesOf(text)[0]).toContain('"Our implementation", "Blast radius"');
  });

  it('reports invalid As promised and Failure mode values at their cells', () => {
    const row = '| Message queue (internal) | 99.9% delivery within 1 s | mostly | Sound | unexpected | Retries (AI-1) |';
    const text = withTable(QUEUE, row);
    const line = lineOf(text, '| mostly |');
    expect(findings(text)).toEqual([
      [ID, 'error', line],
      [ID, 'error', line],
    ]);
  });

  it('counts "Partly" (any case) as not as promised: it needs an action item', () => {
    const partly = LEDGER.replace('partly', 'Partly').replace(' (AI-2)', '').replace('expected-unhandled', 'expected-handled');
    const text = withTable(QUEUE, partly);
    expect(findings(text)).toEqual([[ID, 'error', lineOf(text, '| Ledger database')]]);
    expect(messagesOf(text)[0]).toContain('partly');
    expect(findings(withTable(QUEUE, `${partly.slice(0, -1)}(AI-2) |`))).toEqual([]);
  });

  it('needs an action item for "no", and for a failure mode other than expected-handled', () => {
    const no = QUEUE.replace('| yes |', '| no |');
    const novel = QUEUE.replace('Message queue', 'Object store').replace('expected-handled', 'Novel');
    const unhandled = QUEUE.replace('Message queue', 'DNS').replace('expected-handled', 'expected-unhandled');
    const text = withTable(no, novel, unhandled);
    expect(findings(text)).toEqual([
      [ID, 'error', lineOf(text, '| Message queue')],
      [ID, 'error', lineOf(text, '| Object store')],
      [ID, 'error', lineOf(text, '| DNS')],
    ]);
  });

  it('takes an action item anywhere in the row, in any column, case folded values', () => {
    const row = '| Ledger database (AI-1) | Writes within 50 ms | NO | No timeout | Expected-Unhandled | Timeouts |';
    expect(findings(withTable(row))).toEqual([]);
  });

  it('counts a reference to an undefined action item (references-exist reports it)', () => {
    const text = withTable(LEDGER.replace('AI-2', 'AI-9'));
    const messages = run(text);
    expect(findingsOf(messages, ID)).toEqual([]);
    expect(findingsOf(messages, 'references-exist')).toEqual([['references-exist', 'error', lineOf(text, '| Ledger database')]]);
  });

  it('passes over a missing Dependencies section (required-sections reports it)', () => {
    const text = edit(baseDocument(), `## Dependencies\n\n${NONE}\n\n`, '');
    expect(findings(text)).toEqual([]);
  });
});
