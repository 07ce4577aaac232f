// Templates of new COEs: the body of a COE, built in (templates/ of the
// package) or the repository's own (config `templates`, `.coe/templates/`).
// The frontmatter is never templated: `coe new` builds it from the values.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { packagePath } from '../util/package.js';
import { UsageError } from '../util/errors.js';
import { parseMarkdown } from '../parse/markdown.js';

export const DEFAULT_TEMPLATE = 'standard';

/** Where the built-in templates are: `templates/` of the package. */
export const BUILTIN_DIR = `${packagePath('templates')}${path.sep}`;

export interface TemplateInfo {
  name: string;
  file: string;
  builtin: boolean;
}

const EXTENSION = '.md';

/**
 * Every template, the default (`standard`) first and the others by name; the
 * repository's own replace built-ins of the same name.
 */
export async function listTemplates(repoDir: string | undefined): Promise<TemplateInfo[]> {
  const byName = new Map<string, TemplateInfo>();
  for (const info of await templatesIn(BUILTIN_DIR, true)) byName.set(info.name, info);
  if (repoDir) for (const info of await templatesIn(repoDir, false)) byName.set(info.name, info);
  const rank = (t: TemplateInfo) => (t.name === DEFAULT_TEMPLATE ? 0 : 1);
  return [...byName.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

async function templatesIn(dir: string, builtin: boolean): Promise<TemplateInfo[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith(EXTENSION) && !e.name.startsWith('.'))
    .map((e) => ({ name: e.name.slice(0, -EXTENSION.length), file: path.join(dir, e.name), builtin }));
}

/** The template's text by name; an unknown name lists the names there are. */
export async function loadTemplate(name: string, repoDir: string | undefined): Promise<{ info: TemplateInfo; text: string }> {
  const all = await listTemplates(repoDir);
  // The name is looked up among the files found, never joined into a path.
  const info = all.find((t) => t.name === name);
  if (!info) throw new UsageError(`--template: no template named "${name}"; there are: ${describeTemplates(all)}`);
  const text = await readFile(info.file, 'utf8').catch((error: Error) => {
    throw new UsageError(`--template: cannot read ${info.file}: ${error.message}`);
  });
  return { info, text: withoutFrontmatter(text) };
}

export function describeTemplates(all: TemplateInfo[]): string {
  return all.map((t) => (t.builtin ? t.name : `${t.name} (${t.file})`)).join(', ') || '(none)';
}

// A repository's template may be a copy of a real COE: its frontmatter is
// dropped, since `coe new` writes its own.
function withoutFrontmatter(text: string): string {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = parseMarkdown(source).children[0];
  if (first?.type !== 'yaml' || first.position?.end.offset === undefined) return source;
  return source.slice(first.position.end.offset).replace(/^\s*\n/, '');
}
