// Detection: level-3 subsections classified by keywords in their headings.
// Dependencies: a table with columns found by keyword, or a "None" paragraph.
import { describe, expect, it } from 'vitest';
import { parse } from './helpers.js';

describe('detection classification', () => {
  const answers = (headings: string[]) =>
    parse(`## Detection\n\n${headings.map((h) => `### ${h}\n\nOne two three four.\n`).join('\n')}`).detection!;

  it('classifies the template headings', () => {
    const d = answers([
      'Was detection fast enough?',
      'Did our metrics reflect the customer experience?',
      'Would we detect similar events?',
    ]);
    expect(d.answers.map((a) => [a.question, a.words])).toEqual([
      ['speed', 4],
      ['observability', 4],
      ['similar', 4],
    ]);
    expect(d.otherHeadings).toEqual([]);
  });

  it.each([
    ['Speed of detection', 'speed'],
    ['Time to detect', 'speed'],
    ['How quickly did we know?', 'speed'],
    ['Metrics', 'observability'],
    ['Observability gaps', 'observability'],
    ['Did we see the Customer Experience?', 'observability'],
    ['Could it recur unnoticed?', 'similar'],
    ['Future detection', 'similar'],
  ])('classifies "%s" by keyword', (heading, question) => {
    expect(answers([heading]).answers.map((a) => a.question)).toEqual([question]);
  });

  it('gives each question to the first heading that matches it, and keeps the rest aside', () => {
    const d = answers(['Was it fast?', 'Faster next time?', 'Something else']);
    expect(d.answers.map((a) => [a.question, a.heading])).toEqual([['speed', 'Was it fast?']]);
    expect(d.otherHeadings.map((h) => h.heading)).toEqual(['Faster next time?', 'Something else']);
  });

  it("takes the body up to the next level-3 heading, without comments, and the section's action references", () => {
    const text =
      '## Detection\n\n### Was detection fast enough?\n\n<!-- answer here -->\nNo. We add an alarm (AI-2).\n\n- and a list item\n\n### Metrics\n\n## Next\n';
    const d = parse(text).detection!;
    expect(d.answers.map((a) => [a.question, a.text, a.words, a.headingRange.start.line])).toEqual([
      ['speed', 'No. We add an alarm (AI-2). and a list item', 10, 3],
      ['observability', '', 0, 10],
    ]);
    expect(d.references.map((r) => [r.id, r.range.start.line])).toEqual([['AI-2', 6]]);
  });
});

describe('dependency columns', () => {
  const table = (header: string) => {
    const cells = header.split('|').length - 2;
    const row = `|${' x |'.repeat(cells)}`;
    return parse(`## Dependencies\n\n${header}\n|${'---|'.repeat(cells)}\n${row}\n`).dependencies!.table!;
  };

  it('matches the template header', () => {
    const t = table('| Dependency | Promise | As promised | Our implementation | Failure mode | Blast radius |');
    expect(t.columns).toEqual(['dependency', 'promise', 'asPromised', 'implementation', 'failureMode', 'blastRadius']);
    expect(t.missingColumns).toEqual([]);
  });

  it('matches columns by keyword, case folded, in any order; "as promised" is not "promise"', () => {
    const t = table('| **Blast Radius** next time | Performed as PROMISED? | SLA | Failure Mode | Dependencies | Implementation review |');
    expect(t.columns).toEqual(['blastRadius', 'asPromised', 'promise', 'failureMode', 'dependency', 'implementation']);
  });

  it('lists the columns it did not find', () => {
    const t = table('| Dependency | Notes | As promised |');
    expect(t.columns).toEqual(['dependency', 'asPromised']);
    expect(t.missingColumns).toEqual(['promise', 'implementation', 'failureMode', 'blastRadius']);
  });

  it("reads each row's cells by column, with its action references", () => {
    const text = [
      '## Dependencies',
      '',
      '| Dependency | Promise | As promised | Our implementation | Failure mode | Blast radius |',
      '|---|---|---|---|---|---|',
      '| Queue | 99.9% | no | Retries without backoff (AI-4) | novel | Shed load |',
      '| DNS | 100% | yes | Sound | expected-handled | Cache |',
      '',
    ].join('\n');
    const t = parse(text).dependencies!.table!;
    expect(t.rows.map((r) => [r.cells.dependency?.text, r.cells.asPromised?.text, r.cells.failureMode?.text, r.range.start.line])).toEqual([
      ['Queue', 'no', 'novel', 5],
      ['DNS', 'yes', 'expected-handled', 6],
    ]);
    expect(t.rows.map((r) => r.references.map((ref) => ref.id))).toEqual([['AI-4'], []]);
    // The cell's text, not the "|" that opens it.
    expect(t.rows[0]!.cells.implementation?.range.start).toEqual({ line: 5, column: 24 });
  });

  it('reads a "None" paragraph instead of a table', () => {
    const d = parse('## Dependencies\n\nNone: the fault was in our own code, and no dependency was involved at all.\n').dependencies!;
    expect(d.table).toBeUndefined();
    expect(d.none).toMatchObject({ words: 15, range: { start: { line: 3 } } });
  });

  it('has neither when the section holds something else', () => {
    const d = parse('## Dependencies\n\nWe depend on many things.\n').dependencies!;
    expect(d.table).toBeUndefined();
    expect(d.none).toBeUndefined();
  });
});
