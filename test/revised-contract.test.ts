// The points of the format revised on 2026-12-01 (sections 3.2, 3.3, 3.9, 4.1)
// that are about reading the document: each is checked through the rule that
// reports it, at its line and, where the point is about a place, its column.
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintString } from './helpers/lint.js';
import { parse } from './parse/helpers.js';

const base = baseDocument();
const rule = (text: string, id: string) => findingsOf(lintString(text), id);

describe('timeline: zone names are not offsets (3.2)', () => {
  const ENTRY = '- 14:30 — Status page notice posted.';

  it.each([
    ['14:30 EST', '"EST" is a zone abbreviation, not an offset: write the offset instead ("14:30 -05:00")'],
    ['14:30 CET', '("14:30 +01:00")'],
    ['14:30 (PDT)', '("14:30 -07:00")'],
    ['2025-09-03 14:30 IST', 'ambiguous one (+05:30 India, +01:00 Ireland, +02:00 Israel)'],
    ['14:30 Europe/Berlin', 'is a time zone name, not an offset'],
  ])('"%s" has no readable time, and the message says which offset to write', (time, text) => {
    const doc = edit(base, ENTRY, `- ${time} — Status page notice posted.`);
    const messages = lintString(doc).filter((m) => m.ruleId === 'timeline-order');
    expect(messages.map((m) => [m.severity, m.line])).toEqual([['error', lineOf(doc, time)]]);
    expect(messages[0]!.message).toContain(text);
  });

  it('reads UTC, GMT and Z, and an offset written after UTC, as offsets', () => {
    for (const time of ['14:30 UTC', '14:30 GMT', '14:30Z', '14:30 UTC+0', '14:30 GMT+00:00']) {
      const doc = edit(base, ENTRY, `- ${time} — Status page notice posted.`);
      expect(rule(doc, 'timeline-order'), time).toEqual([]);
    }
    const doc = parse(edit(base, ENTRY, '- 16:30 UTC+2 — Status page notice posted.'));
    const entry = doc.timeline!.find((e) => e.text.startsWith('16:30'))!;
    expect(new Date(entry.time!).toISOString()).toBe('2025-09-03T14:30:00.000Z');
  });

  it('does not take a word after the time for a zone', () => {
    const doc = edit(base, ENTRY, '- 14:30 DNS records were checked; status page notice posted.');
    expect(rule(doc, 'timeline-order')).toEqual([]);
  });
});

describe('five whys: L<n> in prose is not a reference (3.3)', () => {
  const LEAF = 'The pool size cannot be changed at run time. → L2';

  it('reads an undefined L<n> in prose as prose', () => {
    const doc = edit(base, LEAF, 'The L7 load balancer and the L4 proxy cannot change the pool size. → L2');
    expect(rule(doc, 'references-exist')).toEqual([]);
  });

  it.each([
    ['after an arrow', 'The pool size cannot be changed at run time. → L9 today'],
    ['in parentheses', 'The pool size (L9) cannot be changed at run time. → L2'],
    ['in brackets', 'The pool size [see L9] cannot be changed. → L2'],
    ['in a list of ids', 'The pool size cannot be changed at run time. L9, AI-1 apply'],
    ['in inline code of ids', 'The pool size `L9` cannot be changed at run time. → L2'],
    ['as the last word', 'The pool size cannot be changed at run time, see L9.'],
  ])('reads an undefined L<n> %s as a reference', (_, text) => {
    const doc = edit(base, LEAF, text);
    expect(rule(doc, 'references-exist')).toEqual([['references-exist', 'error', lineOf(doc, text)]]);
  });

  it('reads a defined L<n> as a reference wherever it stands', () => {
    const doc = edit(base, LEAF, 'L2 says the pool size cannot be changed at run time.');
    expect(rule(doc, 'five-whys-leaf-action')).toEqual([]);
  });

  it('needs a real reference from each root cause: a layer name is not one', () => {
    const doc = edit(base, LEAF, 'The L7 load balancer cannot change the pool size at run time.');
    expect(rule(doc, 'five-whys-leaf-action')).toEqual([['five-whys-leaf-action', 'error', lineOf(doc, 'The L7 load balancer')]]);
  });
});

describe('five whys: a problem statement may carry its number in words (3.3)', () => {
  const PROBLEM = 'Payment notifications were up to 40 minutes late for 75 minutes.';

  it.each([
    'Payment notifications were late for forty minutes.',
    'A third of payment notifications were late.',
    'Half of the payment notifications were late.',
    'Payment notifications took twice as long as usual.',
    'Twenty-five merchants saw late notifications.',
  ])('passes "%s"', (statement) => {
    expect(rule(edit(base, PROBLEM, statement), 'five-whys-problem')).toEqual([]);
  });

  it('still reports a statement with no number', () => {
    const doc = edit(base, PROBLEM, 'Payment notifications were late, and someone noticed.');
    expect(rule(doc, 'five-whys-problem')).toEqual([['five-whys-problem', 'error', lineOf(doc, 'someone noticed')]]);
  });
});

