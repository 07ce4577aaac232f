// frontmatter-schema: present, valid YAML, keys and types of section 2 of the
// format, milestones in order, each problem at its line in the file.
import dedent from 'dedent';
import { expect, it } from 'vitest';
import rule from '../../src/rules/frontmatter-schema.js';
import { parseCoeDocument } from '../../src/parse/document.js';
import { expectMarkers, lintCase, MINIMAL, prepare, ruleTester, TEST_NOW, type TestCase } from '../helpers/rule-tester.js';
import { edit } from '../helpers/lint.js';

/**
 * The minimal COE with lines replaced, as a whole document (`document: true`):
 * for what an excerpt cannot hold (a key given twice) or cannot mark (the
 * `---` fence, or the `incident:` line of a mapping merged key by key).
 */
const minimalWith = (...edits: [string, string][]) => edits.reduce((text, [from, to]) => edit(text, from, to), MINIMAL);

/** The minimal COE without the line of a frontmatter key (`  engaged:`). */
const withoutLine = (text: string, start: string) => {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(start));
  if (at === -1) throw new Error(`withoutLine: no line "${start}"`);
  return [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n');
};

const FENCE: [string, string] = ['---\ncoe: 1', '--- {frontmatter-schema}\ncoe: 1'];
const AT_INCIDENT: [string, string] = ['incident:', 'incident: {frontmatter-schema}'];

// The fixture of the format's section 2 problems: id pattern, time without
// offset, mitigated before engaged, detected_by, unknown key.
const SCHEMA_PROBLEMS = dedent`
  ---
  id: COE-25-001 {frontmatter-schema}
  incident:
    start: 2025-09-03T14:05:00 {frontmatter-schema}
    mitigated: 2025-09-03T14:10:00Z {frontmatter-schema}
    detected_by: support-ticket {frontmatter-schema}
  tag: [payments] {frontmatter-schema}
  ---
`;

const DETECTED_BY = ['alarm', 'aggregate-alarm', 'canary', 'traffic-anomaly', 'customer-report', 'support-cases', 'social-media', 'other'];

const WRONG_TYPES: [string, string][] = [
  ['severity: high', 'severity: a word'],
  ['severity: "3"', 'severity: a string'],
  ['severity: 6', 'severity above 5'],
  ['severity: 0', 'severity below 1'],
  ['severity: 2.5', 'severity not an integer'],
  ['coe: 2', 'coe: another version'],
  ['title: ""', 'title: empty'],
  ['status: final', 'status: not a status'],
  ['owner: [payments-team]', 'owner: a list'],
  ['authors: Ines Okafor', 'authors: not a list'],
  ['authors: []', 'authors: empty'],
  ['services: []', 'services: empty'],
  ['regions: us-east-2', 'regions: not a list'],
  ['glossary:\n  webhook-dispatcher: ""', 'glossary: an empty name'],
  ['related: [2024-113]', 'related: not COE ids'],
  ['tickets: [not a url]', 'tickets: not URLs'],
];

const BAD_TIMES: [string, string][] = [
  ['2025-09-03T14:05:00', 'no offset'],
  ['2025-09-03 14:05', 'no offset'],
  ['2025-09-03', 'no time'],
  ['14:05Z', 'no date'],
  ['2025-02-30T14:05:00Z', 'no such day'],
  ['"yesterday afternoon"', 'not a time'],
];

