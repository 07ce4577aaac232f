// Every incident milestone appears as a timeline entry of the same minute.
import { z } from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import { headingOf } from './util.js';
import { formatUtc, parseIsoTime } from '../util/time.js';

const MILESTONE_KEYS = ['start', 'detected', 'engaged', 'mitigated', 'resolved', 'customer_notified'] as const;

export default defineRule({
  meta: {
    id: 'timeline-milestones',
    severity: 'warn',
    description: 'Every milestone in `incident` (start, detected, engaged, mitigated, resolved, customer_notified) appears in the timeline',
    options: z.strictObject({}),
  },
  check({ doc }) {
    const entries = doc.timeline;
    const incident = doc.frontmatter.data.incident;
    if (!entries || !incident) return [];
    const minutes = new Set(entries.filter((e) => e.time !== undefined).map((e) => Math.floor(e.time! / 60_000)));
    const findings: RuleFinding[] = [];
    for (const key of MILESTONE_KEYS) {
      const time = parseIsoTime(incident[key]);
      if (time === undefined || minutes.has(Math.floor(time / 60_000))) continue;
      findings.push({
        message: `No timeline entry at ${formatUtc(time)} for "incident.${key}": add one for that minute, or correct the time`,
        range: headingOf(doc, 'timeline'),
      });
    }
    return findings;
  },
});
