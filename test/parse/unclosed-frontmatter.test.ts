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

/** A "---" thematic break before the Timeline: a Markdown body may hold one. */
const withRule = (text: string) => edit(text, '## Timeline\n', '---\n\n## Timeline\n');
const COMMENT = '# When it happened\nincident:\n';

describe('a frontmatter not closed, with a "---" rule later in the body', () => {
  it('and a blank line before the title: one finding, and the body read with its sections', () => {
    const text = withRule(edit(withTodo(), CLOSE, '  ledger-db: payment records\n'));
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text)]);
    const doc = parse(text);
    expect(doc.title?.range.start.line).toBe(lineOf(text, '# Delayed'));
    expect(doc.sectionsByKey.get('impact')?.[0]?.headingRange.start.line).toBe(lineOf(text, '## Impact'));
    expect(doc.timeline?.length).toBeGreaterThan(3);
    expect(doc.frontmatter.data.services).toEqual(['webhook-dispatcher', 'ledger-db']);
  });

  it('before the title: one finding, places in the body as in the file', () => {
    const text = withRule(edit(withTodo(), `${CLOSE}\n`, '  ledger-db: payment records\n'));
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text)]);
    expect(parse(text).title?.range.start.line).toBe(lineOf(text, '# Delayed'));
  });

  it('with CRLF line endings', () => {
    const text = withRule(edit(withTodo(), CLOSE, '  ledger-db: payment records\n')).replace(/\n/g, '\r\n');
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text.replace(/\r\n/g, '\n'))]);
  });

  // YAML that reads without error up to the rule is taken as written: a
  // "# comment" then a blank line before "---" cannot be told from a title,
  // and a valid frontmatter must never be reported.
  it('right after the title, so the YAML up to the rule is valid (the title a comment to it): read as written', () => {
    const title = '# Delayed payment notifications\n\n';
    const text = edit(edit(withTodo(), CLOSE, '  ledger-db: payment records\n'), title, `${title}---\n\n`);
    expect(findings(text)).toEqual([todoAt(text)]);
  });

  it('a closed frontmatter ending with a comment, a blank line, then "---": no finding about it', () => {
    const text = edit(withTodo(), `${CLOSE}\n`, '\n# end of the frontmatter\n\n---\n');
    expect(findings(text)).toEqual([todoAt(text)]);
  });

  it('and a blank line in the YAML: the YAML runs to the title, every key read', () => {
    const text = withRule(edit(edit(withTodo(), `${CLOSE}\n`, '  ledger-db: payment records\n'), 'glossary:\n', '\nglossary:\n'));
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text)]);
    expect(parse(text).frontmatter.positions.get('glossary.ledger-db')?.start.line).toBe(lineOf(text, '  ledger-db:'));
  });

  it('and a paragraph before the title: the YAML ends at the blank line before it', () => {
    const text = withRule(edit(withTodo(), `${CLOSE}\n`, '  ledger-db: payment records\n\nSome words first.\n'));
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text)]);
    expect(parse(text).prose.some((run) => run.text === 'Some words first.')).toBe(true);
  });

  it('with a YAML comment in the frontmatter: the comment stays in it', () => {
    const text = withRule(edit(edit(withTodo(), CLOSE, '  ledger-db: payment records\n'), 'incident:\n', COMMENT));
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text)]);
    expect(parse(text).frontmatter.positions.get('incident.start')?.start.line).toBe(lineOf(text, '  start:'));
  });
});

describe('a YAML comment in a frontmatter not closed', () => {
  it('does not end it: one finding, and the keys after the comment read', () => {
    const text = edit(edit(withTodo(), CLOSE, '  ledger-db: payment records\n\n'), 'incident:\n', COMMENT);
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text)]);
    const doc = parse(text);
    expect(doc.frontmatter.data.incident?.start?.text).toBe('2025-09-03T14:05:00Z');
    expect(doc.frontmatter.positions.get('glossary')?.start.line).toBe(lineOf(text, 'glossary:'));
  });

  it('nor does a line "#" of a comment block, or "#text", which is no heading', () => {
    const block = '#\n# When it happened\n#no space\nincident:\n';
    const text = edit(edit(withTodo(), CLOSE, '  ledger-db: payment records\n\n'), 'incident:\n', block);
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text)]);
  });

  it('while a heading followed by text that is not YAML ends it, at the heading', () => {
    const title = '# Delayed payment notifications\n';
    const body = edit(withTodo(), `${CLOSE}\n${title}\n`, `  ledger-db: payment records\n${title}Payments were late.\n\n`);
    const text = edit(body, 'incident:\n', COMMENT);
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text)]);
    const doc = parse(text);
    expect(doc.title?.range.start.line).toBe(lineOf(text, '# Delayed'));
    expect(doc.prose.some((run) => run.text === 'Payments were late.')).toBe(true);
  });
});