const incident = (line: string) => `---\nincident:\n  ${line}\n---`;
const marked = (line: string) => `${line} {frontmatter-schema}`;

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    {
      name: 'an approved COE with offsets, x- keys and every optional key',
      code: dedent`
        ---
        status: approved
        regions: [eu-central-1]
        incident:
          start: 2025-09-03T14:05:00Z
          detected: 2025-09-03T16:09:00+02:00
          engaged: 2025-09-03T10:12:00-04:00
          mitigated: 2025-09-03T15:20:00Z
          resolved: 2025-09-03T17:00:00Z
          detected_by: support-cases
          customer_notified: 2025-09-03T14:30:00Z
        tags: [payments, certificates]
        related: [COE-2024-077]
        tickets: [https://tickets.example.com/PAY-311]
        x-review-board: payments-weekly
        ---
      `,
    },
    {
      name: 'a draft without engaged, mitigated or resolved',
      code: '---\nstatus: draft\n---',
      drop: ['incident.engaged', 'incident.mitigated', 'incident.resolved'],
    },
    { name: 'a COE in review without resolved', code: '', drop: ['incident.resolved'] },
    {
      name: 'milestones that are equal (the limits are inclusive)',
      code: '---\nincident:\n  detected: 2025-09-03T14:05:00Z\n  customer_notified: 2025-09-03T14:05:00Z\n---',
    },
    {
      name: 'times with an offset, a space instead of T, or quotes',
      code: dedent`
        ---
        incident:
          start: "2025-09-03T16:05:00+02:00"
          detected: 2025-09-03 14:09Z
          engaged: '2025-09-03T10:12:00-04:00'
        ---
      `,
    },
    '---\nseverity: 1\n---',
    '---\nseverity: 5\n---',
    ...DETECTED_BY.map((source) => incident(`detected_by: ${source}`)),
    { name: 'an id with more than three digits', code: '---\nid: COE-2025-1017\n---' },
    { name: 'an id with the configured prefix', code: '---\nid: INC-2025-001\n---', config: { idPrefix: 'INC' } },
    { name: 'keys of the user that begin with x-', code: '---\nx-team-channel: "#payments"\nx-review:\n  date: 2025-09-10\n---' },
    { name: 'mitigated at 17:20 +02:00, the same instant as 15:20 UTC', code: incident('mitigated: 2025-09-03T17:20:00+02:00') },
    { name: 'x- keys inside incident too (keys that begin with x- belong to the user)', code: incident('x-pager: night-queue') },
    { name: 'CRLF line endings and a byte-order mark', code: '\uFEFF' + MINIMAL.replace(/\n/g, '\r\n'), document: true },
    { name: 'nothing when off', code: '---\nseverity: high\n---', config: { rules: { 'frontmatter-schema': { level: 'off' } } } },
  ],
  invalid: [
    // Malformed YAML, at its line.
    {
      name: 'a duplicate key, at the second occurrence',
      code: minimalWith(['owner: payments-team', 'owner: payments-team\nseverity: 1 {frontmatter-schema}']),
      document: true,
      messages: ['Invalid YAML'],
    },
    {
      name: 'a duplicate key inside incident, at the second occurrence',
      code: minimalWith(['  detected_by: alarm', '  detected_by: alarm\n  start: 2025-09-03T14:06:00Z {frontmatter-schema}']),
      document: true,
    },
    {
      name: 'tabs used as indentation',
      code: minimalWith([
        '  webhook-dispatcher: payment notifications',
        '\twebhook-dispatcher: payment notifications {frontmatter-schema}',
      ]),
      document: true,
    },
    {
      name: 'an unclosed flow sequence, on the line where the bracket opens',
      code: minimalWith([
        'authors: [Ines Okafor]\nservices: [webhook-dispatcher]',
        'authors: [Ines Okafor {frontmatter-schema}\nservices: [webhook-dispatcher]',
      ]),
      document: true,
    },
    {
      name: 'an unclosed quote, on the line where the quote opens',
      code: minimalWith(['title: Delayed payment notifications', 'title: "Delayed payment notifications {frontmatter-schema}']),
      document: true,
    },
    {
      // YAML reads the over-indented line as the continuation of the value
      // before it, and blames that value; the slip is the line's own indent.
      name: 'a key indented too far, once, at its own line, with the fix for an indent',
      code: minimalWith(['  detected: 2025-09-03T14:09:00Z', '   detected: 2025-09-03T14:09:00Z {frontmatter-schema}']),
      document: true,
      messages: [
        'Invalid YAML: this line is indented more than the key before it, so it reads as part of its value: indent it as the keys beside it',
      ],
    },
    {
      name: 'a key indented too little, at its line, with the fix for an indent',
      code: minimalWith(['  detected: 2025-09-03T14:09:00Z', ' detected: 2025-09-03T14:09:00Z {frontmatter-schema}']),
      document: true,
      messages: ['Invalid YAML: All mapping items must start at the same column: indent this key as the keys beside it'],
    },
    {
      // Tabs give several YAML errors on one line: one finding.
      name: 'several YAML errors on one line, once',
      code: minimalWith([
        '  webhook-dispatcher: payment notifications',
        '  webhook-dispatcher: payment notifications\n\tledger-db: payment records {frontmatter-schema}\n\tother: x',
      ]),
      document: true,
    },
    {
      name: 'an alias bomb, at its first alias',
      code: dedent`
        ---
        x-a: &a [x, x, x, x, x, x, x, x, x, x]
        x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a] {frontmatter-schema}
        x-c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
        ---
      `,
    },
    // A frontmatter with no `coe` key is not a COE: one finding at the block.
    {
      name: 'an empty frontmatter, at the block',
      code: '--- {frontmatter-schema}\n---\n\n# Notes\n',
      document: true,
      messages: ['Not a COE document'],
    },
    {
      name: 'a frontmatter that is not a mapping, at the block',
      code: '--- {frontmatter-schema}\n- coe\n---\n\n# Notes\n',
      document: true,
    },
    {
      name: 'a file with frontmatter but no coe key',
      code: '--- {frontmatter-schema}\ntitle: Meeting notes\n---\n\n# Notes\n',
      document: true,
      messages: ['its frontmatter has no "coe" key'],
    },
    {
      name: 'a file with no frontmatter',
      code: '# Notes {frontmatter-schema}\n\nNo frontmatter at all.\n',
      document: true,
      messages: ['it has no frontmatter'],
    },
    {
      name: 'a file whose frontmatter is begun and never closed, with no coe key: said so, not "no frontmatter"',
      code: '--- {frontmatter-schema}\ntitle: Orders outage\nseverity: 2\n\n## Impact\n\nCustomers could not order.\n',
      document: true,
      messages: ['its frontmatter is never closed, and has no "coe" key'],
    },
    {
      name: 'a file that begins with a thematic break closed later is a frontmatter with no coe key, not one never closed',
      code: '--- {frontmatter-schema}\nNotes\n---\n\nText.\n',
      document: true,
      messages: ['its frontmatter has no "coe" key'],
    },

    // Keys and types.
    { name: 'each problem of section 2 at its line', code: SCHEMA_PROBLEMS },
    ...WRONG_TYPES.map(([line, name]): TestCase => ({ name: `a wrong type or value: ${name}`, code: `---\n${marked(line)}\n---` })),
    { name: 'incident that is not a mapping', code: '---\nincident: yesterday {frontmatter-schema}\n---' },
    ...['COE-25-001', 'COE-2025-17', 'coe-2025-001', 'INC-2025-001', 'COE-2025-001-b'].map((id): TestCase => ({
      name: `the id ${id}, which is not PREFIX-YYYY-NNN`,
      code: `---\nid: ${id} {frontmatter-schema}\n---`,
    })),
    {
      name: 'the default prefix when another is configured',
      code: '---\nid: COE-2025-001 {frontmatter-schema}\n---',
      config: { idPrefix: 'INC' },
    },
    { name: 'detected_by outside its list', code: incident(marked('detected_by: pager')) },
    { name: 'detected_by is case-sensitive', code: incident(marked('detected_by: Alarm')) },
    ...BAD_TIMES.map(([time, why]): TestCase => ({
      name: `a time that is not ISO 8601 with an offset: ${time} (${why})`,
      code: incident(marked(`start: ${time}`)),
    })),
    {
      // A misspelt key must not pass silently, and is one problem: one finding.
      name: 'a misspelt key, once, at its line, naming the key it stands for',
      code: '---\nsevrity: 3 {frontmatter-schema}\n---',
      drop: ['severity'],
      messages: ['Unknown key "sevrity": did you mean "severity"?'],
    },
    {
      name: 'a misspelt key inside incident',
      code: incident(marked('detectd_by: alarm')),
      drop: ['incident.detected_by'],
      messages: ['did you mean "detected_by"?'],
    },
    {
      name: 'an unknown key that stands for no missing key',
      code: '---\ntag: [a] {frontmatter-schema}\n---',
      messages: [/^Unknown key "tag": check its spelling/],
    },
    {
      // The key is written in the value read from the YAML as the yaml package writes it.
      name: 'a list as a key ("? "), at its line',
      code: minimalWith(['---\ncoe: 1', '---\ncoe: 1\n? [a, b] {frontmatter-schema}\n: c']),
      document: true,
      messages: [/^Unknown key "\[ a, b \]": check its spelling/],
    },
    {
      name: 'a null key, at its line, as a key with no name (not a misspelt "id")',
      code: '---\nnull: 3 {frontmatter-schema}\n---',
      messages: ['Key with no name (null, ~ or ""): name it, or remove it'],
    },
    { name: 'a key ~ inside incident, at its line', code: incident(marked('~: 1')), messages: [/^Key with no name/] },
    { name: '__proto__, as an unknown key, keeping the other values', code: '---\n__proto__: {status: draft} {frontmatter-schema}\n---' },
    { name: 'a missing required key, at the frontmatter', code: withoutLine(minimalWith(FENCE), 'owner:'), document: true },
    { name: 'a missing required key of incident, at incident', code: withoutLine(minimalWith(AT_INCIDENT), '  start:'), document: true },

    // Milestones.
    {
      name: 'engaged before detected, at engaged',
      code: incident(marked('engaged: 2025-09-03T14:08:00Z')),
      messages: ['"incident.engaged" (2025-09-03T14:08:00Z) is before "incident.detected"'],
    },
    { name: 'detected before start, to the second', code: incident(marked('detected: 2025-09-03T14:04:59Z')) },
    { name: 'resolved before mitigated', code: incident(marked('resolved: 2025-09-03T15:19:00Z')) },
    {
      name: 'mitigated at 16:10 +02:00, which is 14:10 UTC, before engaged',
      code: incident(marked('mitigated: 2025-09-03T16:10:00+02:00')),
    },
    { name: 'detected at 15:10 +02:00, which is 13:10 UTC, before start', code: incident(marked('detected: 2025-09-03T15:10:00+02:00')) },
    {
      name: 'customer_notified before start',
      code: incident(marked('customer_notified: 2025-09-03T14:00:00Z')),
      messages: ['customers cannot be told before impact began'],
    },
    ...[
      ['review', 'engaged'],
      ['review', 'mitigated'],
      ['approved', 'resolved'],
      ['published', 'resolved'],
      ['published', 'engaged'],
    ].map(([status, key]): TestCase => ({
      name: `a COE in ${status} without ${key}, at incident`,
      code: withoutLine(minimalWith(['status: review', `status: ${status}`], AT_INCIDENT), `  ${key}:`),
      document: true,
      messages: [`Missing "incident.${key}": it is required from status`],
    })),

    // Levels.
    {
      name: 'as a warning when set to warn',
      code: '---\nseverity: high {frontmatter-schema:warn}\n---',
      config: { rules: { 'frontmatter-schema': { level: 'warn' } } },
    },
  ],
});

