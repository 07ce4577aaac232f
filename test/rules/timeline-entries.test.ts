// How the time at the start of a timeline entry is read (format 3.2): what
// may follow a time (a colon, words, a range), zone names, and offsets. Each
// case is linted with every rule, so its markers are all the findings: a time
// read wrongly shows as timeline-order or timeline-milestones findings.
import rule from '../../src/rules/timeline-order.js';
import { ruleTester, type TestCase } from '../helpers/rule-tester.js';

// The minimal COE's timeline: start 14:05, detected 14:09, engaged 14:12,
// mitigated 15:20, resolved 17:00 UTC.
const ENTRIES = [
  '- 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.',
  '- 14:09 — The queue age alarm pages the on-call engineer.',
  '- 14:12 — The on-call engineer starts investigating.',
  '- 15:20 — The worker pool is restored and the backlog is drained.',
  '- 17:00 — A pool size check is added to the deployment pipeline.',
];

const timeline = (entries: string[]) => `## Timeline\n\n${entries.join('\n')}`;

/** The timeline with the entry that begins `from` begun `to` instead. */
const moved = (from: string, to: string) => {
  if (!ENTRIES.some((e) => e.startsWith(from))) throw new Error(`moved: no entry "${from}"`);
  return timeline(ENTRIES.map((e) => (e.startsWith(from) ? to + e.slice(from.length) : e)));
};

/** The timeline with these entries after it. */
const after = (...entries: string[]) => timeline([...ENTRIES, ...entries]);

/** The timeline with this entry between 14:12 and 15:20, which is no milestone. */
const inserted = (entry: string) => timeline([...ENTRIES.slice(0, 3), entry, ...ENTRIES.slice(3)]);

/** Every entry in local time at an offset: `start` is 14:05 UTC written there. */
const local = (start: string, times: string[]) =>
  timeline(ENTRIES.map((e, i) => (i === 0 ? `- ${start}${e.slice('- 2025-09-03 14:05 UTC'.length)}` : `- ${times[i - 1]!}${e.slice(7)}`)));

const valid = (name: string, code: string): TestCase => ({ name, code, everyRule: true });

/** An entry with no readable time, between 14:12 and 15:20, and what its message says. */
const unreadable = (time: string, message: string): TestCase => ({
  name: `no readable time: ${time}`,
  code: inserted(`- ${time} — Status page notice posted. {timeline-order}`),
  everyRule: true,
  messages: [`Timeline entry has no readable time: ${message}`],
});

