// `coe schema [frontmatter|config]`: prints a JSON Schema for editors.
import type { CommandIO } from './io.js';
import { loadConfig } from '../config/load.js';
import { jsonSchema, type SchemaName } from '../docs/schemas.js';

export interface SchemaOptions {
  config?: string;
}

export async function runSchema(name: SchemaName, options: SchemaOptions, io: CommandIO): Promise<number> {
  // The frontmatter schema follows the configured id prefix.
  const idPrefix = name === 'frontmatter' ? (await loadConfig(io.cwd, options.config)).idPrefix : undefined;
  io.stdout.write(`${JSON.stringify(jsonSchema(name, idPrefix), null, 2)}\n`);
  return 0;
}