/** Lints a case with every rule: its markers, of any rule, are all the findings. */
const expectEveryRule = (test: TestCase) => expectMarkers(rule, { ...test, everyRule: true });

it('frontmatter-schema: a file that is not a COE gets one finding, and no other rule runs', () => {
  expectEveryRule({ code: '--- {frontmatter-schema:error}\n---\n\n# Notes\n', document: true });
  expectEveryRule({ code: '--- {frontmatter-schema:error}\n- coe\n---\n\n# Notes\n', document: true });
  expectEveryRule({ code: '--- {frontmatter-schema:error}\ntitle: Meeting notes\n---\n\n# Notes\n', document: true });
  expectEveryRule({ code: '# Notes {frontmatter-schema:error}\n\nNo frontmatter at all.\n', document: true });
});

it('frontmatter-schema: the other rules still run when the YAML cannot be read, and pass over what it held', () => {
  // The YAML cannot be read at all, so no rule gets a value from it; a lesson with no action item is still reported.
  expectEveryRule({
    code: minimalWith(
      [
        'authors: [Ines Okafor]\nservices: [webhook-dispatcher]',
        'authors: [Ines Okafor {frontmatter-schema:error}\nservices: [webhook-dispatcher]',
      ],
      [
        '- **L2:** Capacity must be adjustable without a deployment.',
        '- **L2:** Capacity must be adjustable without a deployment.\n- **L3:** Keep a runbook. {lessons-have-actions:error}',
      ],
    ),
    document: true,
  });
});

