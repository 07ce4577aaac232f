// Timeline entries: a time at the start of each list item or table row,
// resolved against the entry before it and, first, incident.start in UTC.
import { describe, expect, it } from 'vitest';
import { parse, withStart } from './helpers.js';

const START = '2025-10-20T06:48:00Z';

function entries(body: string, start = START) {
  return parse(withStart(start, `## Timeline\n\n${body}`)).timeline ?? [];
}

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

describe('timeline times', () => {
  it.each([
    ['2025-10-20 06:48 UTC — x', '2025-10-20T06:48:00.000Z'],
    ['2025-10-20T06:48Z x', '2025-10-20T06:48:00.000Z'],
    ['2025-10-20 08:48 +02:00 x', '2025-10-20T06:48:00.000Z'],
    ['2025-10-20 01:48 -0500 x', '2025-10-20T06:48:00.000Z'],
    ['2025-10-20 06:48:10 GMT x', '2025-10-20T06:48:10.000Z'],
    ['2025-10-20T06:48:00Z x', '2025-10-20T06:48:00.000Z'],
    ['**2025-10-20 06:48 UTC** x', '2025-10-20T06:48:00.000Z'],
  ])('reads a full date and time: %s', (text, expected) => {
    const [entry] = entries(`- ${text}\n`);
    expect(entry).toMatchObject({ hasDate: true, problem: undefined });
    expect(iso(entry?.time)).toBe(expected);
  });

  it('reads a full date and time without an offset as UTC', () => {
    const [entry] = entries('- 2025-10-20 06:48 — the change\n');
    expect(iso(entry?.time)).toBe('2025-10-20T06:48:00.000Z');
    expect(entry?.timeText).toBe('2025-10-20 06:48');
  });

  it('gives the first time alone the date of incident.start, in UTC', () => {
    // 01:30 at +02:00 is the evening before in UTC.
    const [entry] = entries('- 23:35 — the change\n', '2025-10-21T01:30:00+02:00');
    expect(iso(entry?.time)).toBe('2025-10-20T23:35:00.000Z');
    expect(entry?.hasDate).toBe(false);
  });

  it('gives a time alone the date and the offset of the entry before it', () => {
    const list = [
      '- 2025-10-20 08:48 +02:00 — start',
      '- 09:33 — detected',
      '- 09:33:30 — engaged',
      '- 2025-10-21 00:10 UTC — next day',
      '- 00:20 — later',
    ];
    expect(entries(list.join('\n')).map((e) => iso(e.time))).toEqual([
      '2025-10-20T06:48:00.000Z',
      '2025-10-20T07:33:00.000Z',
      '2025-10-20T07:33:30.000Z',
      '2025-10-21T00:10:00.000Z',
      '2025-10-21T00:20:00.000Z',
    ]);
  });

  it('lets a time alone carry its own offset for the entries after it', () => {
    const list = ['- 08:48 +02:00 — start', '- 09:00 — next'];
    expect(entries(list.join('\n')).map((e) => iso(e.time))).toEqual(['2025-10-20T06:48:00.000Z', '2025-10-20T07:00:00.000Z']);
  });

  it('resolves a time alone that goes back to an earlier time on the same date', () => {
    const list = ['- 23:50 — late', '- 00:10 — after midnight, but no date'];
    const [a, b] = entries(list.join('\n'));
    expect(b!.time! < a!.time!).toBe(true);
    expect(iso(b?.time)).toBe('2025-10-20T00:10:00.000Z');
  });

  it('gives a time alone no time when there is no incident.start to take a date from', () => {
    const doc = parse('---\ncoe: 1\n---\n\n## Timeline\n\n- 06:48 — start\n- 2025-10-20 07:00 UTC — dated\n- 07:10 — after\n');
    expect(doc.timeline?.map((e) => [e.timeText, iso(e.time), e.problem])).toEqual([
      ['06:48', undefined, undefined],
      ['2025-10-20 07:00 UTC', '2025-10-20T07:00:00.000Z', undefined],
      ['07:10', '2025-10-20T07:10:00.000Z', undefined],
    ]);
  });

  // As the same range written bare ("09:33-09:35"): its start, at the offset of the
  // entry before it (an offset after the range's end: below).
  it.each([
    '[09:33-09:35] — x',
    '(09:33-09:35) — x',
    '(09:33–09:35) — x',
    '[09:33 – 09:35] — x',
    '(09:33 to 09:35) — x',
    '**[09:33-09:35]** — x',
  ])('reads a time range in brackets or parentheses as its start: %s', (text) => {
    const list = ['- 2025-10-20 08:48 +02:00 — start', `- ${text}`, '- 09:40 — after'];
    expect(entries(list.join('\n')).map((e) => [e.timeText, iso(e.time), e.problem])).toEqual([
      ['2025-10-20 08:48 +02:00', '2025-10-20T06:48:00.000Z', undefined],
      ['09:33', '2025-10-20T07:33:00.000Z', undefined],
      ['09:40', '2025-10-20T07:40:00.000Z', undefined],
    ]);
  });

  it('reads a time range in brackets in a table cell as its start', () => {
    const table = ['| Time (UTC) | Event |', '|---|---|', '| 2025-10-20 06:48 | start |', '| [07:33-07:35] | detected |'];
    expect(entries(table.join('\n')).map((e) => [e.timeText, iso(e.time), e.problem])).toEqual([
      ['2025-10-20 06:48', '2025-10-20T06:48:00.000Z', undefined],
      ['07:33', '2025-10-20T07:33:00.000Z', undefined],
    ]);
  });

  it.each([
    ['- [07:33-07:35 x] — not closed after the range'],
    ['- [07:33-] — no end to the range'],
    ['- [07:33-07] — an end that is no time'],
  ])('reads no time in brackets that do not close after a time or a range: %s', (item) => {
    const [entry] = entries(`${item}\n`);
    expect(entry?.time).toBeUndefined();
    expect(entry?.problem).toMatch(/does not begin with a time/);
  });

  it.each([
    ['- The change is deployed at 06:40.', /does not begin with a time/],
    ['- 2025-02-30 06:48 UTC — no such day', /not a real date/],
    ['- 25:10 — no such hour', /not a real time/],
    ['- 06:61 — no such minute', /not a real time/],
  ])('explains an entry with no readable time: %s', (item, problem) => {
    const [entry] = entries(`${item}\n`);
    expect(entry?.time).toBeUndefined();
    expect(entry?.problem).toMatch(problem);
  });

  it('places each entry on its list item (the list starts on line 9)', () => {
    const list = ['- 06:48 — one', '- 06:50 — two', '  continues', '- 06:55 — three'];
    expect(entries(list.join('\n')).map((e) => [e.range.start.line, e.range.end.line])).toEqual([
      [9, 9],
      [10, 11],
      [12, 12],
    ]);
  });
});

