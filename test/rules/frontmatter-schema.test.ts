// frontmatter-schema: present, valid YAML, keys and types of section 2 of the
// format, milestones in order, each problem at its line in the file.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/frontmatter-schema.js';
import { parseCoeDocument } from '../../src/parse/document.js';
import { baseDocument, edit, findingsOf, lineOf, lintFixture, lintString, type LintCase } from '../helpers/lint.js';

const RULE = 'frontmatter-schema';
const base = baseDocument();

const findings = (text: string, options?: LintCase) => findingsOf(lintString(text, options), RULE);
const errorsAt = (...lines: number[]) => lines.map((line) => [RULE, 'error', line]);
// Every finding of every rule, on a day when no action item of the base is overdue.
const all = (text: string) => lintString(text, { now: '2025-09-10' }).map((m) => [m.ruleId, m.severity, m.line]);

describe('frontmatter-schema passes', () => {
  it('passes the base document', () => {
    expect(findings(base)).toEqual([]);
  });

  it('passes an approved COE with offsets, x- keys and every optional key', () => {
    expect(findingsOf(lintFixture('rules/frontmatter-schema/pass-approved-offsets-x-keys.md'), RULE)).toEqual([]);
  });

  it('passes a draft without engaged, mitigated or resolved', () => {
    let text = edit(base, 'status: review', 'status: draft');
    text = edit(text, '  engaged: 2025-09-03T14:12:00Z\n', '');
    text = edit(text, '  mitigated: 2025-09-03T15:20:00Z\n', '');
    text = edit(text, '  resolved: 2025-09-03T17:00:00Z\n', '');
    expect(findings(text)).toEqual([]);
  });

  it('passes a COE in review without resolved', () => {
    expect(findings(edit(base, '  resolved: 2025-09-03T17:00:00Z\n', ''))).toEqual([]);
  });

  it('passes milestones that are equal (the limits are inclusive)', () => {
    let text = edit(base, 'detected: 2025-09-03T14:09:00Z', 'detected: 2025-09-03T14:05:00Z');
    text = edit(text, 'customer_notified: 2025-09-03T14:30:00Z', 'customer_notified: 2025-09-03T14:05:00Z');
    expect(findings(text)).toEqual([]);
  });

  it('passes times with an offset, a space instead of T, or quotes', () => {
    let text = edit(base, 'start: 2025-09-03T14:05:00Z', 'start: "2025-09-03T16:05:00+02:00"');
    text = edit(text, 'detected: 2025-09-03T14:09:00Z', 'detected: 2025-09-03 14:09Z');
    text = edit(text, 'engaged: 2025-09-03T14:12:00Z', "engaged: '2025-09-03T10:12:00-04:00'");
    expect(findings(text)).toEqual([]);
  });

  it.each(['1', '5'])('passes severity %s', (severity) => {
    expect(findings(edit(base, 'severity: 3', `severity: ${severity}`))).toEqual([]);
  });

  it('passes every detected_by of the format', () => {
    for (const source of ['alarm', 'aggregate-alarm', 'canary', 'traffic-anomaly', 'customer-report', 'support-cases', 'social-media', 'other']) {
      expect(findings(edit(base, 'detected_by: alarm', `detected_by: ${source}`)), source).toEqual([]);
    }
  });

  it('passes an id with more than three digits, and an id with the configured prefix', () => {
    expect(findings(edit(base, 'id: COE-2025-017', 'id: COE-2025-1017'))).toEqual([]);
    expect(findings(edit(base, 'id: COE-2025-017', 'id: INC-2025-017'), { config: { idPrefix: 'INC' } })).toEqual([]);
  });

  it('passes keys of the user that begin with x-', () => {
    expect(findings(edit(base, 'glossary:', 'x-team-channel: "#payments"\nx-review:\n  date: 2025-09-10\nglossary:'))).toEqual([]);
  });

  it('passes x- keys inside incident too (keys that begin with x- belong to the user)', () => {
    expect(findings(edit(base, '  detected_by: alarm', '  detected_by: alarm\n  x-pager: night-queue'))).toEqual([]);
  });

  it('passes CRLF line endings and a byte-order mark', () => {
    expect(findings('\uFEFF' + base.replace(/\n/g, '\r\n'))).toEqual([]);
  });
});

