import { describe, expect, it } from 'vitest';
import {
  checkDetectedAfter,
  checkDetectedBy,
  checkId,
  checkList,
  checkSeverity,
  checkText,
  checkTime,
  dateOf,
  isoTimeOf,
  nowMinute,
  splitList,
} from '../../src/new/values.js';

describe('checks shared by flags and prompts', () => {
  it('severity is a whole number from 1 to 5', () => {
    for (const ok of ['1', '5', ' 3 ']) expect(checkSeverity(ok)).toBeUndefined();
    for (const bad of ['0', '6', '2.5', 'high', '', '-1']) expect(checkSeverity(bad)).toMatch(/1 \(most severe\) to 5/);
  });

  it('times take every form of a timeline entry, and become ISO 8601', () => {
    const forms: [string, string][] = [
      ['2025-10-20T06:48:00Z', '2025-10-20T06:48:00Z'],
      ['2025-10-20T08:48+02:00', '2025-10-20T08:48:00+02:00'],
      ['2025-10-20 06:48Z', '2025-10-20T06:48:00Z'],
      ['2025-10-20T06:48:00.5-0500', '2025-10-20T06:48:00.5-05:00'],
      ['2026-11-24 14:02 UTC', '2026-11-24T14:02:00Z'],
      ['2026-11-24T14:02Z', '2026-11-24T14:02:00Z'],
      ['2026-11-24 16:02 +02:00', '2026-11-24T16:02:00+02:00'],
      ['2026-11-24 14:02', '2026-11-24T14:02:00Z'],
      [' 2026-11-24 9:05 pm gmt ', '2026-11-24T21:05:00Z'],
      ['2026-11-24, 12:30 AM', '2026-11-24T00:30:00Z'],
      ['2026-11-24 06:48 +14:00', '2026-11-24T06:48:00+14:00'],
    ];
    for (const [written, iso] of forms) {
      expect([written, checkTime(written)]).toEqual([written, undefined]);
      expect(isoTimeOf(written)).toBe(iso);
    }
    for (const bad of ['2025-10-20', 'yesterday', '', '06:48', '2025-10-20T06:48 tomorrow!'])
      expect(checkTime(bad)).toMatch(/must be a date and a time, e\.g\. 2025-10-20 06:48 UTC/);
    for (const bad of ['2025-13-40T06:48Z', '2025-02-29 06:48', '2025-10-20 24:00', '2025-10-20 13:00 PM'])
      expect(checkTime(bad)).toMatch(/is not a real date and time/);
    expect(checkTime('2025-10-20 06:48 EST')).toBe(
      '"EST" is a zone abbreviation, not an offset: write the offset instead ("2025-10-20 06:48 -05:00")',
    );
    expect(checkTime('2025-10-20 06:48 +15:00')).toMatch(/"\+15:00" is not a UTC offset/);
    expect(checkTime('2025-10-20 06:48 -12:30')).toMatch(/"-12:30" is not a UTC offset/);
    expect(() => isoTimeOf('soon')).toThrow();
  });

  it('detected is not before the start, offsets counted', () => {
    const after = checkDetectedAfter('2025-10-20T06:48:00Z');
    expect(after('2025-10-20T06:48:00Z')).toBeUndefined();
    expect(after('2025-10-20T08:50+02:00')).toBeUndefined();
    expect(after('2025-10-20T08:47+02:00')).toMatch(/not be before the start/);
    expect(after('2025-10-20 06:47')).toMatch(/not be before the start/);
    expect(checkDetectedAfter('2025-10-20 08:48 +02:00')('2025-10-20 06:48 UTC')).toBeUndefined();
    expect(after('soon')).toMatch(/must be a date and a time/);
  });

  it('detected-by is one of the sources', () => {
    expect(checkDetectedBy('customer-report')).toBeUndefined();
    expect(checkDetectedBy('pager')).toMatch(/one of: alarm, aggregate-alarm/);
  });

  it('ids follow the configured prefix', () => {
    expect(checkId('COE')('COE-2025-042')).toBeUndefined();
    expect(checkId('COE')('COE-25-1')).toMatch(/COE-2025-042/);
    expect(checkId('INC')('COE-2025-042')).toMatch(/INC-2025-042/);
  });

  it('text is one line and not empty', () => {
    expect(checkText('orders-team')).toBeUndefined();
    expect(checkText('  ')).toMatch(/empty/);
    expect(checkText('two\nlines')).toMatch(/one line/);
  });

  it('lists are separated by commas', () => {
    expect(splitList(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(checkList(true)('')).toMatch(/at least one/);
    expect(checkList(false)('')).toBeUndefined();
    expect(checkList(true)('a, b\tc')).toMatch(/one line/);
  });

  it('dates and defaults', () => {
    expect(dateOf('2025-10-20T23:30-05:00')).toBe('2025-10-20');
    expect(nowMinute(new Date('2025-10-20T06:48:31.123Z'))).toBe('2025-10-20T06:48:00Z');
  });
});