describe('a placeholder value is reported once, by no-placeholders (4.1)', () => {
  const ROW = /^\| AI-1 \|.*$/m;

  it('passes over placeholder cells in the action items table', () => {
    const row = ROW.exec(base)![0];
    const cells = row.split('|');
    // | AI-1 | action | term | owner | due | status | lessons | validation |
    const edited = [cells[0], ' AI-1 ', ' TODO ', ' TBD ', ' TODO ', ' TBD ', ' ??? ', cells[7], cells[8], cells[9]].join('|');
    const doc = edit(base, row, edited);
    expect(rule(doc, 'action-item-fields')).toEqual([]);
    expect(rule(doc, 'no-placeholders').length).toBe(5);
  });

  it('passes over a placeholder problem statement, detection answer and impact', () => {
    let doc = edit(base, 'Payment notifications were up to 40 minutes late for 75 minutes.', 'TODO: the problem, with data.');
    expect(rule(doc, 'five-whys-problem')).toEqual([]);
    doc = edit(base, '## Impact\n\n', '## Impact\n\nTODO: the impact.\n\n');
    expect(rule(doc, 'impact-narrative')).toEqual([]);
  });

  it('passes over a placeholder frontmatter value', () => {
    const doc = base.replace(/detected_by: .*/, 'detected_by: TBD');
    expect(rule(doc, 'frontmatter-schema')).toEqual([]);
    expect(rule(doc, 'no-placeholders')).toEqual([['no-placeholders', 'error', lineOf(doc, 'detected_by: TBD')]]);
  });

  it('passes over a timeline entry left as a placeholder', () => {
    const doc = edit(base, '- 14:30 — Status page notice posted.', '- TODO — when the status page notice was posted.');
    expect(rule(doc, 'timeline-order')).toEqual([]);
  });
});

describe('findings point at the value (4.1)', () => {
  it('points at a cell\'s text, not its "|"', () => {
    const row = /^\| AI-1 \|.*$/m.exec(base)![0];
    const doc = edit(base, row, row.replace(/\| (short|mid|long) \|/, '| soon |'));
    const finding = lintString(doc).find((m) => m.ruleId === 'action-item-fields')!;
    const line = doc.split('\n')[finding.line - 1]!;
    expect(line.slice(finding.column - 1, finding.endColumn - 1)).toBe('soon');
  });

  it('points at a token after escapes and entities', () => {
    const doc = edit(base, '## Impact\n\n', '## Impact\n\nThe \\*fleet\\* &amp; the &copy; pool: TODO confirm.\n\n');
    const finding = lintString(doc).find((m) => m.ruleId === 'no-placeholders')!;
    const line = doc.split('\n')[finding.line - 1]!;
    expect(line.slice(finding.column - 1, finding.endColumn - 1)).toBe('TODO');
  });
});

describe('a lesson id without its separator (6 of issue 9)', () => {
  it('is one finding that says to add ":", and the id still counts', () => {
    const doc = edit(base, '- **L1:** A setting', '- **L1** A setting');
    const messages = lintString(doc).filter((m) => m.severity === 'error' || m.ruleId === 'lessons-have-actions');
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['lessons-have-actions', lineOf(doc, '- **L1** A setting')]]);
    expect(messages[0]!.message).toContain('has no ":" after its id');
  });
});

describe('messages a user trips on (6 of issue 9)', () => {
  const row = /^\| AI-1 \|.*$/m.exec(base)![0];
  const messageOf = (doc: string, id: string) => lintString(doc).find((m) => m.ruleId === id)?.message;

  it('say "did you mean" for a Term or Status, echoing the value as written', () => {
    const term = edit(base, row, row.replace('| short |', '| Shrot |'));
    expect(messageOf(term, 'action-item-fields')).toContain(
      'Term "Shrot" must be short (hours), mid (days to weeks) or long (systemic change) (did you mean "short"?)',
    );
    const status = edit(base, row, row.replace('| validated |', '| In Progress |'));
    expect(messageOf(status, 'action-item-fields')).toContain(
      'Status "In Progress" must be one of open, in-progress, done, validated, dropped (did you mean "in-progress"?)',
    );
    const far = edit(base, row, row.replace('| validated |', '| finished |'));
    expect(messageOf(far, 'action-item-fields')).not.toContain('did you mean');
  });

  it('say "did you mean" for a frontmatter status or detection source', () => {
    const doc = base.replace(/^status: .*$/m, 'status: reveiw').replace(/detected_by: .*/, 'detected_by: customer_report');
    const messages = lintString(doc)
      .filter((m) => m.ruleId === 'frontmatter-schema')
      .map((m) => m.message);
    expect(messages).toContainEqual(expect.stringContaining('(it is "reveiw": did you mean "review"?)'));
    expect(messages).toContainEqual(expect.stringContaining('(it is "customer_report": did you mean "customer-report"?)'));
  });
});
