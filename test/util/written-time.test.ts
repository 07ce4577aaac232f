// matchTime: a time at the start of a text, what ends it, and what it
// refuses to read rather than read wrongly (format 3.2).
import { describe, expect, it } from 'vitest';
import { matchTime, offsetMinutes } from '../../src/util/written-time.js';

/** What was read: the time's text, hour, minute, second and offset, or the problem. */
const read = (text: string) => {
  const m = matchTime(text);
  if (!m) return undefined;
  return m.problem ? { problem: m.problem } : { text: m.text, at: [m.hour, m.minute, m.second], offset: m.offset };
};

describe('matchTime', () => {
  it.each([
    ['06:52: The alarm fires', '06:52', [6, 52, 0], undefined],
    ['07:33:10: The alarm fires', '07:33:10', [7, 33, 10], undefined],
    ['2025-10-20 08:48 +02:00: A host fails', '2025-10-20 08:48 +02:00', [8, 48, 0], 120],
    ['08:48 UTC+2: A host fails', '08:48 UTC+2', [8, 48, 0], 120],
    ['2025-10-20 01:48 UTC−05:00 — a', '2025-10-20 01:48 UTC−05:00', [1, 48, 0], -300],
    ['01:48 −05:00 — a', '01:48 −05:00', [1, 48, 0], -300],
    ['2025-10-20T01:48-05:00', '2025-10-20T01:48-05:00', [1, 48, 0], -300],
    ['07:51 PMs join the call', '07:51', [7, 51, 0], undefined],
    ['12:10 AMI rebuilt', '12:10', [12, 10, 0], undefined],
    ['9:05 pm gmt', '9:05 pm gmt', [21, 5, 0], 0],
    ['12:30 a.m. — a', '12:30 a.m.', [0, 30, 0], undefined],
    ['07:33-07:35 — a', '07:33', [7, 33, 0], undefined],
    ['07:33–07:35 — a', '07:33', [7, 33, 0], undefined],
    ['07:33 - 07:35 — a', '07:33', [7, 33, 0], undefined],
    ['06:48 Zookeeper restarts', '06:48', [6, 48, 0], undefined],
    ['06:48Z', '06:48Z', [6, 48, 0], 0],
    ['06:48 +5% errors', '06:48', [6, 48, 0], undefined],
  ])('reads %j as %j', (text, time, at, offset) => {
    expect(read(text)).toEqual({ text: time, at, offset });
  });

  it.each([
    ['06:48 +2 — a', '"+2" after the time is not an offset as written: write hours and minutes after a space (e.g. "06:48 +02:00")'],
    ['06:48 UTC +0200 — a', '"06:48 UTC +0200" has two offsets: write one (e.g. "06:48 +02:00")'],
    ['2025-10-20 07:33:00-05 a', '"-05" after the time is not an offset as written'],
    ['2025-10-20 07:33-07:35 a', '"2025-10-20 07:33-07:35" may be a time range or a time with an offset'],
    ['06:48 +15:00', '"+15:00" is not a UTC offset (from -12:00 to +14:00)'],
    ['06:48 US/Eastern', '"US/Eastern" is a time zone name'],
  ])('never drops an offset: %j', (text, problem) => {
    expect(read(text)?.problem).toContain(problem);
  });

  it.each(['06:48:1', 'At 06:48', '2025-10-20 — a', '0648'])('reads no time at the start of %j', (text) => {
    expect(matchTime(text)).toBeUndefined();
  });
});

describe('offsetMinutes', () => {
  it('reads U+2212 as a minus', () => {
    expect(offsetMinutes('UTC−5')).toBe(-300);
    expect(offsetMinutes('−05:30')).toBe(-330);
  });
});
