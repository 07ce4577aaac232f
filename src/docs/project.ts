// Where the project's documentation lives, and the tool's name and version,
// for reporters (SARIF help URIs, JSON docsUrl) and the generated pages.

/** The project's home. Rule pages are published from its docs/rules/ folder. */
export const REPOSITORY_URL = 'https://github.com/coe-tool/coe';
export const RULE_DOCS_BASE = `${REPOSITORY_URL}/blob/main/docs/rules/`;
/** Where editors can fetch the JSON Schemas of the schemas/ folder. */
export const SCHEMA_BASE = `${REPOSITORY_URL}/raw/main/schemas/`;

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}

export { packageVersion } from '../util/package.js';
