// The configuration file as zod schemas: what each key may hold. Rule
// settings are checked one by one (see settings.ts) so that an error can name
// the rule and the option; `rulesShape()` describes them for the JSON Schema.
import * as z from 'zod';
import { SECTION_KEYS } from '../model/sections.js';
import { strictOptions, type RuleMeta } from '../engine/rule.js';

export const LEVELS = ['off', 'warn', 'error'] as const;
export const levelSchema = z.enum(LEVELS);

const text = z.string().trim().min(1, 'must not be empty');
const list = (what: string) => z.array(text).describe(what);

/**
 * The keys of the configuration file, without the rule settings. Built on
 * first use: a start of `coe lint` with no configuration, or an empty one,
 * needs none of it.
 */
export const configBase = () => (base ??= buildConfigBase());
let base: ReturnType<typeof buildConfigBase> | undefined;

const sectionsShape = () =>
  Object.fromEntries(SECTION_KEYS.map((key) => [key, z.array(text).optional().describe(`More headings for the "${key}" section`)]));

const buildConfigBase = () =>
  z.strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors'),
    docs: text.optional().describe('The docs folder: what `coe lint` lints with no path, where `coe new` writes (default docs/coe)'),
    include: list('Globs of the files to lint inside a folder (default **/*.md, **/*.markdown)').optional(),
    ignore: list('Globs to pass over, added to **/node_modules/** and **/.git/**').optional(),
    rules: z.record(z.string(), z.unknown()).optional().describe('Per rule: "off", "warn", "error", or [level, options]'),
    sections: z.strictObject(sectionsShape()).optional().describe('More section headings (aliases) per section key'),
    idPrefix: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]*$/, 'expected letters and digits, beginning with a letter, e.g. COE')
      .optional()
      .describe('The prefix of COE ids, PREFIX-YYYY-NNN (default COE)'),
    internalTerms: list('Internal names that must not reach customers, beyond the services of each COE').optional(),
    internalDomains: list('Internal domain names that must not reach customers').optional(),
    templates: text.optional().describe('The folder of custom templates for `coe new` (default .coe/templates)'),
    fileTimeout: z
      .number()
      .positive()
      .optional()
      .describe(
        'Seconds one file may take to lint (or to read, for coe report and coe actions; to export, for coe export) before it is stopped and reported as fatal (default 10)',
      ),
    report: z
      .strictObject({
        recurrenceDays: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe('COEs sharing a service and a tag recur when their starts are at most this many days apart (default 90)'),
        dueSoonDays: z.number().int().min(0).optional().describe('Open action items due within this many days are "due soon" (default 14)'),
        tenets: z
          .array(
            z.strictObject({
              id: z
                .string()
                .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'expected a kebab-case id, e.g. no-manual-changes')
                .describe('A short id'),
              sentence: text.describe('The tenet, as the report states it: "Changes reach production only through the pipeline"'),
              tag: text.describe('The frontmatter tag that marks a COE as breaking it'),
            }),
          )
          .optional()
          .describe('Tenets beyond the two of the format, each with the tag that marks a breach'),
      })
      .optional()
      .describe('coe report: recurrence window, "due soon" window and tenets'),
  });

export type ConfigFile = z.infer<ReturnType<typeof buildConfigBase>>;

/** One rule's setting: a level, or a level and options. */
export function ruleSettingSchema(options: z.ZodType): z.ZodType {
  return z.union([levelSchema, z.tuple([levelSchema]), z.tuple([levelSchema, strictOptions(options)])]);
}

/** The `rules` key as one object with a property per rule: for the JSON Schema. */
export function rulesShape(metas: readonly RuleMeta[]): z.ZodType {
  const shape = Object.fromEntries(
    metas.map((meta) => [meta.id, ruleSettingSchema(meta.options).optional().describe(`${meta.description} (default ${meta.severity})`)]),
  );
  return z.strictObject(shape).describe('Per rule: "off", "warn", "error", or [level, options]');
}
