// schemas/rca.schema.json is generated from the zod schema of the RCA, so
// the documented shape cannot drift from the output. Regenerate it after a
// change to schema.ts: npm run generate.
import * as z from 'zod';
import { rcaSchema } from './schema.js';

export function rcaJsonSchemaText(): string {
  const schema = z.toJSONSchema(rcaSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
