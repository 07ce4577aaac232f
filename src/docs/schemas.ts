// JSON Schemas generated from the zod schemas: for editors, the frontmatter
// of a COE and the configuration file (draft 7, which the YAML and JSON
// language servers read best); and the JSON output of `coe report` and
// `coe actions`.
import * as z from 'zod';
import { frontmatterSchema } from '../model/frontmatter-schema.js';
import { configBase, rulesShape } from '../config/schema.js';
import { configurableRules } from '../config/rules.js';
import { SCHEMA_BASE } from './project.js';
import { reportSchema } from '../report/schema.js';
import { actionRowsSchema } from '../actions/schema.js';
import { rcaJsonSchemaText } from '../export/json-schema.js';

export type JsonSchema = Record<string, unknown>;

export const SCHEMA_NAMES = ['frontmatter', 'config'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export function schemaFile(name: SchemaName): string {
  return `${name}.schema.json`;
}

export function jsonSchema(name: SchemaName, idPrefix = 'COE'): JsonSchema {
  return name === 'frontmatter' ? frontmatterJsonSchema(idPrefix) : configJsonSchema();
}

function toJson(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

export function frontmatterJsonSchema(idPrefix = 'COE'): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE}${schemaFile('frontmatter')}`,
    title: 'COE frontmatter',
    description: 'The YAML frontmatter of a COE (post-incident analysis), format version 1. Keys that begin with "x-" are your own.',
    ...toJson(frontmatterSchema(idPrefix)),
    // The format allows keys of the user's own, beginning with "x-".
    patternProperties: { '^x-': {} },
  };
}

export function configJsonSchema(): JsonSchema {
  const full = configBase().extend({ rules: rulesShape(configurableRules().map((c) => c.meta)).optional() });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE}${schemaFile('config')}`,
    title: 'coe configuration',
    description: 'Configuration of coe: .coerc.json, .coerc.yaml, coe.config.json, or the "coe" key of package.json.',
    ...toJson(full),
  };
}

// ── The shapes of command output, for scripts, dashboards and warehouses ──
// Draft 2020-12, as schemas/rca.schema.json; generated with the editor
// schemas by `npm run generate` (scripts/generate.mjs).

export const OUTPUT_SCHEMAS = {
  report: {
    title: 'coe report --format json',
    description: 'The weekly operations meeting pack of `coe report`: every figure carries the ids of the COEs behind it; durations are in seconds.',
    schema: () => reportSchema,
  },
  actions: {
    title: 'coe actions --format json',
    description: 'The ledger of `coe actions`: every action item of every COE that passes the filters, one object each, in order of due date, COE id and AI id.',
    schema: () => actionRowsSchema,
  },
} as const;
export type OutputSchemaName = keyof typeof OUTPUT_SCHEMAS;

export function outputJsonSchema(name: OutputSchemaName): JsonSchema {
  const { title, description, schema } = OUTPUT_SCHEMAS[name];
  const { $schema, ...rest } = z.toJSONSchema(schema(), { target: 'draft-2020-12' }) as JsonSchema;
  return { $schema, $id: `${SCHEMA_BASE}${name}.schema.json`, title, ...rest, description };
}

/** schemas/report.schema.json and schemas/actions.schema.json, as written to the repository. */
export function outputSchemaFiles(): { path: string; content: string }[] {
  return [
    ...(Object.keys(OUTPUT_SCHEMAS) as OutputSchemaName[]).map((name) => ({
      path: `schemas/${name}.schema.json`,
      content: `${JSON.stringify(outputJsonSchema(name), null, 2)}\n`,
    })),
    { path: 'schemas/rca.schema.json', content: rcaJsonSchemaText() },
  ];
}
