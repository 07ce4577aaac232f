// The report of `coe report` (format 6) as a zod schema: the type the builder
// fills and the renderers read, and, as schemas/report.schema.json, the
// contract for dashboards and warehouses that ingest `--format json`. Every
// figure carries the ids of the COEs behind it; durations are in seconds.
import * as z from 'zod';

export const REPORT_VERSION = 1;

const ids = z.array(z.string()).describe('The ids of the COEs behind the figure');

const count = z
  .object({
    key: z.string().describe('What is counted: a severity, a service, a tag, …'),
    count: z.number().int(),
    coes: ids,
  })
  .describe('A count and the COEs behind it');

const seconds = z.number().nullable().describe('Seconds, or null when no COE has the figure');

const stats = z
  .object({
    n: z.number().int().describe('COEs with the figure known'),
    unknown: ids.describe('COEs that lack a milestone of the figure: counted, not guessed'),
    median: seconds.describe('Median, by the nearest-rank method'),
    p90: seconds.describe('90th percentile, by the nearest-rank method'),
    max: seconds,
    largest: z.array(z.object({ coe: z.string(), seconds: z.number() })).describe('The COEs behind the largest values, largest first'),
    values: z
      .array(z.object({ coe: z.string(), seconds: z.number() }))
      .describe('Every known value, smallest first: the dots of a dot plot'),
    coes: ids,
  })
  .describe('The distribution of a phase duration: no mean, by design');

export const PHASES = ['time-to-detect', 'time-to-engage', 'time-to-mitigate', 'duration'] as const;

const phase = z.object({
  id: z.enum(PHASES),
  label: z.string(),
  from: z.string().describe('The milestone it is measured from'),
  to: z.string().describe('The milestone it is measured to'),
  overall: stats,
  bySeverity: z.array(z.object({ severity: z.number().int().nullable(), stats })),
});

const actionRef = z
  .object({
    coe: z.string(),
    id: z.string(),
    action: z.string(),
    owner: z.string(),
    due: z.string().nullable(),
    status: z.string(),
    reach: z.string().nullable(),
    days: z.number().int().nullable().describe('Days overdue, days left, or age in days, as the list says'),
  })
  .describe('An action item and the COE it belongs to');

const tenet = z.object({
  id: z.string(),
  sentence: z.string(),
  breached: ids.describe('The COEs that broke it'),
  of: z.number().int().describe('COEs in the window'),
});

export const reportSchema = z
  .object({
    kind: z.literal('coe-report'),
    version: z.literal(REPORT_VERSION).describe('Raised only by a change that breaks consumers'),
    now: z.string().describe('The date the report is computed at, YYYY-MM-DD'),
    window: z.object({
      since: z.string().nullable(),
      until: z.string().nullable(),
      coes: ids.describe('The COEs in the window, by the date of incident.start in UTC'),
      unplaced: ids.describe('COEs left out of a window because their start cannot be read'),
    }),
    unreadable: z.array(z.object({ file: z.string(), reason: z.string() })).describe('COEs whose frontmatter or file cannot be read'),
    duplicates: z
      .array(z.object({ file: z.string(), id: z.string(), first: z.string() }))
      .describe('Files with the id of a COE already counted (in `first`): listed, not counted twice'),
    caveat: z.string(),
    counts: z.object({
      bySeverity: z.array(count),
      byService: z.array(count),
      byDetectedBy: z.array(count),
      byTag: z.array(count),
      byStatus: z.array(count),
      perWeek: z.array(count).describe('COEs per ISO week of their start (YYYY-Www), weeks with none included'),
    }),
    phases: z.array(phase),
    trend: z
      .object({
        phase: z.enum(PHASES),
        first: z.object({ n: z.number().int(), median: z.number(), coes: ids }),
        second: z.object({ n: z.number().int(), median: z.number(), coes: ids }),
      })
      .nullable()
      .describe('Median time to mitigate in the first and second half of the window; null unless each half has at least 10 COEs'),
    tenets: z.array(tenet),
    recurrence: z.object({
      days: z.number().int(),
      groups: z.array(z.object({ coes: ids, reasons: z.array(z.string()) })),
    }),
    actions: z.object({
      total: z.number().int(),
      byStatus: z.array(count),
      byTerm: z.array(count),
      byOwner: z.array(count),
      byReach: z.array(count),
      overdue: z.array(actionRef).describe('Open or in-progress past due; days is days overdue'),
      dueSoon: z.array(actionRef).describe('Open or in-progress due within dueSoonDays; days is days left'),
      dueSoonDays: z.number().int(),
      awaitingValidation: z.array(actionRef).describe('Done, not yet validated'),
      dueInWindow: z.object({
        n: z.number().int(),
        completed: z.number().int().describe('Of them, validated or done now (the documents do not record when)'),
        coes: ids,
      }),
      openAge: z
        .object({ n: z.number().int(), median: z.number().nullable(), max: z.number().nullable(), oldest: z.array(actionRef) })
        .describe('Age in days of open and in-progress items, since their COE was resolved (or began)'),
    }),
    reach: z.object({
      perCoe: z.array(z.object({ coe: z.string(), widest: z.string().nullable() })),
      beyondTeam: z.object({ k: z.number().int(), n: z.number().int(), coes: ids }),
    }),
    reviewQueue: z.object({
      pending: z
        .array(z.object({ coe: z.string(), title: z.string(), status: z.string(), days: z.number().int().nullable() }))
        .describe('Drafts and COEs in review, oldest first; days since resolved'),
      noCustomerSummary: z
        .array(z.object({ coe: z.string(), title: z.string(), days: z.number().int().nullable() }))
        .describe('Customer-facing COEs (customer_notified) with no Customer summary; days since resolved (the RCA is due within 7)'),
    }),
    titles: z.record(z.string(), z.string()).describe('The title of every COE named in the report, by id'),
  })
  .describe('coe report: the weekly operations meeting pack');

export type Report = z.infer<typeof reportSchema>;
export type Count = Report['counts']['bySeverity'][number];
export type Stats = Report['phases'][number]['overall'];
export type ActionRef = Report['actions']['overdue'][number];
export type Phase = (typeof PHASES)[number];