describe('frontmatter-schema reports malformed YAML at its line', () => {
  it('reports a duplicate key at the second occurrence', () => {
    expect(findingsOf(lintFixture('rules/frontmatter-schema/fail-duplicate-key.md'), RULE)).toEqual(errorsAt(8));
    expect(findings(edit(base, '  detected_by: alarm', '  detected_by: alarm\n  start: 2025-09-03T14:06:00Z'))).toEqual(errorsAt(18));
  });

  it('reports tabs used as indentation', () => {
    expect(findings(edit(base, '  webhook-dispatcher: payment notifications', '\twebhook-dispatcher: payment notifications'))).toEqual(
      errorsAt(lineOf(base, '  webhook-dispatcher:')),
    );
  });

  it('reports an unclosed flow sequence where the parser notices it, on the next line', () => {
    expect(findings(edit(base, 'authors: [Ines Okafor]', 'authors: [Ines Okafor'))).toEqual(errorsAt(9));
  });

  it('reports an unclosed quote on the line where the quote opens', () => {
    expect(findings(edit(base, 'title: Delayed payment notifications', 'title: "Delayed payment notifications'))).toEqual(errorsAt(4));
  });

  it('reports a mis-indented key once', () => {
    // YAML reads the over-indented line 13 as the continuation of the value on line 12.
    expect(findings(edit(base, '  detected: 2025-09-03T14:09:00Z', '   detected: 2025-09-03T14:09:00Z'))).toEqual(errorsAt(12));
    // Tabs give several YAML errors on one line: one finding.
    expect(findings(edit(base, '  ledger-db: payment records', '\tledger-db: payment records\n\tother: x'))).toEqual(errorsAt(21));
  });

  it('reports an alias bomb at its first alias', () => {
    const bomb = ['x-a: &a [x, x, x, x, x, x, x, x, x, x]', 'x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'x-c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]'];
    const text = edit(base, 'glossary:', `${bomb.join('\n')}\nglossary:`);
    expect(findings(text)).toEqual(errorsAt(lineOf(text, 'x-b:')));
  });

  it('reports an empty frontmatter and one that is not a mapping at the block', () => {
    // A frontmatter with no `coe` key is not a COE: one finding at the block.
    expect(all('---\n---\n\n# Notes\n')).toEqual(errorsAt(1));
    expect(all('---\n- coe\n---\n\n# Notes\n')).toEqual(errorsAt(1));
  });

  it('still runs the other rules, which pass over what could not be read', () => {
    // The YAML cannot be read at all, so no rule gets a value from it; a
    // lesson with no action item is still reported.
    let text = edit(base, 'authors: [Ines Okafor]', 'authors: [Ines Okafor');
    text = edit(text, '- **L2:** Capacity must be adjustable without a deployment.', '- **L2:** Capacity must be adjustable without a deployment.\n- **L3:** Keep a runbook.');
    expect(all(text)).toEqual([...errorsAt(9), ['lessons-have-actions', 'error', lineOf(text, '- **L3:**')]]);
  });
});

