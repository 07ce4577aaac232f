// The table of `coe actions`: fitted to the width, the Action cut with "…",
// never an id or a date; columns give way in order; control characters never
// reach the terminal; colour only when asked for.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { MIN_ACTION, renderTable } from '../../src/actions/render-table.js';
import { cut, displayWidth, terminalText } from '../../src/actions/width.js';
import { tableWidth, DEFAULT_WIDTH } from '../../src/commands/actions.js';
import type { ActionRow } from '../../src/actions/schema.js';
import { row } from './helpers.js';

const plain = new Chalk({ level: 0 });
const LONG = 'Move customer exports to a pool of their own, sized from 90 days of history, and review any job over 100 worker-hours';
const ROWS: ActionRow[] = [
  row({
    coe: 'COE-2025-031',
    id: 'AI-4',
    action: LONG,
    owner: 'data-platform-team',
    due: '2026-03-31',
    status: 'in-progress',
    reach: 'centralized',
    lessons: ['L1', 'L2'],
    daysOverdue: 245,
  }),
  row({
    coe: 'COE-2025-040',
    id: 'AI-12',
    action: 'Retry once',
    owner: 'payments-team',
    due: '2026-04-01',
    status: 'open',
    reach: 'team',
    lessons: ['L3'],
  }),
];
const table = (width: number | undefined, rows = ROWS) => renderTable(rows, { width, chalk: plain, filtered: false });
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

function expectWhole(text: string) {
  for (const r of ROWS) for (const value of [r.coe, r.id, r.due!]) expect(text).toContain(value);
  expect(text).toContain('245 d');
}

describe('table: fitted to the width', () => {
  it.each([60, 80, 100, 120])('at %i columns: no line is wider, the Action is cut with …, ids and dates whole', (width) => {
    const text = table(width);
    for (const line of lines(text)) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    expect(text).not.toContain(LONG);
    expect(text).toMatch(/Move customer exports[^\n]*…/);
    expectWhole(text);
    expect(text).toContain('Retry once');
  });

  it('at 120 columns: one line an item, the header first, Lessons, Reach and Term given way for the Action', () => {
    const [header, first, second] = lines(table(120));
    expect(header!.split(/\s{2,}/)).toEqual(['COE', 'AI', 'Action', 'Owner', 'Due', 'Status', 'Overdue']);
    expect(first).toMatch(
      /^COE-2025-031 {2}AI-4 {3}Move customer exports to a pool[^…]*… {2}data-platform-team {2}2026-03-31 {2}in-progress {2}245 d$/,
    );
    expect(second).toMatch(/^COE-2025-040 {2}AI-12 {2}Retry once +payments-team +2026-04-01 {2}open$/);
  });

  it('gives way Lessons, then Reach, then Term, rather than leave the Action under a third of the width', () => {
    const headers = (width: number) => lines(table(width))[0]!.split(/\s{2,}/);
    expect(headers(160)).toEqual(['COE', 'AI', 'Action', 'Term', 'Owner', 'Due', 'Status', 'Reach', 'Lessons', 'Overdue']);
    expect(headers(150)).toEqual(['COE', 'AI', 'Action', 'Term', 'Owner', 'Due', 'Status', 'Reach', 'Overdue']);
    expect(headers(140)).toEqual(['COE', 'AI', 'Action', 'Term', 'Owner', 'Due', 'Status', 'Overdue']);
    expect(headers(120)).toEqual(['COE', 'AI', 'Action', 'Owner', 'Due', 'Status', 'Overdue']);
    for (const w of [120, 140, 150, 160]) {
      const first = lines(table(w))[1]!;
      expect(first.indexOf('…') - first.indexOf('Move') + 1, String(w)).toBeGreaterThanOrEqual(Math.floor(w / 3));
    }
  });

  it('cuts the Owner, down to 12 columns, before an item takes two lines', () => {
    const [header, first] = lines(table(100, [{ ...ROWS[0]!, owner: 'developer-experience-team' }]));
    expect(header!.split(/\s{2,}/)).toEqual(['COE', 'AI', 'Action', 'Owner', 'Due', 'Status', 'Overdue']);
    expect(first).toMatch(/ {2}developer-e… {2}2026-03-31 {2}/);
    expect(first).toMatch(/Move customer exports[^…]{10,}…/);
  });

  it('at 60 columns: two lines an item, ids, date and state first, then the Owner and the Action cut with …', () => {
    const [header, secondHeader, first, second] = lines(table(60));
    expect(header!.split(/\s{2,}/)).toEqual(['COE', 'AI', 'Due', 'Status', 'Overdue']);
    expect(secondHeader).toBe('    Owner               Action');
    expect(first).toBe('COE-2025-031  AI-4   2026-03-31  in-progress  245 d');
    expect(second).toMatch(/^ {4}data-platform-team {2}Move customer exports.*…$/);
    // Cut at a space, which is not kept before the "…".
    expect(displayWidth(second!)).toBeGreaterThanOrEqual(58);
  });

  it.each([32, 40, 52])(
    'at %i columns: three lines an item when the ids, date and state do not fit on one, and no line is wider',
    (width) => {
      const [header, dueHeader, ownerHeader, first, due, who] = lines(table(width));
      expect(header!.split(/\s{2,}/)).toEqual(['COE', 'AI', 'Status']);
      expect(dueHeader!.trim().split(/\s{2,}/)).toEqual(['Due', 'Overdue']);
      expect(ownerHeader!.trim().split(/\s{2,}/)).toEqual(['Owner', 'Action']);
      expect(first).toBe('COE-2025-031  AI-4   in-progress');
      expect(due).toBe('    2026-03-31  245 d');
      expect(who).toMatch(/^ {4}data-platf\S* +Move.*…$/);
      for (const line of lines(table(width))) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      expectWhole(table(width));
    },
  );

  it('cuts nothing when everything fits, and when there is no width', () => {
    const wide = table(400);
    expect(wide).toContain(LONG);
    expect(wide).not.toContain('…');
    expect(lines(wide)[0]).toContain('Lessons');
    expect(table(undefined)).toBe(wide);
  });

  it('keeps ids and dates whole even when nothing fits', () => {
    const text = table(20);
    expectWhole(text);
    expect(text).toContain('…');
  });

  it('does not cut an Action shorter than the room left', () => {
    const short = [row({ action: 'Fix it' })];
    expect(lines(table(100, short))[1]).toMatch(/^COE-2025-001 {2}AI-1 {2}Fix it {2}/);
    expect(lines(table(60, short))[3]).toBe('    payments-team  Fix it');
    expect(MIN_ACTION).toBeGreaterThan('Fix it'.length);
  });

  it('shows a Due that is not a date as written, cut to the width of a date', () => {
    const written = [
      row({ id: 'AI-7', due: null, dueWritten: 'Q3' }),
      row({ id: 'AI-8', due: null, dueWritten: 'when the vendor ships 4.2' }),
    ];
    const text = table(undefined, written);
    expect(lines(text)[1]).toMatch(/ AI-7 .* Q3 +open/);
    expect(lines(text)[2]).toMatch(/ AI-8 .* when the… +open/);
  });

  it('ends with the count of items and of overdue ones', () => {
    expect(lines(table(120)).at(-1)).toBe('2 action items, 1 overdue');
    expect(lines(table(120, [ROWS[1]!])).at(-1)).toBe('1 action item, 0 overdue');
  });

  it('says so when no item is left, and whether filters left none', () => {
    expect(renderTable([], { width: 80, chalk: plain, filtered: false })).toBe('No action items.\n');
    expect(renderTable([], { width: 80, chalk: plain, filtered: true })).toBe('No action items match the filters.\n');
  });

  it('leaves no trailing spaces', () => {
    for (const line of table(120).split('\n')) expect(line).toBe(line.trimEnd());
  });
});

