// The incident's milestones as times (format 2): parsed once, in the model,
// with whether each may be read. A milestone out of order is marked, not
// deleted: frontmatter-schema reports it, and the other rules pass over it,
// whatever the configuration turns off.
import { MILESTONES, type Milestone } from './frontmatter-schema.js';
import type { IncidentData, IncidentTime, Range } from './types.js';

/** A milestone's time in ms, when it was written right and is in order. */
export function timeOf(incident: IncidentData | undefined, milestone: Milestone): number | undefined {
  const time = incident?.[milestone];
  return time?.valid ? time.ms : undefined;
}

export function incidentTime(text: string, ms: number, range: Range): IncidentTime {
  return { text, ms, range, valid: true };
}

export interface OrderProblem {
  milestone: Milestone;
  /** The milestone it comes before although it must come after. */
  before: Milestone;
}

/**
 * The milestones out of order: start ≤ detected ≤ engaged ≤ mitigated ≤
 * resolved, and customer_notified ≥ start. Each is compared with the latest
 * milestone in order before it, so one wrong value is one problem.
 */
export function outOfOrder(incident: IncidentData): OrderProblem[] {
  const problems: OrderProblem[] = [];
  let previous: { milestone: Milestone; ms: number } | undefined;
  for (const milestone of MILESTONES) {
    const time = incident[milestone];
    if (!time) continue;
    if (previous && time.ms < previous.ms) {
      problems.push({ milestone, before: previous.milestone });
      continue;
    }
    previous = { milestone, ms: time.ms };
  }
  const notified = incident.customer_notified;
  const start = incident.start;
  if (notified && start && notified.ms < start.ms) problems.push({ milestone: 'customer_notified', before: 'start' });
  return problems;
}

/** Marks the milestones out of order as not to be read. */
export function markOrder(incident: IncidentData): void {
  for (const { milestone } of outOfOrder(incident)) incident[milestone]!.valid = false;
}