it('frontmatter-schema: no other rule reads a value it reports', () => {
  // With mitigated (14:10) read, timeline-milestones would ask for an entry at 14:10.
  expectEveryRule({ code: SCHEMA_PROBLEMS.replaceAll('{frontmatter-schema}', '{frontmatter-schema:error}') });
  // Engaged before detected: the timeline's 14:12 entry no longer matches, but only the frontmatter is reported.
  expectEveryRule({ code: incident('engaged: 2025-09-03T14:01:00Z {frontmatter-schema:error}') });
});

it('frontmatter-schema: __proto__ as a key pollutes no object', () => {
  const test = { code: '---\n__proto__: {status: draft}\n---' };
  lintCase(rule, test, prepare(rule, test).text);
  expect(({} as Record<string, unknown>).status).toBeUndefined();
});

it('frontmatter-schema reports a document with no frontmatter when the rule runs on it', () => {
  // The engine reports such a file as not a COE before any rule runs; the rule still says what is missing.
  const parsed = parseCoeDocument('x.md', '# Notes\n\n## Impact\n');
  if (!parsed.ok) throw new Error('parse failed');
  const out = rule.check({ doc: parsed.doc, options: rule.defaults, settings: { now: TEST_NOW, internalTerms: [] } });
  expect(out.map((f) => [f.range.start.line, f.message])).toEqual([[1, expect.stringMatching(/^Missing frontmatter/)]]);
});

it('frontmatter-schema: a key that holds an alias of no anchor is the YAML error, not a file that could not be linted', () => {
  // The key's place is looked up before the YAML is read as a whole: that must not throw.
  expectEveryRule({
    code: minimalWith(['---\ncoe: 1', '--- {frontmatter-schema:error}\ncoe: 1\n? [*missing]\n: c']),
    document: true,
  });
});
