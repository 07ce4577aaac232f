// action-item-fields: the Action items table has the columns of section 3.7,
// each value is valid, and ids are unique.
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintFixture, lintString, type LintCase, withSection } from '../helpers/lint.js';

const RULE = 'action-item-fields';
const base = baseDocument();
const HEADING = lineOf(base, '## Action items');
const HEADER = '| ID | Action | Term | Owner | Due | Status | Lessons | Validation |';
const AI1 = '| AI-1 | Read the pool size from one file and check it in the pipeline | short | payments-team | 2025-09-05 | validated | L1 | A change to one file only now fails the pipeline |';

const findings = (text: string, options?: LintCase) => findingsOf(lintString(text, options), RULE);
const errorAt = (...lines: number[]) => lines.map((line) => [RULE, 'error', line]);

/** The base with the AI-1 row replaced by the given cells (ID .. Validation). */
function row(cells: string[]): string {
  return edit(base, AI1, `| ${cells.join(' | ')} |`);
}
const GOOD = ['AI-1', 'Read the pool size from one file', 'short', 'payments-team', '2025-09-05', 'validated', 'L1', 'A change to one file fails'];
const withCell = (index: number, value: string) => row(GOOD.map((c, i) => (i === index ? value : c)));
const ROW_LINE = lineOf(base, AI1);

/** The base with its Action items body replaced. */
const actions = (body: string): string => withSection(base, 'Action items', body);

describe('action-item-fields passes', () => {
  it('passes the base document', () => {
    expect(findings(base)).toEqual([]);
  });

  it('passes a table with short, mid and long items and empty Validation cells', () => {
    expect(findingsOf(lintFixture('rules/action-item-fields/pass-three-terms.md'), RULE)).toEqual([]);
  });

  it('passes every term and status, in any case', () => {
    for (const term of ['short', 'mid', 'long', 'Long']) expect(findings(withCell(2, term)), term).toEqual([]);
    for (const status of ['open', 'in-progress', 'done', 'validated', 'dropped', 'Done', 'IN-PROGRESS']) expect(findings(withCell(5, status)), status).toEqual([]);
  });

  it('passes lesson lists written with or without spaces and bold, and an empty one', () => {
    for (const lessons of ['L1,L2', 'L1, L2', '**L1**', '']) expect(findings(withCell(6, lessons)), lessons).toEqual([]);
  });

  it('passes ids of several digits', () => {
    expect(findings(withCell(0, 'AI-10'))).toEqual([]);
  });

  it('passes columns in another order, under other names, with extra columns', () => {
    const text = actions(
      [
        '| # | What | Owners | Due date | Status | Term | Lesson | Verification | Notes |',
        '|---|---|---|---|---|---|---|---|---|',
        '| AI-1 | Read the pool size from one file | payments-team | 2025-09-05 | validated | short | L1 | A change to one file fails | |',
        '| AI-2 | Make the pool size adjustable | payments-team | 2025-11-28 | in-progress | mid | L2 | | see ticket |',
      ].join('\n'),
    );
    expect(findings(text)).toEqual([]);
  });

  it('passes over a missing Action items section (required-sections reports it)', () => {
    const start = base.indexOf('## Action items');
    const text = base.slice(0, start) + base.slice(base.indexOf('## Customer summary'));
    expect(findings(text)).toEqual([]);
  });
});

describe('action-item-fields reports', () => {
  it('reports each bad value at its row, and a duplicate id', () => {
    // Row 87 repeats AI-2; row 88 has a bad id, no action, a bad term, no owner,
    // a bad date, a bad status and lessons without commas.
    expect(findingsOf(lintFixture('rules/action-item-fields/fail-bad-values.md'), RULE)).toEqual(errorAt(87, 88, 88, 88, 88, 88, 88, 88));
  });

  it('reports a section with no table at its heading', () => {
    expect(findings(actions('- AI-1: read the pool size from one file (payments-team, 2025-09-05)'))).toEqual(errorAt(HEADING));
  });

  it('reports missing columns once, at the header row', () => {
    const text = actions(['| ID | Action | Owner | Due |', '|---|---|---|---|', '| AI-1 | Read the pool size | payments-team | 2025-09-05 |', '| AI-2 | Make it adjustable | payments-team | 2025-11-28 |'].join('\n'));
    expect(findings(text)).toEqual(errorAt(lineOf(text, '| ID | Action | Owner | Due |')));
  });

  it('does not report values of a missing column', () => {
    const text = actions(['| ID | Action | Term | Owner | Due | Lessons | Validation |', '|---|---|---|---|---|---|---|', '| AI-1 | Read the pool size | short | payments-team | 2025-09-05 | L1 | |'].join('\n'));
    expect(findings(text)).toEqual(errorAt(lineOf(text, '| ID | Action | Term |')));
  });

  it('reports a table with no rows at its header', () => {
    const text = actions(`${HEADER}\n|---|---|---|---|---|---|---|---|`);
    expect(findings(text)).toEqual(errorAt(lineOf(text, HEADER)));
  });

  it.each([
    ['an id that is not AI-<n>', 0, 'A-1'],
    ['an id with a zero', 0, 'AI-0'],
    ['an id in lower case', 0, 'ai-1'],
    ['an empty id', 0, ''],
    ['an empty action', 1, ''],
    ['a term outside short, mid and long', 2, 'medium'],
    ['an empty term', 2, ''],
    ['an empty owner', 3, ''],
    ['a due date in another format', 4, '05/09/2025'],
    ['a due date that is not a real day', 4, '2025-09-31'],
    ['an empty due date', 4, ''],
    ['a status outside the list', 5, 'closed'],
    ['an empty status', 5, ''],
    ['lessons separated by spaces', 6, 'L1 L2'],
    ['lessons that are not ids', 6, 'the first one'],
    ['lessons separated by semicolons', 6, 'L1; L2'],
  ])('reports %s', (_what, index, value) => {
    expect(findings(withCell(index, value))).toEqual(errorAt(ROW_LINE));
  });

  it('reports a row with cells missing, for each missing value', () => {
    // GFM reads the missing cells as empty: no term, owner, due or status.
    expect(findings(edit(base, AI1, '| AI-1 | Read the pool size |'))).toEqual(errorAt(ROW_LINE, ROW_LINE, ROW_LINE, ROW_LINE));
  });

  it('reports an id used twice at the second use', () => {
    const text = edit(base, '| AI-2 | Make the pool size', '| AI-1 | Make the pool size');
    expect(findings(text)).toEqual(errorAt(lineOf(text, '| AI-1 | Make the pool size')));
  });
});

describe('action-item-fields levels', () => {
  const text = withCell(2, 'medium');

  it('reports as a warning when set to warn', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'warn', options: {} } } } })).toEqual([[RULE, 'warn', ROW_LINE]]);
  });

  it('reports nothing when off', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'off', options: {} } } } })).toEqual([]);
  });
});