ruleTester(rule).run({
  valid: [
    valid('the minimal COE', ''),
    // A colon, like a dash, separates the time from the text.
    valid('a colon after a time alone', moved('- 14:09 —', '- 14:09:')),
    valid('a colon after a bold time', moved('- 14:09 —', '- **14:09**:')),
    valid('a colon after a time with seconds', moved('- 14:09 —', '- 14:09:30:')),
    valid('a colon after an offset', local('2025-09-03 16:05 +02:00:', ['16:09', '16:12', '17:20', '19:00'])),
    valid('a colon after UTC+2', local('2025-09-03 16:05 UTC+2:', ['16:09', '16:12', '17:20', '19:00'])),
    valid('a colon after a full date and time', moved('- 2025-09-03 14:05 UTC —', '- 2025-09-03 14:05:')),
    // U+2212 MINUS SIGN is a minus.
    valid('an offset after UTC with a minus sign', local('2025-09-03 09:05 UTC−05:00 —', ['09:09', '09:12', '10:20', '12:00'])),
    valid('an offset with a minus sign', local('2025-09-03 09:05 −05:00 —', ['09:09', '09:12', '10:20', '12:00'])),
    valid('a time in brackets and a time in parentheses', moved('- 14:09 —', '- [14:09]').replace('- 14:12 —', '- (14:12 UTC)')),
    // AM and PM are whole words: "PMs" and "AMI" are words of the text.
    valid(
      '"PMs" after a time',
      after('- 2025-09-04 07:50 UTC — The team meets for the review.', '- 07:51 PMs join the call.', '- 08:00 — The review starts.'),
    ),
    valid(
      '"AMI" after a time',
      after('- 2025-09-04 07:50 UTC — The fix is reviewed.', '- 12:10 AMI rebuilt with the check.', '- 12:20 — The image is deployed.'),
    ),
    valid('a 12-hour time', moved('- 14:09 —', '- 2:09 pm —').replace('- 14:12 —', '- 2:12 P.M. —')),
    // A time range is read as its start, and sets no offset.
    valid(
      'a time range',
      after(
        '- 2025-09-04 07:50 UTC — The fix is reviewed.',
        '- 07:51-07:55 — The fix is deployed.',
        '- 2025-09-04 09:00 UTC — The review ends.',
      ),
    ),
    valid(
      'a time range in an offset: the entries after it keep the offset',
      local('2025-09-03 16:05 +02:00 —', ['16:09', '16:12-16:20', '17:20', '19:00']),
    ),
    valid(
      'a time range with an en dash',
      after(
        '- 2025-09-04 07:50 UTC — The fix is reviewed.',
        '- 07:51–07:55 — The fix is deployed.',
        '- 2025-09-04 09:00 UTC — The review ends.',
      ),
    ),
    // In brackets or parentheses, as the range written bare.
    valid('a time range in brackets', inserted('- [14:30-14:35] — Status page notice posted.')),
    valid('a time range in parentheses with an en dash', inserted('- (14:30–14:35) Status page notice posted.')),
    valid(
      'a time range in brackets in an offset: the entries after it keep the offset',
      local('2025-09-03 16:05 +02:00 —', ['16:09', '[16:12-16:20]', '17:20', '19:00']),
    ),
    // Words after a time are words unless they are a zone name (util/zones.ts).
    ...[
      'Alarm fires',
      'Ops paged',
      'Ops/SRE engaged',
      'met the vendor',
      'Response Time alarm',
      'Asia/Pacific traffic',
      'Zookeeper restarts',
      'DNS checked',
    ].map((words) => valid(`"${words}" after a time`, inserted(`- 14:30 ${words}.`))),
    valid('a percentage after a time', inserted('- 14:30 +5% errors.')),
    valid('UTC, GMT and Z as whole words', inserted('- 14:30 utc — a').replace('- 15:20 —', '- 15:20Z —')),
  ],
  invalid: [
    unreadable(
      '14:30 US/Eastern',
      '"US/Eastern" is a time zone name, not an offset: write the offset from UTC instead (e.g. "14:30 -05:00")',
    ),
    unreadable('14:30 America/New_York', '"America/New_York" is a time zone name'),
    unreadable('14:30 PST/PDT', '"PST/PDT" is a time zone name, not an offset: write the offset from UTC instead (e.g. "14:30 -08:00")'),
    unreadable('14:30 pst', '"pst" is a zone abbreviation, not an offset, and an ambiguous one (-08:00 US Pacific, +08:00 Philippines)'),
    unreadable('14:30 Cet', '"Cet" is a zone abbreviation, not an offset: write the offset instead ("14:30 +01:00")'),
    unreadable(
      '14:30 Eastern Time',
      '"Eastern Time" is a time zone name, not an offset: write the offset from UTC instead (e.g. "14:30 -05:00")',
    ),
    unreadable('14:30 (Pacific time)', '"Pacific time" is a time zone name'),
    unreadable('14:30 India Standard Time', '"India Standard Time" is a time zone name'),
    unreadable('14:30 local time', '"local time" is a time zone name'),
    unreadable('14:30 +2', '"+2" after the time is not an offset as written: write hours and minutes after a space (e.g. "14:30 +02:00")'),
    unreadable('14:30 UTC +02:00', '"14:30 UTC +02:00" has two offsets: write one (e.g. "14:30 +02:00")'),
    unreadable('2025-09-03 14:30:00-05', '"-05" after the time is not an offset as written'),
    // 10:30 at -10:35 would be 21:05 UTC, after the entries that follow.
    unreadable(
      '2025-09-03 10:30-10:35',
      '"2025-09-03 10:30-10:35" may be a time range or a time with an offset: write the offset after a space ("2025-09-03 10:30 -10:35"), or the range with "to"',
    ),
    unreadable('[14:30] PST', '"PST" is a zone abbreviation'),
    unreadable('(14:30 EST)', '"EST" is a zone abbreviation'),
  ],
});
