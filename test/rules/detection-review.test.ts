import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintString } from '../helpers/lint.js';

const ID = 'detection-review';
const run = (text: string, options: Record<string, unknown> = {}) =>
  lintString(text, { config: { rules: { [ID]: { level: undefined, options } } } });
const findings = (text: string, options: Record<string, unknown> = {}) => findingsOf(run(text, options), ID);

const SPEED_ANSWER = `Yes. The queue age alarm paged the on-call engineer four minutes after the
backlog began to grow, well within our five minute goal for this service.`;
const SIMILAR = `### Would we detect similar events?

Yes. Any loss of worker capacity raises queue age, and the same alarm would
page us within minutes whatever the cause of the slowdown.
`;

describe('detection-review', () => {
  it('passes the base document', () => {
    expect(findings(baseDocument())).toEqual([]);
  });

  it('reports a missing question at the Detection heading, naming the template heading', () => {
    const text = edit(baseDocument(), SIMILAR, '');
    const messages = run(text).filter((m) => m.ruleId === ID);
    expect(findingsOf(messages, ID)).toEqual([[ID, 'error', lineOf(text, '## Detection')]]);
    expect(messages[0]!.message).toContain('### Would we detect similar events?');
  });

  it('reports a question whose heading has none of its keywords as missing', () => {
    const text = edit(baseDocument(), '### Was detection fast enough?', '### How did we find out?');
    expect(findings(text)).toEqual([[ID, 'error', lineOf(text, '## Detection')]]);
  });

  it('accepts headings found by other keywords', () => {
    let text = edit(baseDocument(), '### Was detection fast enough?', '### Time to detect');
    text = edit(text, '### Did our metrics reflect the customer experience?', '### Observability');
    text = edit(text, '### Would we detect similar events?', '### Could it recur unnoticed?');
    expect(findings(text)).toEqual([]);
  });

  it('reports a short answer at its heading', () => {
    const text = edit(baseDocument(), SPEED_ANSWER, 'Yes, four minutes.');
    const messages = run(text).filter((m) => m.ruleId === ID);
    expect(findingsOf(messages, ID)).toEqual([[ID, 'error', lineOf(text, '### Was detection fast enough?')]]);
    expect(messages[0]!.message).toContain('3 words');
  });

  it('reports an empty subsection at its heading', () => {
    const text = edit(baseDocument(), SPEED_ANSWER, '');
    expect(findings(text)).toEqual([[ID, 'error', lineOf(text, '### Was detection fast enough?')]]);
  });

  it('passes over an answer left as a placeholder: no-placeholders alone reports it (format 4.1)', () => {
    let text = edit(baseDocument(), SPEED_ANSWER, 'TODO');
    text = edit(
      text,
      `Yes. Queue age is the delay merchants see, and the alarm threshold of three
minutes matches what merchants told us they tolerate.`,
      '{{Did the metrics show what customers saw? Say which metric, its threshold, and what customers saw meanwhile, in numbers}}',
    );
    const messages = run(text);
    expect(findingsOf(messages, ID)).toEqual([]);
    expect(findingsOf(messages, 'no-placeholders').length).toBe(2);
  });

  it('reports a short answer that holds no placeholder', () => {
    const fourteen = 'The alarm paged us four minutes after impact began, within our five minute goal.';
    const text = edit(baseDocument(), SPEED_ANSWER, fourteen);
    expect(findings(text)).toEqual([[ID, 'error', lineOf(text, '### Was detection fast enough?')]]);
    expect(findings(edit(baseDocument(), SPEED_ANSWER, `${fourteen} TODO`))).toEqual([]);
  });

  it('accepts an answer of exactly minWords words', () => {
    const fifteen = 'Yes. The alarm paged us four minutes after impact began, within our five minute goal.';
    expect(findings(edit(baseDocument(), SPEED_ANSWER, fifteen))).toEqual([]);
  });

  it('reads the minWords option', () => {
    const text = baseDocument();
    expect(findings(text, { minWords: 40 })).toEqual([
      [ID, 'error', lineOf(text, '### Was detection fast enough?')],
      [ID, 'error', lineOf(text, '### Did our metrics reflect the customer experience?')],
      [ID, 'error', lineOf(text, '### Would we detect similar events?')],
    ]);
  });

  it('passes over a missing Detection section (required-sections reports it)', () => {
    const base = baseDocument();
    const section = base.slice(base.indexOf('## Detection'), base.indexOf('## Dependencies'));
    const text = edit(base, section, '');
    const messages = run(text);
    expect(findingsOf(messages, ID)).toEqual([]);
    expect(findingsOf(messages, 'required-sections')).toEqual([['required-sections', 'error', lineOf(text, '# Delayed')]]);
  });
});
