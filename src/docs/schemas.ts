// JSON Schemas for editors, generated from the zod schemas: the frontmatter
// of a COE and the configuration file. Draft 7, which the YAML and JSON
// language servers read best.
import { z } from 'zod';
import { frontmatterSchema } from '../model/frontmatter-schema.js';
import { configBase, rulesShape } from '../config/schema.js';
import { configurableRules } from '../config/rules.js';
import { SCHEMA_BASE } from './project.js';

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
  const full = configBase.extend({ rules: rulesShape(configurableRules().map((c) => c.meta)).optional() });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE}${schemaFile('config')}`,
    title: 'coe configuration',
    description: 'Configuration of coe: .coerc.json, .coerc.yaml, coe.config.json, or the "coe" key of package.json.',
    ...toJson(full),
  };
}
