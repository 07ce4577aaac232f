// frontmatter-schema messages say what to write, one finding a problem:
// each case is the whole lint of the base document with one line changed.
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, lineOf, lintString } from '../helpers/lint.js';

// Before AI-2 is due, so the base document gives no finding at all.
const NOW = '2025-09-10';
const EXAMPLE = 'like 2025-10-20T06:48:00Z or 2025-10-20T08:48:00+02:00';

/** Every finding of the base document with `from` replaced by `to`, as [ruleId, severity, line, message]. */
function findings(from: string, to: string, status?: string): [string, string, number, string][] {
  let text = edit(baseDocument(), from, to);
  if (status) text = edit(text, 'status: review', `status: ${status}`);
  return lintString(text, { now: NOW }).map((m) => [m.ruleId, m.severity, m.line, m.message]);
}

const at = (needle: string) => lineOf(baseDocument(), needle);

describe('frontmatter-schema messages', () => {
  it('start from a base document with no finding', () => {
    expect(lintString(baseDocument(), { now: NOW })).toEqual([]);
  });

  it('say that a version or severity in quotes must be the number, written without quotes', () => {
    expect(findings('coe: 1', 'coe: "1"')).toEqual([
      ['frontmatter-schema', 'error', at('coe: 1'), '"coe" must be the number 1, not the text "1": write coe: 1 without quotes'],
    ]);
    expect(findings('severity: 3', "severity: '3'")).toEqual([
      [
        'frontmatter-schema',
        'error',
        at('severity: 3'),
        '"severity" must be the number 3, not the text "3": write severity: 3 without quotes',
      ],
    ]);
  });

  it('say what a version or severity may be, and what it is', () => {
    expect(findings('coe: 1', 'coe: 2')).toEqual([['frontmatter-schema', 'error', at('coe: 1'), '"coe" must be 1 (it is 2)']]);
    for (const severity of ['high', '7', '2.5']) {
      expect(findings('severity: 3', `severity: ${severity}`), severity).toEqual([
        ['frontmatter-schema', 'error', at('severity: 3'), '"severity" must be a whole number from 1 (most severe) to 5'],
      ]);
    }
  });

  it('say that text read as a number goes in quotes', () => {
    expect(findings('owner: payments-team', 'owner: 42')).toEqual([
      ['frontmatter-schema', 'error', at('owner: payments-team'), '"owner" must be text: put it in quotes, owner: "42"'],
    ]);
  });

  it('say of an item of a list what to write in the list, with no key', () => {
    const authors = at('authors: [Ines Okafor]');
    expect(findings('authors: [Ines Okafor]', 'authors: [Ines Okafor, 2026]')).toEqual([
      ['frontmatter-schema', 'error', authors, '"authors.1" must be text: put it in quotes, "2026"'],
    ]);
    expect(findings('authors: [Ines Okafor]', 'authors: [Ines Okafor, null]')).toEqual([
      ['frontmatter-schema', 'error', authors, '"authors.1" is an empty item of the list: write its text, or remove it'],
    ]);
  });

  it('say that a ticket is a whole URL', () => {
    const text = edit(baseDocument(), 'owner: payments-team\n', 'owner: payments-team\ntickets: [CHK-2290]\n');
    expect(lintString(text, { now: NOW }).map((m) => [m.ruleId, m.line, m.message])).toEqual([
      [
        'frontmatter-schema',
        lineOf(text, 'tickets:'),
        '"tickets.0" must be a whole URL, like https://tickets.example.com/CHK-2290 (it is "CHK-2290")',
      ],
    ]);
  });

  it('say that a glossary value is the wording customers know, or false', () => {
    const entry = at('  ledger-db: payment records');
    const what = 'the wording customers know, or false for a term they never see';
    expect(findings('  ledger-db: payment records', '  ledger-db:')).toEqual([
      ['frontmatter-schema', 'error', entry, `"glossary.ledger-db" is empty: write ${what}, after the colon`],
    ]);
    expect(findings('  ledger-db: payment records', '  ledger-db: true')).toEqual([
      ['frontmatter-schema', 'error', entry, `"glossary.ledger-db" must be ${what} (it is true)`],
    ]);
  });

  it('accept an offset without a colon, with or without seconds (ISO 8601 basic format)', () => {
    expect(findings('start: 2025-09-03T14:05:00Z', 'start: 2025-09-03T16:05+0200')).toEqual([]);
    expect(findings('start: 2025-09-03T14:05:00Z', 'start: 2025-09-03T16:05:00+0200')).toEqual([]);
    expect(findings('start: 2025-09-03T14:05:00Z', 'start: 2025-09-03T09:35-0430')).toEqual([]);
  });

  it('refuse a space before the offset, saying where to write it', () => {
    for (const [written, fixed] of [
      ['2025-09-03 16:05:00 +02:00', '2025-09-03T16:05:00+02:00'],
      ['2025-09-03T14:05 Z', '2025-09-03T14:05Z'],
    ]) {
      expect(findings('start: 2025-09-03T14:05:00Z', `start: "${written}"`)).toEqual([
        [
          'frontmatter-schema',
          'error',
          at('start: 2025-09-03'),
          `"incident.start" has a space before its offset ("${written}"): write the offset right after the time, ${fixed}`,
        ],
      ]);
    }
  });

  it('refuse an offset of hours alone, saying to write hours and minutes', () => {
    expect(findings('start: 2025-09-03T14:05:00Z', 'start: 2025-09-03T16:05+02')).toEqual([
      [
        'frontmatter-schema',
        'error',
        at('start: 2025-09-03'),
        '"incident.start" has an offset of hours alone ("2025-09-03T16:05+02"): write hours and minutes, as +02:00',
      ],
    ]);
  });

  it('refuse an offset out of range, which no clock shows', () => {
    expect(findings('start: 2025-09-03T14:05:00Z', 'start: 2025-09-03T14:05:00+25:00')).toEqual([
      [
        'frontmatter-schema',
        'error',
        at('start: 2025-09-03'),
        '"incident.start" is not a real date and time ("2025-09-03T14:05:00+25:00"): check the day, the hours, the minutes and the offset',
      ],
    ]);
  });

  it('say that a milestone is a date and time with its offset', () => {
    const start = at('start: 2025-09-03');
    expect(findings('start: 2025-09-03T14:05:00Z', 'start: 1756908300')).toEqual([
      ['frontmatter-schema', 'error', start, `"incident.start" must be a date and time with its offset, ${EXAMPLE} (it is a number)`],
    ]);
    expect(findings('start: 2025-09-03T14:05:00Z', 'start:')).toEqual([
      ['frontmatter-schema', 'error', start, `"incident.start" is empty: write a date and time with its offset, ${EXAMPLE}`],
    ]);
    expect(findings('start: 2025-09-03T14:05:00Z', 'start: 2025-09-03 14:05')).toEqual([
      [
        'frontmatter-schema',
        'error',
        start,
        `"incident.start" has no offset ("2025-09-03 14:05"): add Z for UTC or the offset from UTC, ${EXAMPLE}`,
      ],
    ]);
  });

  it('take an empty milestone the status does not need yet as not known yet (format 2)', () => {
    expect(findings('resolved: 2025-09-03T17:00:00Z', 'resolved:', 'draft')).toEqual([]);
    expect(findings('resolved: 2025-09-03T17:00:00Z', 'resolved: ""')).toEqual([]);
    expect(findings('customer_notified: 2025-09-03T14:30:00Z', 'customer_notified:')).toEqual([]);
  });

  it('report an empty milestone the status needs at its line, saying what to write', () => {
    expect(findings('resolved: 2025-09-03T17:00:00Z', 'resolved:', 'approved')).toEqual([
      [
        'frontmatter-schema',
        'error',
        at('resolved: 2025-09-03'),
        '"incident.resolved" is empty: it is required from status approved on (status is approved): write when the risk of recurrence was addressed, like 2025-10-20T09:40:00Z',
      ],
    ]);
  });

  it('report a list that is empty text once (one problem, one finding)', () => {
    expect(findings('authors: [Ines Okafor]', 'authors: ""')).toEqual([
      ['frontmatter-schema', 'error', at('authors:'), '"authors" is empty: write a list of at least one ([a, b], or one "- item" a line)'],
    ]);
    expect(findings('authors: [Ines Okafor]', 'authors: []')).toEqual([
      ['frontmatter-schema', 'error', at('authors:'), '"authors" must list at least one author'],
    ]);
  });

  it('point an unclosed bracket at the bracket, saying to close it', () => {
    const line = 'regions: [us-east-2';
    expect(findings('regions: [us-east-2]', line)).toEqual([
      [
        'frontmatter-schema',
        'error',
        at('regions:'),
        'Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]: close the bracket it opens, on the same line ([a, b])',
      ],
    ]);
    const text = edit(baseDocument(), 'regions: [us-east-2]', line);
    expect(lintString(text, { now: NOW })[0]!.column).toBe(line.indexOf('[') + 1);
  });
});
