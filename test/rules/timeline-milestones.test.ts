// timeline-milestones: every milestone of `incident` appears as a timeline
// entry of the same minute.
import dedent from 'dedent';
import { expect, it } from 'vitest';
import rule from '../../src/rules/timeline-milestones.js';
import frontmatterSchema from '../../src/rules/frontmatter-schema.js';
import timelineOrder from '../../src/rules/timeline-order.js';
import type { Rule } from '../../src/engine/rule.js';
import { lintCase, prepare, ruleTester, type TestCase } from '../helpers/rule-tester.js';

// The minimal COE's milestones (start 14:05, detected 14:09, engaged 14:12,
// mitigated 15:20, resolved 17:00 UTC), with customer_notified at 14:30.
const NOTIFIED = '---\nincident:\n  customer_notified: 2025-09-03T14:30:00Z\n---\n\n';
const ENTRIES = [
  '- 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.',
  '- 14:09 — The queue age alarm pages the on-call engineer.',
  '- 14:12 — The on-call engineer starts investigating.',
  '- 14:30 — Status page notice posted.',
  '- 15:20 — The worker pool is restored and the backlog is drained.',
  '- 17:00 — A pool size check is added to the deployment pipeline.',
];

const AT_HEADING = ' {timeline-milestones}';

/** A Timeline section with these entries; `findings` markers at its heading. */
const timeline = (entries: string[], findings = 0) => `## Timeline${AT_HEADING.repeat(findings)}\n\n${entries.join('\n')}`;

/** The entries with the one that begins `from` begun `to` instead. */
const moved = (from: string, to: string, entries = ENTRIES) => {
  const at = entries.findIndex((e) => e.startsWith(from));
  if (at === -1) throw new Error(`moved: no entry "${from}"`);
  return entries.map((e, i) => (i === at ? to + e.slice(from.length) : e));
};
const without = (from: string) => ENTRIES.filter((e) => !e.startsWith(from));

const ENGAGED_TOO_EARLY: TestCase = {
  name: 'a milestone the frontmatter reports as wrong (engaged before detected)',
  code: '---\nincident:\n  engaged: 2025-09-03T14:08:00Z\n---',
};
const NO_ENTRIES: TestCase = {
  name: 'a timeline with no entries, which timeline-order reports',
  code: '## Timeline\n\nWe did not keep a timeline.',
};

/**
 * Linted with every rule: the entry that begins `from` begun `to`, with no
 * readable time, so timeline-order reports it at its line, and
 * timeline-milestones passes over the milestones it may stand for.
 */
const unreadable = (name: string, from: string, to: string, entries = ENTRIES): TestCase => ({
  name,
  code: NOTIFIED + timeline(moved(from, to, entries).map((e) => (e.startsWith(to) ? `${e} {timeline-order}` : e))),
  everyRule: true,
  messages: ['Timeline entry has no readable time'],
});