describe('timeline tables', () => {
  const table = ['| Time (UTC) | Event |', '|---|---|', '| 2025-10-20 06:48 | start |', '| 07:33 | detected |'].join('\n');

  it('reads each row after the header as an entry, by its first cell (the header is on line 9)', () => {
    const list = entries(`${table}\n`);
    expect(list.map((e) => [e.timeText, iso(e.time), e.range.start.line])).toEqual([
      ['2025-10-20 06:48', '2025-10-20T06:48:00.000Z', 11],
      ['07:33', '2025-10-20T07:33:00.000Z', 12],
    ]);
  });

  it('reads every list and table of the section, in order', () => {
    const list = entries(`Intro paragraph.\n\n${table}\n\nThe next day:\n\n- 2025-10-21 01:00 UTC — a later entry\n`);
    expect(list).toHaveLength(3);
    expect(list[2]?.text).toContain('a later entry');
  });

  it('has no entries when the section has no list or table', () => {
    expect(entries('We did not keep a timeline.\n')).toEqual([]);
  });
});

// A range followed by an offset is read at that offset, as "09:33 +02:00" is,
// and a range followed by a zone name has no time, as "09:33 EST" has none.
describe('timeline ranges followed by an offset or a zone', () => {
  const after = (prior: string, text: string) =>
    entries([`- ${prior} — start`, `- ${text} — x`, '- 09:40 — after'].join('\n')).map((e) => [e.timeText, iso(e.time), e.problem]);

  it.each([
    ['09:33-09:35', '09:33', '2025-10-20T07:33:00.000Z', '2025-10-20T07:40:00.000Z'],
    ['09:33-09:35 +02:00', '09:33-09:35 +02:00', '2025-10-20T07:33:00.000Z', '2025-10-20T07:40:00.000Z'],
    ['09:33-09:35 UTC', '09:33-09:35 UTC', '2025-10-20T09:33:00.000Z', '2025-10-20T09:40:00.000Z'],
    ['09:33 to 09:35 GMT', '09:33 to 09:35 GMT', '2025-10-20T09:33:00.000Z', '2025-10-20T09:40:00.000Z'],
    ['09:33–09:35Z', '09:33–09:35Z', '2025-10-20T09:33:00.000Z', '2025-10-20T09:40:00.000Z'],
    ['[09:33-09:35 UTC]', '09:33-09:35 UTC', '2025-10-20T09:33:00.000Z', '2025-10-20T09:40:00.000Z'],
    ['(09:33-09:35) -05:00', '09:33-09:35 -05:00', '2025-10-20T14:33:00.000Z', '2025-10-20T14:40:00.000Z'],
  ])('reads %s after an entry at +02:00 at the offset after the range, for the entries after it too', (text, timeText, at, next) => {
    expect(after('2025-10-20 08:48 +02:00', text)).toEqual([
      ['2025-10-20 08:48 +02:00', '2025-10-20T06:48:00.000Z', undefined],
      [timeText, at, undefined],
      ['09:40', next, undefined],
    ]);
  });

  it('reads a full date and a range followed by an offset at that offset', () => {
    expect(after('2025-10-20 06:48 UTC', '2025-10-20 11:33–11:35 +02:00')).toEqual([
      ['2025-10-20 06:48 UTC', '2025-10-20T06:48:00.000Z', undefined],
      ['2025-10-20 11:33–11:35 +02:00', '2025-10-20T09:33:00.000Z', undefined],
      ['09:40', '2025-10-20T07:40:00.000Z', undefined],
    ]);
  });

  it.each([
    ['13:20-13:25 EST', '"EST" is a zone abbreviation, not an offset: write the offset instead ("13:20-13:25 -05:00")'],
    ['[13:20-13:25] EST', '"EST" is a zone abbreviation, not an offset: write the offset instead ("13:20-13:25 -05:00")'],
    ['[13:20-13:25 EST]', '"EST" is a zone abbreviation, not an offset: write the offset instead ("13:20-13:25 -05:00")'],
    [
      '13:20 to 13:25 PST',
      '"PST" is a zone abbreviation, not an offset, and an ambiguous one (-08:00 US Pacific, +08:00 Philippines): write the offset instead (e.g. "13:20 to 13:25 -08:00")',
    ],
    [
      '2025-10-20 13:20–13:25 CET',
      '"CET" is a zone abbreviation, not an offset: write the offset instead ("2025-10-20 13:20–13:25 +01:00")',
    ],
    ['13:20-13:25 (CEST)', '"CEST" is a zone abbreviation, not an offset: write the offset instead ("13:20-13:25 +02:00")'],
    [
      '13:20-13:25 US/Pacific',
      '"US/Pacific" is a time zone name, not an offset: write the offset from UTC instead (e.g. "13:20-13:25 -05:00"), since its offset changes with daylight saving time',
    ],
    [
      '13:20-13:25 +2',
      '"+2" after the time is not an offset as written: write hours and minutes after a space (e.g. "13:20-13:25 +02:00")',
    ],
  ])('gives %s no time, as the same time alone, and keeps the clock', (text, problem) => {
    const timeText = text.startsWith('2025') ? '2025-10-20 13:20' : '13:20';
    expect(after('2025-10-20 08:48 +02:00', text)).toEqual([
      ['2025-10-20 08:48 +02:00', '2025-10-20T06:48:00.000Z', undefined],
      [timeText, undefined, problem],
      ['09:40', '2025-10-20T07:40:00.000Z', undefined],
    ]);
  });

  it('reads words after a range as words', () => {
    expect(after('2025-10-20 06:48 UTC', '07:33-07:35 Ops paged')[1]).toEqual(['07:33', '2025-10-20T07:33:00.000Z', undefined]);
  });

  // "— 07:33 UTC" is the text after the time, as in a timeline kept in local time.
  it('reads a spaced em dash as the end of the time, not a range, outside brackets', () => {
    expect(after('2025-10-20 08:48 +02:00', '09:33 — 07:33 UTC the deploy starts')[1]).toEqual([
      '09:33',
      '2025-10-20T07:33:00.000Z',
      undefined,
    ]);
  });
});
