// The frontmatter model: where keys sit in the file, which values are kept,
// and the problems found while reading it.
import { describe, expect, it } from 'vitest';
import { timeOf } from '../../src/model/incident.js';
import { baseDocument, edit, lineOf } from '../helpers/lint.js';
import { parse } from './helpers.js';

const lineAt = (doc: ReturnType<typeof parse>, key: string) => doc.frontmatter.positions.get(key)?.start.line;

describe('frontmatter positions', () => {
  const text = baseDocument();
  const doc = parse(text);

  it('places top-level and nested keys on their lines in the file', () => {
    expect(lineAt(doc, 'coe')).toBe(2);
    expect(lineAt(doc, 'id')).toBe(lineOf(text, 'id: COE'));
    expect(lineAt(doc, 'incident')).toBe(lineOf(text, 'incident:'));
    expect(lineAt(doc, 'incident.start')).toBe(lineOf(text, '  start:'));
    expect(lineAt(doc, 'incident.customer_notified')).toBe(lineOf(text, '  customer_notified:'));
    expect(lineAt(doc, 'glossary.ledger-db')).toBe(lineOf(text, '  ledger-db:'));
  });

  it('gives the column of a nested key', () => {
    expect(doc.frontmatter.positions.get('incident.start')?.start.column).toBe(3);
  });

  it('records the frontmatter block and every scalar string with its place', () => {
    expect(doc.frontmatter.range?.start.line).toBe(1);
    expect(doc.frontmatter.range?.end.line).toBe(lineOf(text, '---\n\n#'));
    const title = doc.frontmatter.strings.find((s) => s.path === 'title');
    expect(title).toMatchObject({ value: 'Delayed payment notifications', range: { start: { line: 4, column: 8 } } });
    const author = doc.frontmatter.strings.find((s) => s.path === 'authors.0');
    expect(author?.value).toBe('Ines Okafor');
  });

  it('keeps lines right with CRLF line endings and a byte-order mark', () => {
    const crlf = '\uFEFF' + text.replace(/\n/g, '\r\n');
    const d = parse(crlf);
    expect(d.frontmatter.problems).toEqual([]);
    expect(lineAt(d, 'incident.resolved')).toBe(lineOf(text, '  resolved:'));
    expect(d.frontmatter.data.title).toBe('Delayed payment notifications');
  });
});

