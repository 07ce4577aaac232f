// timeline-milestones: every milestone of `incident` appears as a timeline
// entry of the same minute.
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintFixture, lintString, type LintCase } from '../helpers/lint.js';

const RULE = 'timeline-milestones';
const base = baseDocument();
const HEADING = lineOf(base, '## Timeline');

const findings = (text: string, options?: LintCase) => findingsOf(lintString(text, options), RULE);
const warnAt = (...lines: number[]) => lines.map((line) => [RULE, 'warn', line]);

function timeline(body: string, text = base): string {
  const start = text.indexOf('## Timeline\n') + '## Timeline\n'.length;
  const end = text.indexOf('## Five whys');
  return `${text.slice(0, start)}\n${body}\n${text.slice(end)}`;
}

describe('timeline-milestones passes', () => {
  it('passes the base document', () => {
    expect(findings(base)).toEqual([]);
  });

  it('passes milestones written with offsets and a timeline in local time', () => {
    expect(findingsOf(lintFixture('rules/timeline-milestones/pass-local-times.md'), RULE)).toEqual([]);
  });

  it('matches by the minute, whatever the seconds', () => {
    let text = edit(base, 'detected: 2025-09-03T14:09:00Z', 'detected: 2025-09-03T14:09:59Z');
    text = edit(text, '- 14:12 —', '- 14:12:30 —');
    expect(findings(text)).toEqual([]);
  });

  it('lets one entry stand for two milestones', () => {
    let text = edit(base, 'engaged: 2025-09-03T14:12:00Z', 'engaged: 2025-09-03T14:09:00Z');
    text = edit(text, '- 14:12 — The on-call engineer acknowledges and starts investigating.\n', '');
    expect(findings(text)).toEqual([]);
  });

  it('needs no entry for a milestone that is not in the frontmatter', () => {
    let text = edit(base, 'status: review', 'status: draft');
    text = edit(text, '  resolved: 2025-09-03T17:00:00Z\n', '');
    text = edit(text, '  customer_notified: 2025-09-03T14:30:00Z\n', '');
    text = edit(text, '- 17:00 — A pool size check is added to the deployment pipeline; incident closed.\n', '');
    text = edit(text, '- 14:30 — Status page notice posted.\n', '');
    expect(findings(text)).toEqual([]);
  });

  it('passes over a milestone the frontmatter reports as wrong', () => {
    // engaged before detected is a frontmatter-schema error; the timeline is not asked for it.
    const text = edit(base, 'engaged: 2025-09-03T14:12:00Z', 'engaged: 2025-09-03T14:08:00Z');
    expect(findings(text)).toEqual([]);
    expect(findingsOf(lintString(text), 'frontmatter-schema')).toEqual([['frontmatter-schema', 'error', 14]]);
  });

  it('passes over entries it cannot place in time when incident.start could not be read', () => {
    // With no start date, "14:09" has no date: the entries cannot be compared with the milestones.
    let text = edit(base, 'start: 2025-09-03T14:05:00Z', 'start: 2025-09-03T14:05:00');
    text = edit(text, '- 2025-09-03 14:05 UTC —', '- 14:05 —');
    expect(findings(text)).toEqual([]);
  });

  it('passes over a timeline with no entries, which timeline-order reports', () => {
    const text = timeline('We did not keep a timeline.');
    expect(findings(text)).toEqual([]);
    expect(findingsOf(lintString(text), 'timeline-order')).toEqual([['timeline-order', 'error', HEADING]]);
  });
});

describe('timeline-milestones reports', () => {
  it('reports each milestone with no entry of its minute, at the heading', () => {
    // engaged (14:12) has no entry; customer_notified (14:30) is at 14:31.
    expect(findingsOf(lintFixture('rules/timeline-milestones/fail-missing-entries.md'), RULE)).toEqual(warnAt(HEADING, HEADING));
  });

  it.each([
    ['start', '- 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.\n', '- 2025-09-03 14:04 UTC — A configuration change halves the notification worker pool.\n'],
    ['detected', '- 14:09 —', '- 14:10 —'],
    ['engaged', '- 14:12 —', '- 14:13 —'],
    ['customer_notified', '- 14:30 —', '- 14:29 —'],
    ['mitigated', '- 15:20 —', '- 15:21 —'],
    ['resolved', '- 17:00 —', '- 16:59 —'],
  ])('reports %s', (_key, from, to) => {
    expect(findings(edit(base, from, to))).toEqual(warnAt(HEADING));
  });

  it('compares in UTC: an entry at the same clock time in another offset is another minute', () => {
    const text = edit(base, '- 2025-09-03 14:05 UTC —', '- 2025-09-03 14:05 +02:00 —');
    // Every time alone now takes +02:00 too, so no milestone matches.
    expect(findings(text)).toEqual(warnAt(HEADING, HEADING, HEADING, HEADING, HEADING, HEADING));
  });

  it('reports milestones when the Timeline has a table of other times', () => {
    const text = timeline('| Time | Event |\n|---|---|\n| 2025-09-03 14:05 UTC | start |\n| 14:09 | detected |');
    expect(findings(text)).toEqual(warnAt(HEADING, HEADING, HEADING, HEADING));
  });
});

describe('timeline-milestones levels', () => {
  const text = edit(base, '- 14:09 —', '- 14:10 —');

  it('reports as an error when set to error', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'error', options: {} } } } })).toEqual([[RULE, 'error', HEADING]]);
  });

  it('reports nothing when off', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'off', options: {} } } } })).toEqual([]);
  });
});