describe('table: text from the documents', () => {
  it('shows control characters and bidirectional overrides as �, tabs and line breaks as spaces', () => {
    expect(terminalText('a\u001b[2Jb\u0007c\u202ed\te\nf')).toBe('a\ufffd[2Jb\ufffdc\ufffdd e f');
    const text = table(120, [row({ action: 'Clear \u001b[2J the screen', owner: 'team\u001b]0;x\u0007' })]);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('measures wide characters as two columns and marks as none, and cuts between characters', () => {
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('🚨')).toBe(2);
    expect(displayWidth('é')).toBe(1);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(cut('中文中文', 5)).toBe('中文…');
    expect(cut('👩‍👩‍👧 family', 4)).toBe('👩‍👩‍👧…');
    expect(cut('abc', 3)).toBe('abc');
    expect(cut('abcd', 3)).toBe('ab…');
  });

  it('fits lines of wide characters to the width', () => {
    const text = table(60, [row({ action: '在每个区域逐一应用配置更改，间隔一小时，出现告警时停止'.repeat(2) })]);
    for (const line of lines(text)) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });
});

describe('table: colour and width of the terminal', () => {
  it('colours the header and the days overdue only when the chalk has a level', () => {
    const colour = renderTable(ROWS, { width: 120, chalk: new Chalk({ level: 1 }), filtered: false });
    expect(colour).toContain('\u001b[1mCOE');
    expect(colour).toContain('\u001b[31m245 d');
    expect(table(120)).not.toContain('\u001b');
  });

  it('takes COLUMNS first, then the terminal, then 100 columns when not a terminal', () => {
    expect(tableWidth({ isTTY: true, columns: 90 }, {})).toBe(90);
    expect(tableWidth({ isTTY: true, columns: 90 }, { COLUMNS: '60' })).toBe(60);
    expect(tableWidth({}, { COLUMNS: '132' })).toBe(132);
    expect(tableWidth({}, {})).toBe(DEFAULT_WIDTH);
    expect(DEFAULT_WIDTH).toBe(100);
    for (const bad of ['', '0', '-5', 'wide', '80px']) expect(tableWidth({ isTTY: true, columns: 70 }, { COLUMNS: bad })).toBe(70);
  });
});