describe('frontmatter-schema reports keys and types', () => {
  it('reports each problem of a fixture at its line', () => {
    // id pattern, time without offset, mitigated before engaged, detected_by, unknown key
    const messages = lintFixture('rules/frontmatter-schema/fail-schema.md');
    expect(findingsOf(messages, RULE)).toEqual(errorsAt(3, 12, 15, 17, 22));
    // The values that failed are dropped: no other rule reads them.
    expect(lintFixture('rules/frontmatter-schema/fail-schema.md').filter((m) => m.ruleId !== RULE)).toEqual([]);
  });

  it.each([
    ['severity: 3', 'severity: high', 6],
    ['severity: 3', 'severity: "3"', 6],
    ['severity: 3', 'severity: 6', 6],
    ['severity: 3', 'severity: 0', 6],
    ['severity: 3', 'severity: 2.5', 6],
    ['coe: 1', 'coe: 2', 2],
    ['title: Delayed payment notifications', 'title: ""', 4],
    ['status: review', 'status: final', 5],
    ['owner: payments-team', 'owner: [payments-team]', 7],
    ['authors: [Ines Okafor]', 'authors: Ines Okafor', 8],
    ['authors: [Ines Okafor]', 'authors: []', 8],
    ['services: [webhook-dispatcher, ledger-db]', 'services: []', 9],
    ['regions: [us-east-2]', 'regions: us-east-2', 10],
    ['  ledger-db: payment records', '  ledger-db: ""', 21],
    ['glossary:', 'related: [2024-113]\nglossary:', 19],
    ['glossary:', 'tickets: [not a url]\nglossary:', 19],
  ])('reports a wrong type or value: %s -> %s', (from, to, line) => {
    expect(findings(edit(base, from, to))).toEqual(errorsAt(line));
  });

  it('reports incident that is not a mapping', () => {
    const text = base.replace(/incident:\n(  .*\n)+/, 'incident: yesterday\n');
    expect(findings(text)).toEqual(errorsAt(11));
  });

  it.each([
    ['COE-25-017'],
    ['COE-2025-17'],
    ['coe-2025-017'],
    ['INC-2025-017'],
    ['COE-2025-017-b'],
  ])('reports the id %s, which is not PREFIX-YYYY-NNN', (id) => {
    expect(findings(edit(base, 'id: COE-2025-017', `id: ${id}`))).toEqual(errorsAt(3));
  });

  it('reports the default prefix when another is configured', () => {
    expect(findings(base, { config: { idPrefix: 'INC' } })).toEqual(errorsAt(3));
  });

  it('reports detected_by outside its list', () => {
    expect(findings(edit(base, 'detected_by: alarm', 'detected_by: pager'))).toEqual(errorsAt(17));
    expect(findings(edit(base, 'detected_by: alarm', 'detected_by: Alarm'))).toEqual(errorsAt(17));
  });

  it.each([
    ['2025-09-03T14:05:00', 'no offset'],
    ['2025-09-03 14:05', 'no offset'],
    ['2025-09-03', 'no time'],
    ['14:05Z', 'no date'],
    ['2025-02-30T14:05:00Z', 'no such day'],
    ['"yesterday afternoon"', 'not a time'],
  ])('reports a time that is not ISO 8601 with an offset: %s (%s)', (time) => {
    expect(findings(edit(base, 'start: 2025-09-03T14:05:00Z', `start: ${time}`))).toEqual(errorsAt(12));
  });

  it('reports a misspelt key once, at its line, naming the key it stands for', () => {
    // A misspelt key must not pass silently, and is one problem: one finding.
    expect(findings(edit(base, 'severity: 3', 'sevrity: 3'))).toEqual(errorsAt(6));
    expect(findings(edit(base, 'detected_by: alarm', 'detectd_by: alarm'))).toEqual(errorsAt(17));
    expect(lintString(edit(base, 'severity: 3', 'sevrity: 3')).find((m) => m.ruleId === RULE)?.message).toContain('did you mean "severity"');
    expect(findings(edit(base, 'glossary:', 'tag: [a]\nglossary:'))).toEqual(errorsAt(19));
  });

  it('reports __proto__ as an unknown key and keeps the other values', () => {
    const text = edit(base, 'severity: 3', 'severity: 3\n__proto__: {status: draft}');
    const messages = lintString(text);
    expect(findingsOf(messages, RULE)).toEqual(errorsAt(7));
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });

  it('reports a missing required key at the frontmatter, or at its parent key', () => {
    expect(findings(edit(base, 'owner: payments-team\n', ''))).toEqual(errorsAt(1));
    expect(findings(edit(base, '  start: 2025-09-03T14:05:00Z\n', ''))).toEqual(errorsAt(11));
  });
});