// A required section's heading before the rule, which the body lacks, tells
// that the frontmatter was not closed: even when the YAML reads without error
// up to the rule (the title and heading are comments to it), or when no blank
// line follows a heading.
describe('a frontmatter not closed, with a required section heading before the "---" rule', () => {
  const TITLE = '# Delayed payment notifications\n';
  /** The frontmatter not closed, `head` in place of the title and Impact heading, and a rule right after them. */
  const unclosed = (head: string) =>
    edit(withTodo(), `${CLOSE}\n${TITLE}\n## Impact\n\n`, `  ledger-db: payment records\n${head}\n---\n\n`);

  /** One finding, the title and sections read from the body, at their lines. */
  function expectOneFinding(text: string) {
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text)]);
    const doc = parse(text);
    expect(doc.title?.range.start.line).toBe(lineOf(text, '# Delayed'));
    expect(doc.sectionsByKey.get('impact')?.[0]?.headingRange.start.line).toBe(lineOf(text, '## Impact'));
    expect(doc.sectionsByKey.get('timeline')?.[0]?.headingRange.start.line).toBe(lineOf(text, '## Timeline'));
    expect(doc.frontmatter.data.services).toEqual(['webhook-dispatcher', 'ledger-db']);
  }

  it('the title right after the YAML, the Impact heading right after it: the YAML reads up to the rule', () => {
    expectOneFinding(unclosed(`${TITLE}## Impact\n`));
  });

  it('the same with a blank line between the title and the Impact heading', () => {
    expectOneFinding(unclosed(`${TITLE}\n## Impact\n`));
  });

  it('with CRLF line endings', () => {
    const text = unclosed(`${TITLE}## Impact\n`).replace(/\n/g, '\r\n');
    expect(findings(text)).toEqual([['frontmatter-schema', 'error', 1, 1, NEVER], todoAt(text.replace(/\r\n/g, '\n'))]);
  });

  it('headings with text right after them, no blank line, and the rule later: the YAML breaks on the text', () => {
    const tight = edit(withTodo(), `${CLOSE}\n${TITLE}\n## Impact\n\n`, `  ledger-db: payment records\n${TITLE}## Impact\n`);
    expectOneFinding(withRule(tight));
  });

  it('a title alone before the rule is read as a YAML comment: the frontmatter as written', () => {
    const text = edit(withTodo(), `${CLOSE}\n${TITLE}`, `  ledger-db: payment records\n${TITLE}---\n`);
    expect(findings(text)).toEqual([todoAt(text)]);
  });
});

// Never a false alarm: these frontmatters are closed by the first "---".
describe('a closed frontmatter with lines "#" in it and a "---" rule in the body: no finding about it', () => {
  const ok = (text: string) => expect(findings(withRule(text))).toEqual([todoAt(withRule(text))]);

  it('ending with comment lines and a blank line', () => {
    ok(edit(withTodo(), CLOSE, '  ledger-db: payment records\n# Delayed payment notifications\n# Impact\n\n---\n'));
  });

  it('with a comment "# Impact notes" in it', () => {
    ok(edit(withTodo(), 'incident:\n', '# Impact notes\nincident:\n'));
  });

  it('with a comment "## Impact", when the body has its Impact section', () => {
    ok(edit(withTodo(), 'incident:\n', '## Impact\nincident:\n'));
  });

  it('with a block scalar holding a line "## Impact", which is YAML text', () => {
    const text = edit(withTodo(), CLOSE, `${CLOSE.slice(0, -4)}x-notes: |\n  ## Impact\n\n  To write.\n---\n`);
    expect(parse(withRule(text)).frontmatter.range?.end.line).toBe(lineOf(text, 'To write.') + 1);
    ok(text);
  });

  it('a valid COE', () => {
    ok(withTodo());
  });
});
