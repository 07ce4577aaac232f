// A frontmatter not closed by "---" is one finding (format 4.1): the body is
// still read as what it is, lists included, at its lines in the file.
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, lineOf, lintString } from '../helpers/lint.js';
import { parse } from './helpers.js';

// Before AI-2 is due, so the base document gives no finding at all.
const NOW = '2025-09-10';
const CLOSE = '  ledger-db: payment records\n---\n';
const NEVER = 'The frontmatter is never closed: end it with a line "---" before the body';
const DOTS = 'The frontmatter ends with "...": end it with a line "---" instead';

/** Every finding, as [ruleId, severity, line, column, message]. */
function findings(text: string): [string, string, number, number, string][] {
  return lintString(text, { now: NOW }).map((m) => [m.ruleId, m.severity, m.line, m.column, m.message]);
}

/** The base document with a placeholder in the Impact, to see that places in the body stay right. */
const withTodo = () => edit(baseDocument(), '## Impact\n\n', '## Impact\n\nSee TODO here.\n\n');
const todoAt = (text: string): [string, string, number, number, string] => [
  'no-placeholders',
  'error',
  lineOf(text, 'See TODO'),
  5,
  'Placeholder "TODO" is left from the template: write the real content in its place, or remove it',
];

describe('a frontmatter that is not closed by "---"', () => {
  it('with no closing line before a blank line: one finding, and the body read as it is', () => {
    const text = edit(withTodo(), CLOSE, '  ledger-db: payment records\n\n');
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text)]);
  });

  it('with no closing line before the title: one finding, and places in the body as in the file', () => {
    const text = edit(withTodo(), `${CLOSE}\n`, '  ledger-db: payment records\n');
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text)]);
    const doc = parse(text);
    expect(doc.title?.range.start.line).toBe(lineOf(text, '# Delayed'));
    expect(doc.timeline?.length).toBeGreaterThan(3);
  });

  it('with CRLF line endings', () => {
    const text = edit(withTodo(), CLOSE, '  ledger-db: payment records\n\n').replace(/\n/g, '\r\n');
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text.replace(/\r\n/g, '\n'))]);
  });

  it('still reads the frontmatter it holds: the milestones date the timeline', () => {
    const doc = parse(edit(baseDocument(), CLOSE, '  ledger-db: payment records\n\n'));
    expect(doc.frontmatter.data.incident?.start?.text).toBe('2025-09-03T14:05:00Z');
    expect(doc.frontmatter.data.services).toEqual(['webhook-dispatcher', 'ledger-db']);
  });

  it('closed with "..." (a YAML document end): one finding at that line', () => {
    const text = edit(withTodo(), CLOSE, '  ledger-db: payment records\n...\n');
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', lineOf(text, '...\n'), 1, DOTS], todoAt(text)]);
  });

  it('closed with "..." before a "---" rule in the body, which does not close it', () => {
    const body = edit(withTodo(), '## Timeline\n', '---\n\n## Timeline\n');
    const text = edit(body, CLOSE, '  ledger-db: payment records\n...\n');
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', lineOf(text, '...\n'), 1, DOTS], todoAt(text)]);
  });

  it('at the end of the file: one finding', () => {
    const frontmatter = baseDocument().slice(0, baseDocument().indexOf(CLOSE) + CLOSE.length - 4);
    expect(findings(frontmatter).filter((f) => f[0] === 'frontmatter-schema')).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER]]);
  });
});