const MILESTONES: [string, string, string][] = [
  ['start', '- 2025-09-03 14:05 UTC', '- 2025-09-03 14:04 UTC'],
  ['detected', '- 14:09', '- 14:10'],
  ['engaged', '- 14:12', '- 14:13'],
  ['customer_notified', '- 14:30', '- 14:29'],
  ['mitigated', '- 15:20', '- 15:21'],
  ['resolved', '- 17:00', '- 16:59'],
];

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    { name: 'an entry for every milestone, customer_notified too', code: NOTIFIED + timeline(ENTRIES) },
    {
      name: 'milestones written with offsets and a timeline in local time',
      code: dedent`
        ---
        incident:
          start: 2025-10-21T21:40:00Z
          detected: 2025-10-21T23:58:00+02:00
          engaged: 2025-10-22T00:03:00+02:00
          mitigated: 2025-10-21T23:10:00Z
          resolved: 2025-10-22T01:30:00Z
          customer_notified: 2025-10-21T22:20:00Z
        ---

        ## Timeline

        | Time (CEST) | Event |
        |---|---|
        | 2025-10-21 23:15 +02:00 | The card processor starts rotating the certificate of its endpoint. |
        | 23:40 | First declined card payments; the decline rate rises to 18%. |
        | 23:58 | Support opens an incident after 40 merchant reports. |
        | 2025-10-22 00:03 +02:00 | The on-call engineer is engaged. |
        | 00:20 | Status page notice posted. |
        | 01:10 | Card payments moved to the secondary processor; declines stop. |
        | 03:30 | Certificate pinning removed from the gateway; incident closed. |
      `,
    },
    {
      name: 'matched by the minute, whatever the seconds',
      code: `---\nincident:\n  detected: 2025-09-03T14:09:59Z\n---\n\n${timeline(moved('- 14:12', '- 14:12:30'))}`,
    },
    {
      name: 'one entry standing for two milestones',
      code: `---\nincident:\n  engaged: 2025-09-03T14:09:00Z\n---\n\n${timeline(without('- 14:12'))}`,
    },
    {
      name: 'no entry for a milestone that is not in the frontmatter',
      code: `---\nstatus: draft\n---\n\n${timeline(without('- 14:30').filter((e) => !e.startsWith('- 17:00')))}`,
      drop: ['incident.resolved'],
    },
    // The timeline is not asked for a milestone that frontmatter-schema reports.
    ENGAGED_TOO_EARLY,
    {
      // With no start date, "14:09" has no date: the entries cannot be compared with the milestones.
      name: 'entries it cannot place in time when incident.start could not be read',
      code: `---\nincident:\n  start: 2025-09-03T14:05:00\n---\n\n${timeline(moved('- 2025-09-03 14:05 UTC', '- 14:05'))}`,
    },
    NO_ENTRIES,
    {
      name: 'nothing when off',
      code: timeline(moved('- 14:09', '- 14:10')),
      config: { rules: { 'timeline-milestones': { level: 'off' } } },
    },
  ],
  invalid: [
    {
      // engaged (14:12) has no entry; customer_notified (14:30) is at 14:31.
      name: 'each milestone with no entry of its minute, at the heading',
      code:
        NOTIFIED +
        timeline(
          moved('- 14:30', '- 14:31').filter((e) => !e.startsWith('- 14:12')),
          2,
        ),
      messages: [
        'No timeline entry at 2025-09-03 14:12 UTC for "incident.engaged": add one for that minute, or correct the time',
        'No timeline entry at 2025-09-03 14:30 UTC for "incident.customer_notified"',
      ],
    },
    ...MILESTONES.map(([key, from, to]): TestCase => ({
      name: `a missing ${key}`,
      code: NOTIFIED + timeline(moved(from, to), 1),
      messages: [`"incident.${key}"`],
    })),
    {
      // Every time alone now takes +02:00 too, so no milestone matches.
      name: 'compared in UTC: an entry at the same clock time in another offset is another minute',
      code: NOTIFIED + timeline(moved('- 2025-09-03 14:05 UTC', '- 2025-09-03 14:05 +02:00'), 6),
    },
    {
      name: 'milestones when the Timeline has a table of other times',
      code: NOTIFIED + timeline(['| Time | Event |', '|---|---|', '| 2025-09-03 14:05 UTC | start |', '| 14:09 | detected |'], 4),
    },
    // An entry with no readable time may be the milestone's: one problem, one finding.
    unreadable('an entry with a zone abbreviation for a milestone', '- 14:12', '- 14:12 EST'),
    unreadable('an entry with no readable time first, for incident.start', '- 2025-09-03 14:05 UTC', '- 2025-09-03 14:05 CEST'),
    unreadable('an entry with no readable time last, for incident.resolved', '- 17:00', '- 17:00 PST'),
    unreadable('an entry with no readable time and another time, for a milestone', '- 14:12', '- Around 14:15'),
    unreadable('an entry with no readable time for two milestones', '- 14:12', '- 14:10 EST', without('- 14:09')),
    {
      name: 'a table row with a zone abbreviation for a milestone',
      code:
        NOTIFIED +
        timeline([
          '| Time (UTC) | Event |',
          '|---|---|',
          '| 2025-09-03 14:05 | start |',
          '| [14:09-14:10] | detected |',
          '| 14:12 EST | engaged | {timeline-order}',
          '| 14:30 | customer notified |',
          '| 15:20 | mitigated |',
          '| 17:00 | resolved |',
        ]),
      everyRule: true,
      messages: ['Timeline entry has no readable time: "EST" is a zone abbreviation'],
    },
    {
      // Between 15:20 and 17:00, it cannot be engaged (14:12).
      name: 'a milestone with no entry, when an entry with no readable time stands elsewhere',
      code:
        NOTIFIED +
        timeline([...without('- 14:12').slice(0, -1), '- 16:00 EST — The backlog is checked. {timeline-order}', ENTRIES.at(-1)!], 1),
      everyRule: true,
      messages: ['No timeline entry at 2025-09-03 14:12 UTC for "incident.engaged"', 'Timeline entry has no readable time'],
    },
    {
      // Out of order: 15:20 before it is later than engaged, so it is not between them.
      name: 'a milestone with no entry, when the entries around the unreadable one are not around it',
      code:
        NOTIFIED +
        timeline(
          [
            ...ENTRIES.slice(0, 2),
            '- 15:20 — The worker pool is restored.',
            '- 14:12 EST — The on-call engineer starts investigating. {timeline-order}',
            '- 14:30 — Status page notice posted. {timeline-order}',
            ...ENTRIES.slice(-1),
          ],
          1,
        ),
      everyRule: true,
    },
    {
      name: 'as an error when set to error',
      code:
        '## Timeline {timeline-milestones:error}\n\n' +
        moved('- 14:09', '- 14:10')
          .filter((e) => !e.startsWith('- 14:30'))
          .join('\n'),
      config: { rules: { 'timeline-milestones': { level: 'error' } } },
    },
  ],
});

/** The findings another rule gives a case, as line numbers. */
const linesOf = (other: Rule, test: TestCase) => lintCase(other, test, prepare(other, test).text).map((m) => m.line);

it('timeline-milestones passes over what the rules about it report', () => {
  // What the valid cases above rely on: these are findings, of other rules.
  expect(linesOf(frontmatterSchema, ENGAGED_TOO_EARLY)).toEqual([13]);
  expect(linesOf(timelineOrder, NO_ENTRIES)).toEqual([34]);
});
