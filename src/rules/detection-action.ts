// Slow or customer-driven detection references an action item in the
// Detection section: finding out late is itself something to fix.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule } from '../engine/rule.js';
import { CUSTOMER_DRIVEN, type DetectionSource } from '../model/frontmatter-schema.js';
import type { CoeDocument } from '../model/types.js';
import { formatDuration } from '../util/time.js';
import { timeOf } from '../model/incident.js';
import { headingOf } from './util.js';

export default defineRule({
  meta: {
    id: 'detection-action',
    severity: 'error',
    description:
      'When detection was customer-driven or time to detect exceeds `maxMinutesToDetect` (5), the Detection section references an action item (AI-<n>)',
    options: z.strictObject({
      maxMinutesToDetect: z.number().min(0).default(5),
    }),
    docs: {
      rationale:
        'When customers told us before our alarms did, or detection took longer than the goal, detection itself failed and needs a fix. The Detection section must name at least one action item (`AI-<n>`) that makes detection faster or customer-driven detection unnecessary.',
      fail: dedent(`
        ---
        incident:
          start: 2025-10-20T06:48:00Z
          detected: 2025-10-20T07:33:00Z
          detected_by: customer-report
        ---

        ## Detection {detection-action}

        ### Was detection fast enough?

        No. A customer told us 45 minutes after impact began; our per-host alarm
        paged an unstaffed queue.
      `),
      pass: dedent(`
        ---
        incident:
          start: 2025-10-20T06:48:00Z
          detected: 2025-10-20T07:33:00Z
          detected_by: customer-report
        ---

        ## Detection

        ### Was detection fast enough?

        No. A customer told us 45 minutes after impact began; our per-host alarm
        paged an unstaffed queue. Every alarm will page the staffed rotation (AI-4).
      `),
    },
  },
  check({ doc, options }) {
    const detection = doc.detection;
    if (!detection) return []; // required-sections reports a missing section
    const incident = doc.frontmatter.data.incident;
    const source = incident?.detected_by;
    const start = timeOf(incident, 'start');
    const detected = timeOf(incident, 'detected');
    const ttd = start !== undefined && detected !== undefined ? detected - start : undefined;
    const customer = source !== undefined && CUSTOMER_DRIVEN.includes(source);
    const slow = ttd !== undefined && ttd > options.maxMinutesToDetect * 60_000;
    // A value frontmatter-schema rejected is undefined here: no reason, no finding.
    if (!customer && !slow) return [];
    if (referencesAction(doc)) return [];
    return [
      {
        message: `${reason(source, customer, ttd, slow, options.maxMinutesToDetect)}: reference in the Detection section the action item (AI-<n>) that will detect this sooner`,
        range: headingOf(doc, 'detection'),
      },
    ];
  },
});

// Any well-formed AI-<n> counts: whether it is defined is for references-exist alone.
function referencesAction(doc: CoeDocument): boolean {
  return doc.detection?.references.some((r) => r.kind === 'action') ?? false;
}

function reason(
  source: DetectionSource | undefined,
  customer: boolean,
  ttd: number | undefined,
  slow: boolean,
  maxMinutes: number,
): string {
  const took = ttd === undefined ? '' : `time to detect was ${formatDuration(ttd)}`;
  if (customer) return `Detection was customer-driven (${source})${took ? ` and ${took}` : ''}`;
  return `Detection was slow: time to detect was ${overGoal(ttd!, maxMinutes)}, over the ${maxMinutes} min goal`;
}

// With seconds where whole minutes would round it down to the goal (5 min 20 s, not 5 min).
function overGoal(ttd: number, maxMinutes: number): string {
  if (Math.round(ttd / 60_000) > maxMinutes) return formatDuration(ttd);
  const seconds = Math.ceil(ttd / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