describe('frontmatter data', () => {
  it('reads a valid frontmatter into data with no problems', () => {
    const doc = parse(baseDocument());
    expect(doc.frontmatter.present).toBe(true);
    expect(doc.frontmatter.hasCoeKey).toBe(true);
    expect(doc.frontmatter.problems).toEqual([]);
    expect(doc.frontmatter.data.severity).toBe(3);
    expect(doc.frontmatter.data.incident?.detected_by).toBe('alarm');
    expect(doc.frontmatter.data.services).toEqual(['webhook-dispatcher', 'ledger-db']);
  });

  it('drops a value of the wrong type and keeps the others', () => {
    const doc = parse(edit(baseDocument(), 'severity: 3', 'severity: high'));
    expect(doc.frontmatter.data.severity).toBeUndefined();
    expect(doc.frontmatter.data.owner).toBe('payments-team');
    expect(doc.frontmatter.problems.map((p) => p.range.start.line)).toEqual([6]);
  });

  it('marks a milestone that is out of order, not to be read, and keeps it (issue 10.5)', () => {
    const doc = parse(edit(baseDocument(), 'engaged: 2025-09-03T14:12:00Z', 'engaged: 2025-09-03T14:07:00Z'));
    const incident = doc.frontmatter.data.incident!;
    expect(incident.engaged).toMatchObject({ text: '2025-09-03T14:07:00Z', ms: Date.parse('2025-09-03T14:07:00Z'), valid: false });
    expect(incident.mitigated).toMatchObject({ text: '2025-09-03T15:20:00Z', valid: true });
    expect(timeOf(incident, 'engaged')).toBeUndefined();
    expect(timeOf(incident, 'mitigated')).toBe(Date.parse('2025-09-03T15:20:00Z'));
    // The parser reports syntax and types only: the order is frontmatter-schema's to report.
    expect(doc.frontmatter.problems).toEqual([]);
  });

  it('leaves x- keys to the user', () => {
    const doc = parse(edit(baseDocument(), 'glossary:', 'x-review: weekly\nglossary:'));
    expect(doc.frontmatter.problems).toEqual([]);
  });

  it('has no frontmatter when the file does not begin with one', () => {
    const doc = parse('# Notes\n\nSome text.\n');
    expect(doc.frontmatter.present).toBe(false);
    expect(doc.frontmatter.hasCoeKey).toBe(false);
    expect(doc.frontmatter.range).toBeUndefined();
  });

  it('is not a COE when the frontmatter has no coe key', () => {
    const doc = parse('---\ntitle: Meeting notes\n---\n\nText.\n');
    expect(doc.frontmatter.present).toBe(true);
    expect(doc.frontmatter.hasCoeKey).toBe(false);
  });

  it('reports an empty frontmatter once, at the block', () => {
    const doc = parse('---\n---\n\nText.\n');
    expect(doc.frontmatter.problems.map((p) => p.range.start.line)).toEqual([1]);
  });

  it('reports a frontmatter that is not a mapping', () => {
    const doc = parse('---\n- coe\n- 1\n---\n\nText.\n');
    expect(doc.frontmatter.problems).toHaveLength(1);
    expect(doc.frontmatter.problems[0]!.message).toMatch(/mapping/);
  });

  it('does not let __proto__ reach the data', () => {
    const doc = parse(edit(baseDocument(), 'severity: 3', 'severity: 3\n__proto__: {status: draft}'));
    expect(doc.frontmatter.data.status).toBe('review');
    expect(({} as Record<string, unknown>).status).toBeUndefined();
    expect(doc.frontmatter.problems.map((p) => p.range.start.line)).toEqual([7]);
  });
});

// A "---" rule in the body does not make a closed frontmatter an unclosed one.
describe('a closed frontmatter, with a "---" rule in the body', () => {
  const withRule = (text: string) => edit(text, '## Timeline\n', '---\n\n## Timeline\n');

  it('reads its YAML comments and blank lines as before: no problems, keys on their lines', () => {
    const comments = edit(baseDocument(), 'incident:\n', '# When it happened\nincident:\n');
    const text = withRule(edit(comments, 'glossary:\n', '\n# Names for customers\n\nglossary:\n'));
    const doc = parse(text);
    expect(doc.frontmatter.problems).toEqual([]);
    expect(lineAt(doc, 'glossary.ledger-db')).toBe(lineOf(text, '  ledger-db:'));
    expect(doc.frontmatter.range?.end.line).toBe(lineOf(text, '---\n\n#'));
    expect(doc.title?.range.start.line).toBe(lineOf(text, '# Delayed'));
  });

  it('ending with a comment: no problems', () => {
    const text = withRule(edit(baseDocument(), 'payment records\n---\n', 'payment records\n\n# End of the metadata\n---\n'));
    expect(parse(text).frontmatter.problems).toEqual([]);
  });

  it('with a YAML error after a comment: that error, at its line', () => {
    const text = withRule(edit(baseDocument(), 'regions: [us-east-2]\n', '\n# Where\n\nregions: [us-east-2\n'));
    const problems = parse(text).frontmatter.problems;
    expect(problems.map((p) => [p.kind, p.range.start.line, p.range.start.column])).toEqual([['syntax', lineOf(text, 'regions:'), 10]]);
    expect(problems[0]!.message).toMatch(/^Invalid YAML: Flow sequence/);
  });

  it('is read as before when the file begins with a rule and prose: a frontmatter to the next rule, of no COE', () => {
    const doc = parse('---\n\nSome text.\n\n# Notes\n\n---\n\nMore text.\n');
    expect(doc.frontmatter.hasCoeKey).toBe(false);
    expect(doc.frontmatter.range?.end.line).toBe(7);
    expect(doc.frontmatter.problems.map((p) => p.message)).toEqual(['The frontmatter must be a YAML mapping of keys to values']);
  });
});
