#!/usr/bin/env node
// Writes the generated files (docs/rules/*.md, schemas/*.json, the output
// schemas of coe report and coe actions among them) from the built code, and
// removes rule pages of rules that no longer exist.
// Run `npm run generate`, which builds first.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles, RULE_DOCS_DIR } from '../dist/docs/generate.js';
import { outputSchemaFiles } from '../dist/docs/schemas.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = [...generatedFiles(), ...outputSchemaFiles()];
for (const file of files) {
  const target = path.join(root, file.path);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, file.content);
}
const wanted = new Set(files.map((f) => f.path));
for (const name of await readdir(path.join(root, RULE_DOCS_DIR))) {
  const rel = `${RULE_DOCS_DIR}/${name}`;
  if (name.endsWith('.md') && !wanted.has(rel)) {
    await rm(path.join(root, rel));
    console.log(`removed ${rel}`);
  }
}
console.log(`wrote ${files.length} files`);
