// Scripted `coe new`: the values the flags give, each checked, and the list
// of the required ones that are missing (which, with no terminal to ask in,
// is an error naming the flags).
import { UsageError } from '../util/errors.js';
import type { DetectionSource } from '../model/frontmatter-schema.js';
import {
  checkDetectedAfter,
  checkDetectedBy,
  checkId,
  checkSeverity,
  checkText,
  checkTime,
  isoTimeOf,
  type Check,
  type NewValues,
} from './values.js';

export interface NewFlags {
  template?: string;
  severity?: string;
  service?: string[];
  region?: string[];
  owner?: string;
  author?: string[];
  start?: string;
  detected?: string;
  detectedBy?: string;
  dir?: string;
  id?: string;
  stdout?: boolean;
  config?: string;
}

/** The values given on the command line; the others are undefined. */
export type GivenValues = { [K in keyof NewValues]?: NewValues[K] };

/** Checks every value given; the first bad one is a usage error naming its flag. */
export function givenValues(title: string | undefined, flags: NewFlags, idPrefix: string): GivenValues {
  check('the title', title, checkText);
  check('--severity', flags.severity, checkSeverity);
  for (const s of flags.service ?? []) check('--service', s, checkText);
  for (const r of flags.region ?? []) check('--region', r, checkText);
  check('--owner', flags.owner, checkText);
  for (const a of flags.author ?? []) check('--author', a, checkText);
  check('--start', flags.start, checkTime);
  check('--detected', flags.detected, flags.start === undefined ? checkTime : checkDetectedAfter(flags.start));
  check('--detected-by', flags.detectedBy, checkDetectedBy);
  check('--id', flags.id, checkId(idPrefix));
  return {
    title: title?.trim(),
    severity: flags.severity === undefined ? undefined : Number(flags.severity.trim()),
    services: flags.service?.map((s) => s.trim()),
    regions: flags.region?.map((r) => r.trim()),
    owner: flags.owner?.trim(),
    authors: flags.author?.map((a) => a.trim()),
    // Any form a timeline entry takes; the frontmatter gets ISO 8601.
    start: flags.start === undefined ? undefined : isoTimeOf(flags.start),
    detected: flags.detected === undefined ? undefined : isoTimeOf(flags.detected),
    detectedBy: flags.detectedBy?.trim() as DetectionSource | undefined,
  };
}

function check(flag: string, value: string | undefined, rule: Check): void {
  if (value === undefined) return;
  const problem = rule(value);
  if (problem) throw new UsageError(`${flag} ${problem}; got ${JSON.stringify(value)}`);
}

const REQUIRED: [keyof NewValues, string][] = [
  ['title', 'TITLE'],
  ['severity', '--severity'],
  ['services', '--service'],
  ['owner', '--owner'],
  ['authors', '--author'],
  ['start', '--start'],
  ['detected', '--detected'],
  ['detectedBy', '--detected-by'],
];

/** All values, or a usage error naming every required flag that is missing. */
export function requireAll(given: GivenValues): NewValues {
  const missing = REQUIRED.filter(([key]) => given[key] === undefined).map(([, flag]) => flag);
  if (missing.length > 0) {
    throw new UsageError(
      `missing ${missing.join(', ')}: with no terminal to ask in, coe new takes a title and the flags ` +
        `--severity, --service, --owner, --author, --start, --detected and --detected-by`,
    );
  }
  return { ...given, regions: given.regions ?? [] } as NewValues;
}
