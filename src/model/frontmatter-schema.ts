// The frontmatter of section 2 of the format, as zod schemas. The id prefix
// is configurable, so the schema is built by a function.
import * as z from 'zod';
import { escapeRegExp } from '../util/regex.js';

export const STATUSES = ['draft', 'review', 'approved', 'published'] as const;
export type Status = (typeof STATUSES)[number];

export const DETECTION_SOURCES = [
  'alarm',
  'aggregate-alarm',
  'canary',
  'traffic-anomaly',
  'customer-report',
  'support-cases',
  'social-media',
  'other',
] as const;
export type DetectionSource = (typeof DETECTION_SOURCES)[number];

export const CUSTOMER_DRIVEN: readonly DetectionSource[] = ['customer-report', 'support-cases', 'social-media'];

/** Milestones in the order they must happen. */
export const MILESTONES = ['start', 'detected', 'engaged', 'mitigated', 'resolved'] as const;
export type Milestone = (typeof MILESTONES)[number] | 'customer_notified';

// A date, a time and an offset: 2025-10-20T06:48:00Z, 2025-10-20T08:48+02:00.
// The offset may be written basic (+0200), as ISO 8601 allows; hours alone
// (+02) are not taken: format 2 writes offsets `Z` or `+02:00`.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$/;
const TIME_FIELDS = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:[Zz]|[+-](\d{2}):?(\d{2}))$/;

export const isoTime = z
  .string()
  .regex(ISO_TIME, { message: 'expected an ISO 8601 time with a date, a time and an offset, e.g. 2025-10-20T06:48:00Z', abort: true })
  .refine(isRealTime, 'not a real date and time');

// Date.parse rolls 2025-02-30 over to March 2: check the fields survive.
function isRealTime(s: string): boolean {
  const m = TIME_FIELDS.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, sec, oh, om] = m.slice(1).map((f) => Number(f ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const day = new Date(Date.UTC(y, mo - 1, d));
  const dateOk = day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
  return dateOk && h < 24 && mi < 60 && sec < 60 && oh < 24 && om < 60;
}

export const incidentSchema = z.strictObject({
  start: isoTime.describe('When customer impact began'),
  detected: isoTime.describe('When we knew'),
  engaged: isoTime.optional().describe('When an engineer was working on it (required from status review on)'),
  mitigated: isoTime.optional().describe('When customer impact ended (required from status review on)'),
  resolved: isoTime.optional().describe('When the risk of recurrence was addressed (required from status approved on)'),
  detected_by: z.enum(DETECTION_SOURCES).describe('How the incident was detected'),
  customer_notified: isoTime.optional().describe('First customer notice (optional)'),
});
export type Incident = z.infer<typeof incidentSchema>;

const nonEmptyString = z.string().trim().min(1, 'must not be empty');
const SEVERITY = 'must be a whole number from 1 (most severe) to 5';

export function idPattern(prefix: string): RegExp {
  const escaped = escapeRegExp(prefix);
  return new RegExp(`^${escaped}-\\d{4}-\\d{3,}$`);
}

// Built once per id prefix: building a zod schema costs more than a parse.
const schemas = new Map<string, ReturnType<typeof buildSchema>>();

export function frontmatterSchema(idPrefix = 'COE') {
  let schema = schemas.get(idPrefix);
  if (!schema) schemas.set(idPrefix, (schema = buildSchema(idPrefix)));
  return schema;
}

function buildSchema(idPrefix: string) {
  return z.strictObject({
    coe: z.literal(1).describe('Format version; marks the file as a COE'),
    id: z.string().regex(idPattern(idPrefix), `expected an id like ${idPrefix}-2025-042`).describe('PREFIX-YYYY-NNN'),
    title: nonEmptyString.describe('Title of the COE'),
    status: z.enum(STATUSES).describe('draft | review | approved | published'),
    severity: z.number(SEVERITY).int(SEVERITY).min(1, SEVERITY).max(5, SEVERITY).describe('1 (most severe) .. 5'),
    owner: nonEmptyString.describe('Who is accountable for the COE'),
    authors: z.array(nonEmptyString).min(1, 'must list at least one author'),
    services: z.array(nonEmptyString).min(1, 'must list at least one impacted service').describe('Impacted services, internal names'),
    regions: z.array(nonEmptyString).optional(),
    incident: incidentSchema,
    glossary: z
      .record(z.string(), z.union([nonEmptyString, z.literal(false)]))
      .optional()
      .describe('Internal term -> customer wording, or false for a term customers never see'),
    tags: z.array(nonEmptyString).optional(),
    related: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9]*-\d{4}-\d{3,}$/, 'expected a COE id')).optional(),
    tickets: z.array(z.url()).optional(),
  });
}

export type Frontmatter = z.infer<ReturnType<typeof frontmatterSchema>>;
