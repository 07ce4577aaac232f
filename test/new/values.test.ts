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
  nowMinute,
  splitList,
} from '../../src/new/values.js';

describe('checks shared by flags and prompts', () => {
  it('severity is a whole number from 1 to 5', () => {
    for (const ok of ['1', '5', ' 3 ']) expect(checkSeverity(ok)).toBeUndefined();
    for (const bad of ['0', '6', '2.5', 'high', '', '-1']) expect(checkSeverity(bad)).toMatch(/1 \(most severe\) to 5/);
  });

  it('times have a date, a time and an offset', () => {
    for (const ok of ['2025-10-20T06:48:00Z', '2025-10-20T08:48+02:00', '2025-10-20 06:48Z', '2025-10-20T06:48:00.5-0500']) {
      expect(checkTime(ok)).toBeUndefined();
    }
    for (const bad of ['2025-10-20', '2025-10-20T06:48', 'yesterday', '2025-13-40T06:48Z', '']) expect(checkTime(bad)).toMatch(/ISO 8601/);
  });

  it('detected is not before the start, offsets counted', () => {
    const after = checkDetectedAfter('2025-10-20T06:48:00Z');
    expect(after('2025-10-20T06:48:00Z')).toBeUndefined();
    expect(after('2025-10-20T08:50+02:00')).toBeUndefined();
    expect(after('2025-10-20T08:47+02:00')).toMatch(/not be before the start/);
    expect(after('soon')).toMatch(/ISO 8601/);
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
