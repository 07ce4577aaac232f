// Every incident milestone appears as a timeline entry of the same minute.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import { headingOf } from './util.js';
import { formatUtc } from '../util/time.js';
import { timeOf } from '../model/incident.js';
import type { TimelineEntry } from '../model/types.js';

const MILESTONE_KEYS = ['start', 'detected', 'engaged', 'mitigated', 'resolved', 'customer_notified'] as const;

export default defineRule({
  meta: {
    id: 'timeline-milestones',
    severity: 'warn',
    description: 'Every milestone in `incident` (start, detected, engaged, mitigated, resolved, customer_notified) appears in the timeline',
    options: z.strictObject({}),
    docs: {
      rationale:
        'The milestones of the frontmatter (`start`, `detected`, `engaged`, `mitigated`, `resolved` and `customer_notified`) give the time to detect, to engage and to mitigate. Each should appear in the timeline as an entry of the same minute, so that the figures and the story agree and a reader sees what happened at each milestone. One entry may stand for two milestones. A milestone that an entry with no readable time may stand for (between the readable entries around its minute) is not reported: `timeline-order` reports that entry.',
      fail: dedent(`
        ---
        incident:
          start: 2025-09-03T14:05:00Z
          detected: 2025-09-03T14:09:00Z
          engaged: 2025-09-03T14:12:00Z
          mitigated: 2025-09-03T15:20:00Z
          resolved: 2025-09-03T17:00:00Z
        ---

        ## Timeline {timeline-milestones} {timeline-milestones}

        - 2025-09-03 14:05 UTC — A configuration change halves the worker pool.
        - 14:10 — The queue age alarm pages the on-call engineer.
        - 15:20 — The worker pool is restored and the backlog drained.
        - 17:00 — A pool size check is added to the deployment pipeline.
      `),
      pass: dedent(`
        ---
        incident:
          start: 2025-09-03T14:05:00Z
          detected: 2025-09-03T14:09:00Z
          engaged: 2025-09-03T14:12:00Z
          mitigated: 2025-09-03T15:20:00Z
          resolved: 2025-09-03T17:00:00Z
        ---

        ## Timeline

        - 2025-09-03 14:05 UTC — A configuration change halves the worker pool.
        - 14:09 — The queue age alarm pages the on-call engineer.
        - 14:12 — The on-call engineer acknowledges and starts investigating.
        - 15:20 — The worker pool is restored and the backlog drained.
        - 17:00 — A pool size check is added to the deployment pipeline.
      `),
    },
  },
  check({ doc }) {
    const entries = doc.timeline;
    const incident = doc.frontmatter.data.incident;
    if (!entries || !incident) return [];
    // No entries (timeline-order reports that), or entries with no date to take: nothing to compare.
    if (entries.length === 0 || entries.some((e) => e.time === undefined && !e.problem)) return [];
    const minutes = new Set(entries.filter((e) => e.time !== undefined).map((e) => minuteOf(e.time!)));
    const spans = unreadableSpans(entries);
    const findings: RuleFinding[] = [];
    for (const key of MILESTONE_KEYS) {
      const time = timeOf(incident, key);
      if (time === undefined || minutes.has(minuteOf(time))) continue;
      // An entry with no readable time around it may be this one: timeline-order reports that.
      if (spans.some(([after, before]) => after < minuteOf(time) && minuteOf(time) < before)) continue;
      findings.push({
        message: `No timeline entry at ${formatUtc(time)} for "incident.${key}": add one for that minute, or correct the time`,
        range: headingOf(doc, 'timeline'),
      });
    }
    return findings;
  },
});

const minuteOf = (time: number) => Math.floor(time / 60_000);

// The minutes between which each run of entries with no readable time stands:
// those of the readable entries around it in the document, or either end.
function unreadableSpans(entries: readonly TimelineEntry[]): [number, number][] {
  const spans: [number, number][] = [];
  let last = -Infinity;
  let unreadable = false;
  for (const entry of entries) {
    if (entry.time === undefined) {
      unreadable = true;
      continue;
    }
    if (unreadable) spans.push([last, minuteOf(entry.time)]);
    [last, unreadable] = [minuteOf(entry.time), false];
  }
  if (unreadable) spans.push([last, Infinity]);
  return spans;
}
