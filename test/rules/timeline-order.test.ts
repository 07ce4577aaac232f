// timeline-order: every timeline entry begins with a readable time, and the
// entries are in chronological order.
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintFixture, lintString, type LintCase } from '../helpers/lint.js';

const RULE = 'timeline-order';
const base = baseDocument();
const HEADING = lineOf(base, '## Timeline');

const findings = (text: string, options?: LintCase) => findingsOf(lintString(text, options), RULE);
const errorAt = (...lines: number[]) => lines.map((line) => [RULE, 'error', line]);

/** The base document with its Timeline body replaced. */
function timeline(body: string, text = base): string {
  const start = text.indexOf('## Timeline\n') + '## Timeline\n'.length;
  const end = text.indexOf('## Five whys');
  return `${text.slice(0, start)}\n${body}\n${text.slice(end)}`;
}

describe('timeline-order passes', () => {
  it('passes the base document', () => {
    expect(findings(base)).toEqual([]);
  });

  it('passes a table in local time with an offset, across midnight, with an entry before the start', () => {
    expect(findingsOf(lintFixture('rules/timeline-order/pass-table-offsets.md'), RULE)).toEqual([]);
  });

  it('passes entries before incident.start and entries of the same time', () => {
    const text = timeline(['- 2025-09-03 13:50 UTC — The change is deployed.', '- 14:05 — Impact begins.', '- 14:05 — The queue grows.', '- 14:09:30 — Alarm.'].join('\n'));
    expect(findings(text)).toEqual([]);
  });

  it('gives the first time alone the date of incident.start', () => {
    expect(findings(timeline(['- 14:05 — start', '- 14:09 — detected'].join('\n')))).toEqual([]);
  });

  it('passes a time alone after the date of a new day is written', () => {
    const text = timeline(['- 2025-09-03 23:50 UTC — late', '- 2025-09-04 00:10 UTC — after midnight', '- 00:20 — later'].join('\n'));
    expect(findings(text)).toEqual([]);
  });

  it('compares entries with different offsets in UTC', () => {
    // 16:06 at +02:00 is 14:06 UTC; 10:07 at -04:00 is 14:07 UTC; a date without an offset is UTC.
    const text = timeline(['- 2025-09-03 14:05 UTC — start', '- 2025-09-03 16:06 +02:00 — a', '- 2025-09-03 10:07 -04:00 — b', '- 2025-09-03 14:08 — c'].join('\n'));
    expect(findings(text)).toEqual([]);
  });

  it('passes over time-alone entries when incident.start could not be read', () => {
    let text = edit(base, 'start: 2025-09-03T14:05:00Z', 'start: 2025-09-03T14:05:00');
    text = timeline(['- 14:09 — detected', '- 14:05 — earlier, but no date to compare'].join('\n'), text);
    expect(findings(text)).toEqual([]);
  });
});

describe('timeline-order reports', () => {
  it('reports a time alone that goes back past midnight', () => {
    expect(findingsOf(lintFixture('rules/timeline-order/fail-time-alone-after-midnight.md'), RULE)).toEqual(errorAt(50));
  });

  it('reports each entry that is earlier than the entry before it', () => {
    const text = timeline(['- 14:05 — a', '- 14:12 — b', '- 14:09 — c', '- 14:10 — d', '- 14:01 — e'].join('\n'));
    expect(findings(text)).toEqual(errorAt(lineOf(text, '14:09 — c'), lineOf(text, '14:01 — e')));
  });

  it('reports a full date and time out of order', () => {
    const text = timeline(['- 2025-09-03 14:05 UTC — a', '- 2025-09-02 14:06 UTC — b'].join('\n'));
    expect(findings(text)).toEqual(errorAt(lineOf(text, '2025-09-02')));
  });

  it('reports an entry that is earlier once its offset is applied', () => {
    // 16:00 at +02:00 is 14:00 UTC; a date without an offset is UTC, so 14:04 is earlier than 14:05 UTC.
    const text = timeline(['- 2025-09-03 14:05 UTC — a', '- 2025-09-03 16:00 +02:00 — b', '- 2025-09-03 14:20 UTC — c', '- 2025-09-03 14:04 — d'].join('\n'));
    expect(findings(text)).toEqual(errorAt(lineOf(text, '16:00 +02:00'), lineOf(text, '14:04 — d')));
  });

  it('reports a time alone that goes back after a time alone with an offset', () => {
    const text = timeline(['- 2025-09-03 14:05 UTC — a', '- 16:10 +02:00 — b', '- 16:00 — c'].join('\n'));
    expect(findings(text)).toEqual(errorAt(lineOf(text, '16:00 — c')));
  });

  it('reports an entry with no readable time, and compares the next entry with the one before it', () => {
    const text = timeline(['- 14:05 — a', '- Around lunch — b', '- 14:04 — c'].join('\n'));
    expect(findings(text)).toEqual(errorAt(lineOf(text, 'Around lunch'), lineOf(text, '14:04 — c')));
  });

  it.each([
    ['- 2025-09-31 14:06 UTC — no such day'],
    ['- 24:00 — no such hour'],
    ['- 14:60 — no such minute'],
    ['- At 14:06 the alarm fired'],
    ['- **Alarm** 14:06'],
  ])('reports an entry that does not begin with a real time: %s', (entry) => {
    const text = timeline(`- 14:05 — a\n${entry}\n`);
    expect(findings(text)).toEqual(errorAt(lineOf(text, entry)));
  });

  it('reports a table row out of order, and never the header row', () => {
    const table = ['| When (UTC) | What |', '|---|---|', '| 2025-09-03 14:05 | a |', '| 14:09 | b |', '| 14:07 | c |', '| Later | d |'].join('\n');
    const text = timeline(table);
    expect(findings(text)).toEqual(errorAt(lineOf(text, '| 14:07 |'), lineOf(text, '| Later |')));
  });

  it('reports a timeline with no entries at its heading', () => {
    expect(findings(timeline('We did not keep a timeline.'))).toEqual(errorAt(HEADING));
    expect(findings(timeline(''))).toEqual(errorAt(HEADING));
  });
});

describe('timeline-order levels', () => {
  const text = timeline(['- 14:09 — a', '- 14:05 — b'].join('\n'));

  it('reports as a warning when set to warn', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'warn', options: {} } } } })).toEqual([[RULE, 'warn', lineOf(text, '14:05 — b')]]);
  });

  it('reports nothing when off', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'off', options: {} } } } })).toEqual([]);
  });
});
