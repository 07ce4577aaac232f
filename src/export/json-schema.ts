// schemas/rca.schema.json is generated from the zod schema of the RCA, so
// the documented shape cannot drift from the output. Regenerate it after a
// change to schema.ts: npx tsc -p tsconfig.build.json && node dist/export/json-schema.js
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { rcaSchema } from './schema.js';

export function rcaJsonSchemaText(): string {
  const schema = z.toJSONSchema(rcaSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

// Run as a script: write the file at the repository root.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = fileURLToPath(new URL('../../schemas/rca.schema.json', import.meta.url));
  writeFileSync(target, rcaJsonSchemaText());
  process.stdout.write(`${target}\n`);
}
