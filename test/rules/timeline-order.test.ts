// timeline-order: every timeline entry begins with a readable time, and the
// entries are in chronological order.
import dedent from 'dedent';
import rule from '../../src/rules/timeline-order.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, type TestCase } from '../helpers/rule-tester.js';
import { baseDocument, edit, lineOf, lintString } from '../helpers/lint.js';

/** A Timeline section with these entries (the minimal COE's incident starts 2025-09-03 14:05 UTC). */
const timeline = (...entries: string[]) => `## Timeline\n\n${entries.join('\n')}`;

// An incident that crosses midnight in Central European Summer Time.
const CEST_INCIDENT = dedent`
  ---
  incident:
    start: 2025-10-21T21:40:00Z
    detected: 2025-10-21T23:58:00+02:00
    engaged: 2025-10-22T00:03:00+02:00
    mitigated: 2025-10-21T23:10:00Z
    resolved: 2025-10-22T01:30:00Z
  ---
`;

const NOT_A_TIME = [
  '- 2025-09-31 14:06 UTC — no such day',
  '- 24:00 — no such hour',
  '- 14:60 — no such minute',
  '- At 14:06 the alarm fired',
  '- **Alarm** 14:06',
];

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    {
      name: 'a table in local time with an offset, across midnight, with an entry before the start',
      code: `${CEST_INCIDENT}\n\n${dedent`
        ## Timeline

        | Time (CEST) | Event |
        |---|---|
        | 2025-10-21 23:15 +02:00 | The card processor starts rotating the certificate of its endpoint. |
        | 23:40 | First declined card payments; the decline rate rises to 18%. |
        | 23:58 | Support opens an incident after 40 merchant reports. |
        | 2025-10-22 00:03 +02:00 | The on-call engineer is engaged. |
        | 00:20 | Status page notice posted. |
        | 01:10 | Card payments moved to the secondary processor; declines stop. |
        | 03:30 | Certificate pinning removed from the gateway; incident closed. |
      `}`,
    },
    {
      name: 'entries before incident.start, and entries of the same time',
      code: timeline(
        '- 2025-09-03 13:50 UTC — The change is deployed.',
        '- 14:05 — Impact begins.',
        '- 14:05 — The queue grows.',
        '- 14:09:30 — Alarm.',
      ),
    },
    { name: 'the first time alone takes the date of incident.start', code: timeline('- 14:05 — start', '- 14:09 — detected') },
    {
      name: 'a time alone after the date of a new day is written',
      code: timeline('- 2025-09-03 23:50 UTC — late', '- 2025-09-04 00:10 UTC — after midnight', '- 00:20 — later'),
    },
    {
      // 16:06 at +02:00 is 14:06 UTC; 10:07 at -04:00 is 14:07 UTC; a date without an offset is UTC.
      name: 'entries with different offsets, compared in UTC',
      code: timeline(
        '- 2025-09-03 14:05 UTC — start',
        '- 2025-09-03 16:06 +02:00 — a',
        '- 2025-09-03 10:07 -04:00 — b',
        '- 2025-09-03 14:08 — c',
      ),
    },
    {
      name: 'time-alone entries when incident.start could not be read',
      code: `---\nincident:\n  start: 2025-09-03T14:05:00\n---\n\n${timeline('- 14:09 — detected', '- 14:05 — earlier, but no date to compare')}`,
    },
    { name: 'nothing when off', code: timeline('- 14:09 — a', '- 14:05 — b'), config: { rules: { 'timeline-order': { level: 'off' } } } },
  ],
  invalid: [
    {
      name: 'a time alone that goes back past midnight',
      code: `${CEST_INCIDENT}\n\n${dedent`
        ## Timeline

        | Time (CEST) | Event |
        |---|---|
        | 2025-10-21 23:15 +02:00 | The card processor starts rotating the certificate of its endpoint. |
        | 23:40 | First declined card payments; the decline rate rises to 18%. |
        | 23:58 | Support opens an incident after 40 merchant reports. |
        | 00:03 | The on-call engineer is engaged. | {timeline-order}
        | 00:20 | Status page notice posted. |
      `}`,
      messages: [
        'Timeline entry "00:03" (2025-10-20 22:03 UTC) is earlier than the entry on line 40 (2025-10-21 21:58 UTC); a time alone takes the date of the entry before it, so write the date on the first entry of a new day',
      ],
    },
    {
      name: 'each entry that is earlier than the entry before it',
      code: timeline('- 14:05 — a', '- 14:12 — b', '- 14:09 — c {timeline-order}', '- 14:10 — d', '- 14:01 — e {timeline-order}'),
      messages: [
        /^Timeline entry "14:09" \(2025-09-03 14:09 UTC\) is earlier than the entry on line \d+ \(2025-09-03 14:12 UTC\)$/,
        'is earlier than the entry on line',
      ],
    },
    {
      name: 'a full date and time out of order',
      code: timeline('- 2025-09-03 14:05 UTC — a', '- 2025-09-02 14:06 UTC — b {timeline-order}'),
    },
    {
      // 16:00 at +02:00 is 14:00 UTC; a date without an offset is UTC, so 14:04 is earlier than 14:05 UTC.
      name: 'an entry that is earlier once its offset is applied',
      code: timeline(
        '- 2025-09-03 14:05 UTC — a',
        '- 2025-09-03 16:00 +02:00 — b {timeline-order}',
        '- 2025-09-03 14:20 UTC — c',
        '- 2025-09-03 14:04 — d {timeline-order}',
      ),
    },
    {
      name: 'a time alone that goes back after a time alone with an offset',
      code: timeline('- 2025-09-03 14:05 UTC — a', '- 16:10 +02:00 — b', '- 16:00 — c {timeline-order}'),
    },
    {
      name: 'an entry with no readable time, and the next entry compared with the one before it',
      code: timeline('- 14:05 — a', '- Around lunch — b {timeline-order}', '- 14:04 — c {timeline-order}'),
      messages: ['Timeline entry has no readable time: the entry does not begin with a time', 'earlier than the entry on line'],
    },
    {
      // Read as its start, as the range written bare.
      name: 'a time range in brackets that is earlier than the entry before it, in a table',
      code: timeline(
        '| When (UTC) | What |',
        '|---|---|',
        '| 2025-09-03 14:05 | a |',
        '| [14:12-14:15] | b |',
        '| [14:09-14:11] | c | {timeline-order}',
        '| (14:20–14:25) | d |',
      ),
      messages: [/^Timeline entry "14:09" \(2025-09-03 14:09 UTC\) is earlier than the entry on line \d+ \(2025-09-03 14:12 UTC\)$/],
    },
    ...NOT_A_TIME.map((entry): TestCase => ({
      name: `an entry that does not begin with a real time: ${entry}`,
      code: timeline('- 14:05 — a', `${entry} {timeline-order}`),
    })),
    {
      name: 'a table row out of order, and never the header row',
      code: timeline(
        '| When (UTC) | What |',
        '|---|---|',
        '| 2025-09-03 14:05 | a |',
        '| 14:09 | b |',
        '| 14:07 | c | {timeline-order}',
        '| Later | d | {timeline-order}',
      ),
    },
    {
      name: 'a timeline with no entries, at its heading',
      code: '## Timeline {timeline-order}\n\nWe did not keep a timeline.',
      messages: ['Timeline has no entries'],
    },
    { name: 'an empty timeline, at its heading', code: '## Timeline {timeline-order}' },
    {
      name: 'as a warning when set to warn',
      code: timeline('- 14:09 — a', '- 14:05 — b {timeline-order:warn}'),
      config: { rules: { 'timeline-order': { level: 'warn' } } },
    },
  ],
});

// Format 4.1: a finding points at the offending value, a cell's text and not its "|".
describe('timeline-order: where a finding points', () => {
  const entries = (lines: string[]) =>
    edit(baseDocument(), '- 14:09 — The queue age alarm pages the on-call engineer.\n', `${lines.join('\n')}\n`);
  const columns = (text: string) =>
    lintString(text)
      .filter((m) => m.ruleId === 'timeline-order')
      .map((m) => [m.line, m.column]);

  it('at the time in a list item, after its bullet', () => {
    const text = entries(['-   14:01 — The queue age alarm pages the on-call engineer.']);
    expect(columns(text)).toEqual([[lineOf(text, '14:01'), 5]]);
  });

  it('at the text of the first cell of a table row', () => {
    const table = [
      '| Time | Event |',
      '|---|---|',
      '| 2025-09-03 14:05 UTC | start |',
      '|  14:01 | The alarm fires. |',
      '| 14:30 | Status page. |',
    ];
    const tabled = baseDocument().replace(/(## Timeline\n\n)[^#]*/, `$1${table.join('\n')}\n\n`);
    expect(columns(tabled)).toEqual([[lineOf(tabled, '14:01'), 4]]);
  });
});
