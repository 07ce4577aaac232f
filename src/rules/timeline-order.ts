// Every timeline entry has a readable time, and the entries are in order.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import { headingOf } from './util.js';
import { formatUtc } from '../util/time.js';
import { hasPlaceholder } from '../util/placeholders.js';

export default defineRule({
  meta: {
    id: 'timeline-order',
    severity: 'error',
    description: 'Every timeline entry begins with a readable time, and the entries are in chronological order',
    options: z.strictObject({}),
    docs: {
      rationale:
        'The timeline is the reference for every duration in the COE, so each entry must begin with a time that can be read, and the entries must run in order. A time alone (`23:58`) takes the date and the offset of the entry before it, and the first takes the date of `incident.start`, in UTC; a full date and time without an offset is UTC. So a time alone that goes back, as after midnight, is out of order: write the date on the first entry of a new day. Entries may come before `incident.start`.',
      fail: dedent(`
        ## Timeline

        - 2025-09-03 23:40 UTC — Card payments start to be declined.
        - 23:58 — Support opens an incident.
        - 00:03 — The on-call engineer is engaged. {timeline-order}
        - Later — The processor restores its certificate. {timeline-order}
      `),
      pass: dedent(`
        ## Timeline

        - 2025-09-03 23:40 UTC — Card payments start to be declined.
        - 23:58 — Support opens an incident.
        - 2025-09-04 00:03 UTC — The on-call engineer is engaged.
        - 01:30 — The processor restores its certificate.
      `),
    },
  },
  check({ doc }) {
    const entries = doc.timeline;
    if (!entries) return [];
    if (entries.length === 0) {
      return [
        {
          message: 'Timeline has no entries: add a list (or table) of entries, each beginning with a time',
          range: headingOf(doc, 'timeline'),
        },
      ];
    }
    const findings: RuleFinding[] = [];
    let previous: { time: number; line: number } | undefined;
    for (const entry of entries) {
      if (entry.problem) {
        // An entry still left as a placeholder is reported by no-placeholders alone.
        if (hasPlaceholder(entry.text)) continue;
        findings.push({ message: `Timeline entry has no readable time: ${entry.problem}`, range: entry.range });
        continue;
      }
      if (entry.time === undefined) continue;
      if (previous && entry.time < previous.time) {
        // The new-day hint only where a day boundary is the likely cause.
        const hint =
          entry.hasDate || previous.time - entry.time < 6 * 3_600_000
            ? ''
            : '; a time alone takes the date of the entry before it, so write the date on the first entry of a new day';
        findings.push({
          message: `Timeline entry "${entry.timeText}" (${formatUtc(entry.time)}) is earlier than the entry on line ${previous.line} (${formatUtc(previous.time)})${hint}`,
          range: entry.range,
        });
      }
      previous = { time: entry.time, line: entry.range.start.line };
    }
    return findings;
  },
});
