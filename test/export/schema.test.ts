// schemas/rca.schema.json is generated from the zod schema and must be current.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/lint.js';
import { rcaJsonSchemaText } from '../../src/export/json-schema.js';

describe('schemas/rca.schema.json', () => {
  it('is the JSON Schema of the zod schema (regenerate: npm run generate)', () => {
    expect(readFileSync(path.join(ROOT, 'schemas/rca.schema.json'), 'utf8')).toBe(rcaJsonSchemaText());
  });

  it('describes the fields consumers rely on', () => {
    const schema = JSON.parse(rcaJsonSchemaText()) as { required: string[]; $defs: Record<string, unknown> };
    expect(schema.required).toEqual([
      'kind',
      'version',
      'title',
      'summary',
      'impactWindow',
      'affected',
      'whatHappened',
      'rootCause',
      'actions',
      'timeline',
    ]);
    expect(Object.keys(schema.$defs).sort()).toEqual(['Action', 'ActionGroup', 'Block', 'Inline', 'Prose', 'TimelineEvent']);
  });
});
