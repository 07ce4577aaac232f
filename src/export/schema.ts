// The customer-facing RCA as data: the one model every renderer takes, and
// the documented shape of `coe export --format json` (schemas/rca.schema.json
// is generated from this file; see json-schema.ts).
import * as z from 'zod';
import { TERMS as ACTION_TERMS } from '../model/vocabulary.js';

export const RCA_VERSION = 1;

// Inline content and blocks are recursive, so their types are written out
// and the schemas are lazy.
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

export type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; content: Inline[] }
  | { type: 'list'; ordered: boolean; start?: number; items: Block[][] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'code'; text: string }
  | { type: 'table'; header: Inline[][]; rows: Inline[][][] };

export const inlineSchema: z.ZodType<Inline> = z
  .lazy(() =>
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('text'), text: z.string() }),
      z.object({ type: z.literal('strong'), children: z.array(inlineSchema) }),
      z.object({ type: z.literal('emphasis'), children: z.array(inlineSchema) }),
      z.object({ type: z.literal('code'), text: z.string() }),
      z.object({
        type: z.literal('link'),
        href: z.string().describe('An absolute http, https or mailto URL; internal and ticket links are never kept'),
        children: z.array(inlineSchema),
      }),
      z.object({ type: z.literal('break') }),
    ]),
  )
  .meta({ id: 'Inline', description: 'Inline content: text, emphasis, code, a link or a line break. Text is plain, never markup.' });

export const blockSchema: z.ZodType<Block> = z
  .lazy(() =>
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('paragraph'), content: z.array(inlineSchema) }),
      z.object({ type: z.literal('heading'), content: z.array(inlineSchema) }),
      z.object({
        type: z.literal('list'),
        ordered: z.boolean(),
        start: z.number().int().nonnegative().optional().describe('The number of the first item of an ordered list, when it is not 1'),
        items: z.array(z.array(blockSchema)).describe('Each item is a list of blocks'),
      }),
      z.object({ type: z.literal('quote'), blocks: z.array(blockSchema) }),
      z.object({ type: z.literal('code'), text: z.string() }),
      z.object({
        type: z.literal('table'),
        header: z.array(z.array(inlineSchema)).describe('One entry per column'),
        rows: z.array(z.array(z.array(inlineSchema))).describe('Rows of cells'),
      }),
    ]),
  )
  .meta({ id: 'Block', description: 'A block of content: paragraph, heading, list, quote, code block or table.' });

const utcTime = z.iso.datetime().describe('UTC, ISO 8601, e.g. 2025-10-20T06:48:00.000Z');

export const proseSchema = z
  .object({
    text: z.string().describe('Plain text: paragraphs separated by a blank line'),
    blocks: z.array(blockSchema).describe('The same content, structured'),
  })
  .meta({ id: 'Prose' });

/** The groups of the draft's actions: the format's terms, and `other` for an item with none. */
export const TERMS = [...ACTION_TERMS, 'other'] as const;
export type Term = (typeof TERMS)[number];

export const actionSchema = z
  .object({
    text: z.string().describe('What is done or will be done, in plain text'),
    content: z.array(inlineSchema),
    status: z.enum(['done', 'planned']).describe('done: done or validated; planned: open or in progress'),
    due: z.iso.date().nullable().describe('For planned actions, the date it is due, YYYY-MM-DD; null when done or unknown'),
    dueText: z.string().nullable().describe('The due date in words, e.g. "October 15, 2025"'),
  })
  .meta({ id: 'Action' });

export const actionGroupSchema = z
  .object({
    term: z.enum(TERMS).describe('short: hours; mid: days to weeks; long: systemic change; other: term not given'),
    heading: z.string().describe('How the group is titled for customers'),
    actions: z.array(actionSchema),
  })
  .meta({ id: 'ActionGroup' });

export const MILESTONE_EVENTS = ['start', 'customer_notified', 'mitigated', 'resolved'] as const;

export const timelineEventSchema = z
  .object({
    milestone: z.enum(MILESTONE_EVENTS),
    label: z.string().describe('What happened, for customers'),
    time: utcTime,
    text: z.string().describe('The time as written in the draft, e.g. "2025-10-20 06:48 UTC"'),
  })
  .meta({ id: 'TimelineEvent' });

export const rcaSchema = z
  .object({
    kind: z.literal('coe-rca').describe('Marks the document as a customer-facing RCA exported by coe'),
    version: z.literal(RCA_VERSION).describe('Version of this shape; a change that breaks consumers raises it'),
    title: z.string(),
    summary: z.string().describe('The opening sentence: when and where customers were affected'),
    impactWindow: z
      .object({
        start: utcTime.nullable(),
        end: utcTime.nullable().describe('When customer impact ended (mitigation); null while unknown'),
        text: z.string().describe('The window in words, e.g. "Between 06:48 and 07:58 UTC on October 20, 2025"'),
      })
      .describe('When customers were affected'),
    affected: z
      .object({
        functions: z.array(z.string()).describe('The functions customers use that were affected (glossary wording)'),
        regions: z.array(z.string()),
      })
      .describe('Where customers were affected'),
    whatHappened: proseSchema.describe('The impact narrative'),
    rootCause: z
      .object({
        placeholder: z.boolean().describe('True when the COE has no Customer summary yet and the content is a placeholder'),
      })
      .extend(proseSchema.shape)
      .describe('The Customer summary'),
    actions: z.array(actionGroupSchema).describe('What we are doing, grouped by term; empty groups are left out'),
    timeline: z.array(timelineEventSchema).describe('Customer-visible milestones in time order'),
  })
  .meta({
    title: 'coe customer-facing RCA',
    description: 'The JSON output of `coe export --format json`: a customer-facing root cause analysis, redacted of internal names.',
  });

export type Rca = z.infer<typeof rcaSchema>;
export type Prose = z.infer<typeof proseSchema>;
export type RcaAction = z.infer<typeof actionSchema>;
export type ActionGroup = z.infer<typeof actionGroupSchema>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type MilestoneEvent = (typeof MILESTONE_EVENTS)[number];
