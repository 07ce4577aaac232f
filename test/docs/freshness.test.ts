// The generated files in the repository are current: a page for every rule
// under docs/rules/, and the JSON Schemas under schemas/ (for editors, and of
// the JSON output of coe report and coe actions). When this fails,
// run `npm run generate` and commit the result.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles, RULE_DOCS_DIR } from '../../src/docs/generate.js';
import { outputSchemaFiles } from '../../src/docs/schemas.js';
import { RULES } from '../../src/rules/index.js';
import { ROOT } from '../helpers/lint.js';

const HINT = 'out of date: run `npm run generate` and commit the result';

describe('generated files', () => {
  const files = generatedFiles();

  it('include a page for every rule, unused-disable and fatal', () => {
    const pages = new Set(files.map((f) => f.path));
    for (const id of [...RULES.map((r) => r.meta.id), 'unused-disable', 'fatal']) {
      expect(pages.has(`${RULE_DOCS_DIR}/${id}.md`), id).toBe(true);
    }
  });

  for (const file of files) {
    it(`${file.path} is checked in and current`, () => {
      const target = path.join(ROOT, file.path);
      expect(existsSync(target), `${file.path} is missing: run \`npm run generate\``).toBe(true);
      expect(readFileSync(target, 'utf8'), `${file.path} ${HINT}`).toBe(file.content);
    });
  }

  it('include the output schemas of coe report, coe actions and coe export', () => {
    expect(outputSchemaFiles().map((f) => f.path)).toEqual(['schemas/report.schema.json', 'schemas/actions.schema.json', 'schemas/rca.schema.json']);
  });

  for (const file of outputSchemaFiles()) {
    it(`${file.path} is checked in and current`, () => {
      const target = path.join(ROOT, file.path);
      expect(existsSync(target), `${file.path} is missing: run \`npm run generate\``).toBe(true);
      expect(readFileSync(target, 'utf8'), `${file.path} ${HINT}`).toBe(file.content);
    });
  }

  it('leave no page of a rule that does not exist', () => {
    const wanted = new Set(files.map((f) => path.basename(f.path)));
    const stale = readdirSync(path.join(ROOT, RULE_DOCS_DIR)).filter((name) => name.endsWith('.md') && !wanted.has(name));
    expect(stale, `remove them, or ${HINT}`).toEqual([]);
  });
});
