// The RCA draft as JSON, in the shape of rcaSchema (schemas/rca.schema.json).
import { rcaSchema, type Rca } from './schema.js';

export function renderJson(rca: Rca): string {
  // Parsing checks the model against the documented shape and fixes key order.
  return `${JSON.stringify(rcaSchema.parse(rca), null, 2)}\n`;
}
