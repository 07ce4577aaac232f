// A time range followed by a zone name or an offset (format 3.2): the zone
// makes the range as unreadable as it makes a time alone, and an offset is
// the range's, start included.
import { describe, expect, it } from 'vitest';
import { matchEntryTime } from '../../src/util/written-time.js';
import { lintString } from '../helpers/lint.js';
import { MINIMAL } from '../helpers/rule-tester.js';

describe('matchEntryTime', () => {
  it.each([
    ['13:20 EST — a', '"EST" is a zone abbreviation, not an offset: write the offset instead ("13:20 -05:00")'],
    ['13:20-13:25 EST — a', '"EST" is a zone abbreviation, not an offset: write the offset instead ("13:20-13:25 -05:00")'],
    ['13:20–13:25 PDT', '"PDT" is a zone abbreviation, not an offset: write the offset instead ("13:20–13:25 -07:00")'],
    ['13:20 - 13:25 cet', '"cet" is a zone abbreviation, not an offset: write the offset instead ("13:20 - 13:25 +01:00")'],
    [
      '13:20 to 13:25 IST',
      '"IST" is a zone abbreviation, not an offset, and an ambiguous one (+05:30 India, +01:00 Ireland, +02:00 Israel): write the offset instead (e.g. "13:20 to 13:25 +05:30")',
    ],
    [
      '2026-09-08 13:20–13:25 CET',
      '"CET" is a zone abbreviation, not an offset: write the offset instead ("2026-09-08 13:20–13:25 +01:00")',
    ],
    ['13:20-13:25 UTC +02:00', '"13:20-13:25 UTC +02:00" has two offsets: write one (e.g. "13:20-13:25 +02:00")'],
    ['13:20-13:25 +15:00', '"+15:00" is not a UTC offset (from -12:00 to +14:00)'],
  ])('gives %j no time: %s', (text, problem) => {
    expect(matchEntryTime(text)?.problem).toBe(problem);
  });

  it.each([
    ['13:20-13:25 — a', '13:20', undefined, 11],
    ['13:20-13:25 UTC — a', '13:20-13:25 UTC', 0, 15],
    ['13:20-13:25 GMT', '13:20-13:25 GMT', 0, 15],
    ['13:20-13:25Z', '13:20-13:25Z', 0, 12],
    ['13:20-13:25 +02:00 — a', '13:20-13:25 +02:00', 120, 18],
    ['13:20 to 13:25 −05:00', '13:20 to 13:25 −05:00', -300, 21],
    ['2026-09-08 13:20–13:25 UTC+2', '2026-09-08 13:20–13:25 UTC+2', 120, 28],
    // The start's own offset is the range's.
    ['13:20 UTC to 13:25', '13:20 UTC', 0, 18],
    // Words after a range are words.
    ['13:20-13:25 Ops paged', '13:20', undefined, 11],
  ])('reads %j as %j at offset %j, the range taking %j characters', (text, time, offset, span) => {
    const m = matchEntryTime(text);
    expect(m && { problem: m.problem, text: m.text, offset: m.offset, span: m.span }).toEqual({
      problem: undefined,
      text: time,
      offset,
      span,
    });
  });

  it('reads a spaced em dash as a range only in brackets', () => {
    expect(matchEntryTime('09:33 — 07:33 UTC the deploy starts')).toMatchObject({ offset: undefined, span: 5 });
    expect(matchEntryTime('09:33 — 09:35 UTC]', true)).toMatchObject({ offset: 0, span: 17 });
  });
});

// The minimal COE (incident 2025-09-03 14:05 UTC), with its timeline's
// 14:12 entry (line 38) followed by these entries, from line 39.
const withEntries = (...entries: string[]) =>
  lintString(MINIMAL.replace('- 15:20 —', `${entries.map((e) => `- ${e}`).join('\n')}\n- 15:20 —`)).map(
    ({ ruleId, severity, line, message }) => ({ ruleId, severity, line, message }),
  );

const unreadable = (line: number, problem: string) => ({
  ruleId: 'timeline-order',
  severity: 'error',
  line,
  message: `Timeline entry has no readable time: ${problem}`,
});

