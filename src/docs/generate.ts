// The generated files of the repository: a page per rule under docs/rules/,
// and the JSON Schemas under schemas/. `npm run generate` writes them
// (scripts/generate.mjs); tests check that the checked-in copies are current.
import { catalog } from './catalog.js';
import { renderRuleDoc, renderRuleIndex } from './rule-docs.js';
import { jsonSchema, schemaFile, SCHEMA_NAMES } from './schemas.js';

export interface GeneratedFile {
  /** Relative to the repository root, with "/" separators. */
  path: string;
  content: string;
}

export const RULE_DOCS_DIR = 'docs/rules';
export const SCHEMAS_DIR = 'schemas';

export function generatedFiles(): GeneratedFile[] {
  const entries = catalog();
  return [
    ...entries.map((entry) => ({ path: `${RULE_DOCS_DIR}/${entry.meta.id}.md`, content: renderRuleDoc(entry) })),
    { path: `${RULE_DOCS_DIR}/README.md`, content: renderRuleIndex(entries) },
    ...SCHEMA_NAMES.map((name) => ({ path: `${SCHEMAS_DIR}/${schemaFile(name)}`, content: `${JSON.stringify(jsonSchema(name), null, 2)}\n` })),
  ];
}