describe('frontmatter-schema reports milestones', () => {
  it('reports a milestone before the one it follows, at its line', () => {
    expect(findings(edit(base, 'engaged: 2025-09-03T14:12:00Z', 'engaged: 2025-09-03T14:08:00Z'))).toEqual(errorsAt(14));
    expect(findings(edit(base, 'detected: 2025-09-03T14:09:00Z', 'detected: 2025-09-03T14:04:59Z'))).toEqual(errorsAt(13));
    expect(findings(edit(base, 'resolved: 2025-09-03T17:00:00Z', 'resolved: 2025-09-03T15:19:00Z'))).toEqual(errorsAt(16));
  });

  it('compares times across offsets', () => {
    // 17:20 at +02:00 is 15:20 UTC, the same instant; 16:10 at +02:00 is before engaged.
    expect(findings(edit(base, 'mitigated: 2025-09-03T15:20:00Z', 'mitigated: 2025-09-03T17:20:00+02:00'))).toEqual([]);
    expect(findings(edit(base, 'mitigated: 2025-09-03T15:20:00Z', 'mitigated: 2025-09-03T16:10:00+02:00'))).toEqual(errorsAt(15));
    // 15:10 at +02:00 is 13:10 UTC, before start.
    expect(findings(edit(base, 'detected: 2025-09-03T14:09:00Z', 'detected: 2025-09-03T15:10:00+02:00'))).toEqual(errorsAt(13));
  });

  it('reports customer_notified before start', () => {
    expect(findings(edit(base, 'customer_notified: 2025-09-03T14:30:00Z', 'customer_notified: 2025-09-03T14:00:00Z'))).toEqual(errorsAt(18));
  });

  it('does not read a milestone that failed: the rules that need it pass over it', () => {
    const text = edit(base, 'engaged: 2025-09-03T14:12:00Z', 'engaged: 2025-09-03T14:01:00Z');
    // The engaged entry of the timeline no longer matches, but only the frontmatter is reported.
    expect(all(text)).toEqual(errorsAt(14));
  });

  it.each([
    ['review', 'engaged'],
    ['review', 'mitigated'],
    ['approved', 'resolved'],
    ['published', 'resolved'],
    ['published', 'engaged'],
  ])('reports a COE in %s without %s, at incident', (status, key) => {
    let text = edit(base, 'status: review', `status: ${status}`);
    text = text.replace(new RegExp(`  ${key}: .*\\n`), '');
    expect(findings(text)).toEqual(errorsAt(11));
  });

  it('needs no milestone beyond start and detected in draft', () => {
    let text = edit(base, 'status: review', 'status: draft');
    text = text.replace(/  (engaged|mitigated|resolved|customer_notified): .*\n/g, '');
    expect(findings(text)).toEqual([]);
  });
});

describe('frontmatter-schema on files that are not COEs', () => {
  it('gives a named file with no coe key one finding, and no other rule runs', () => {
    expect(all('---\ntitle: Meeting notes\n---\n\n# Notes\n')).toEqual(errorsAt(1));
    expect(all('# Notes\n\nNo frontmatter at all.\n')).toEqual(errorsAt(1));
  });

  it('reports a document with no frontmatter when the rule runs on it', () => {
    const parsed = parseCoeDocument('x.md', '# Notes\n\n## Impact\n');
    if (!parsed.ok) throw new Error('parse failed');
    const out = rule.check({ doc: parsed.doc, options: rule.defaults, settings: { now: '2025-10-23', internalTerms: [] } });
    expect(out.map((f) => [f.range.start.line, f.message])).toEqual([[1, expect.stringMatching(/^Missing frontmatter/)]]);
  });
});

describe('frontmatter-schema levels', () => {
  const text = edit(base, 'severity: 3', 'severity: high');

  it('reports as a warning when set to warn', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'warn', options: {} } } } })).toEqual([[RULE, 'warn', 6]]);
  });

  it('reports nothing when off', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'off', options: {} } } } })).toEqual([]);
  });
});