describe('timeline-order: a zone or an offset after a time range', () => {
  it.each([
    ['14:20-14:25 EST', '"EST" is a zone abbreviation, not an offset: write the offset instead ("14:20-14:25 -05:00")'],
    ['[14:20-14:25] EST', '"EST" is a zone abbreviation, not an offset: write the offset instead ("14:20-14:25 -05:00")'],
    [
      '14:20 to 14:25 PST',
      '"PST" is a zone abbreviation, not an offset, and an ambiguous one (-08:00 US Pacific, +08:00 Philippines): write the offset instead (e.g. "14:20 to 14:25 -08:00")',
    ],
    [
      '2025-09-03 14:20–14:25 CET',
      '"CET" is a zone abbreviation, not an offset: write the offset instead ("2025-09-03 14:20–14:25 +01:00")',
    ],
  ])('reports "%s" as having no readable time, as the same time alone', (time, problem) => {
    expect(withEntries(`${time} — Status page notice posted.`)).toEqual([unreadable(39, problem)]);
  });

  it('reports the time alone the same way', () => {
    expect(withEntries('14:20 EST — Status page notice posted.')).toEqual([
      unreadable(39, '"EST" is a zone abbreviation, not an offset: write the offset instead ("14:20 -05:00")'),
    ]);
  });

  it.each(['14:20-14:25', '14:20-14:25 UTC', '[14:20-14:25 GMT]', '14:20 to 14:25Z', '2025-09-03 14:20–14:25 UTC'])(
    'reads "%s" in a UTC timeline as its start, with no finding',
    (time) => {
      expect(withEntries(`${time} — Status page notice posted.`)).toEqual([]);
    },
  );

  // 16:20 at +02:00 is 14:20 UTC and 16:30 14:30 UTC, before 15:10 UTC; at UTC they would be after it.
  it('reads a range followed by a numeric offset at that offset, for the entries after it too', () => {
    const text = ['16:20-16:25 +02:00 — Status page notice posted.', '16:30 — Status page updated.', '2025-09-03 15:10 UTC — Rollback.'];
    expect(withEntries(...text)).toEqual([]);
  });

  // 14:20 at +02:00 is 12:20 UTC, before the 14:12 UTC of the entry before it.
  it('reports a dated range followed by an offset that is earlier once the offset is applied', () => {
    const text = ['2025-09-03 14:20–14:25 +02:00 — Status page notice posted.', '2025-09-03 15:10 UTC — Rollback.'];
    expect(withEntries(...text)).toEqual([
      {
        ruleId: 'timeline-order',
        severity: 'error',
        line: 39,
        message:
          'Timeline entry "2025-09-03 14:20–14:25 +02:00" (2025-09-03 12:20 UTC) is earlier than the entry on line 38 (2025-09-03 14:12 UTC)',
      },
    ]);
  });
});

// AM or PM after a range's end: "2:20-2:25 PM" is 14:20 to 14:25.
describe('timeline-order: AM or PM after a time range', () => {
  it.each([
    ['1:20-1:25 PM', 13, 'p'],
    ['9:00-9:30 am', 9, 'a'],
    ['12:10-12:20 AM', 0, 'a'],
    ['11:50 AM-12:10 PM', 11, 'a'],
  ])('reads %j with its start in the same half of the day', (text, hour, half) => {
    expect(matchEntryTime(`${text} — a`)).toMatchObject({ hour, half, problem: undefined });
  });

  it('gives a range whose start would then come after its end no time', () => {
    expect(matchEntryTime('11:50-12:10 PM — a')?.problem).toBe(
      '"11:50-12:10 PM" does not say whether its start is AM or PM: write the 24-hour times',
    );
  });

  // 2:20 PM is 14:20, after 14:12 and before 15:20; read as 02:20 it is out of order.
  it('orders "2:20-2:25 PM" at 14:20, with no finding', () => {
    expect(withEntries('2:20-2:25 PM — Status page notice posted.')).toEqual([]);
  });

  it('reports the ambiguous range once, as having no readable time', () => {
    expect(withEntries('11:50-12:10 PM — Status page notice posted.')).toEqual([
      unreadable(39, '"11:50-12:10 PM" does not say whether its start is AM or PM: write the 24-hour times'),
    ]);
  });
});
