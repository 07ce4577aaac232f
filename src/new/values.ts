// What a new COE is made from, and the checks each value must pass. The
// same checks serve the flags (scripted) and the prompts (interactive), so a
// value refused at a prompt is the value refused as a flag.
import { DETECTION_SOURCES, idPattern, type DetectionSource } from '../model/frontmatter-schema.js';
import { readWrittenTime } from '../util/written-time.js';

export interface NewValues {
  title: string;
  severity: number;
  services: string[];
  regions: string[];
  owner: string;
  authors: string[];
  start: string;
  detected: string;
  detectedBy: DetectionSource;
}

/** A check returns what is wrong, or undefined when the value is fine. */
export type Check = (value: string) => string | undefined;

export const SEVERITY_MEANINGS: Record<number, string> = {
  1: 'critical: a core function down or data lost for many customers',
  2: 'major: a core function degraded for many customers',
  3: 'moderate: some customers, or a function that is not core, affected',
  4: 'minor: few customers affected, or a workaround was at hand',
  5: 'low: no customer impact; a near miss worth learning from',
};

export const DETECTION_MEANINGS: Record<DetectionSource, string> = {
  alarm: 'an alarm on a metric of ours paged us',
  'aggregate-alarm': 'an alarm over several metrics, hosts or cells paged us',
  canary: 'a canary (a synthetic probe acting as a customer) failed',
  'traffic-anomaly': 'a model of normal traffic flagged the change',
  'customer-report': 'a customer told us',
  'support-cases': 'support cases rose',
  'social-media': 'customers posted about it publicly',
  other: 'some other way (say how under Detection)',
};

// Control characters (a newline, a tab) have no place in a one-line value.
const CONTROL = /\p{Cc}/u;

export const checkText: Check = (value) => {
  if (value.trim() === '') return 'must not be empty';
  if (CONTROL.test(value)) return 'must be one line, without control characters';
  return undefined;
};

export const checkSeverity: Check = (value) =>
  /^[1-5]$/.test(value.trim()) ? undefined : 'must be a whole number from 1 (most severe) to 5';

/** A time in any form a timeline entry takes (2025-10-20 06:48 UTC, 2025-10-20T08:48+02:00; no offset is UTC). */
export const checkTime: Check = (value) => {
  const read = readWrittenTime(value);
  return read.ok ? undefined : read.problem;
};

/** The time as the frontmatter holds it: ISO 8601, the offset as written (UTC as Z). */
export function isoTimeOf(value: string): string {
  const read = readWrittenTime(value);
  if (!read.ok) throw new Error(`isoTimeOf: ${read.problem}`);
  return read.iso;
}

export function checkDetectedAfter(start: string): Check {
  return (value) => {
    const problem = checkTime(value);
    if (problem) return problem;
    const [s, d] = [readWrittenTime(start), readWrittenTime(value)];
    return s.ok && d.ok && d.epoch < s.epoch ? `must not be before the start (${start.trim()})` : undefined;
  };
}

export const checkDetectedBy: Check = (value) =>
  (DETECTION_SOURCES as readonly string[]).includes(value.trim()) ? undefined : `must be one of: ${DETECTION_SOURCES.join(', ')}`;

export function checkId(prefix: string): Check {
  return (value) => (idPattern(prefix).test(value.trim()) ? undefined : `must look like ${prefix}-2025-042`);
}

/** A comma-separated answer to a prompt, as a list. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Checks a comma-separated answer: each item, and at least one when required. */
export function checkList(required: boolean): Check {
  return (value) => {
    const items = splitList(value);
    if (required && items.length === 0) return 'name at least one (separate several with commas)';
    for (const item of items) {
      const problem = checkText(item);
      if (problem) return `"${item}" ${problem}`;
    }
    return undefined;
  };
}

/** The date as written in a time, YYYY-MM-DD: it names the file and the id's year. */
export function dateOf(time: string): string {
  return time.trim().slice(0, 10);
}

/** Now, to the minute, in UTC: the default for times at a prompt. */
export function nowMinute(now = new Date()): string {
  return `${now.toISOString().slice(0, 16)}:00Z`;
}
