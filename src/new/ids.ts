// Ids of new COEs: the next free number of the start year, over the ids that
// the documents in the folder already hold, whatever their file names.
import path from 'node:path';
import type { Yaml } from 'mdast';
import { isMap, isScalar } from 'yaml';
import { discover } from '../files/discover.js';
import { readLimited } from '../files/read.js';
import { parseMarkdown } from '../parse/markdown.js';
import { yamlDocument } from '../parse/frontmatter.js';
import { checkLimits, DEFAULT_LIMITS } from '../parse/limits.js';

export interface IdOwner {
  id: string;
  file: string;
}

export interface ScanOptions {
  include: string[];
  ignore: string[];
  /** The folder `ignore` patterns are relative to (the configuration's), as `coe lint` takes them. */
  base?: string;
}

/** The `id` of every Markdown document in the folder (and below) that has one. */
export async function collectIds(dir: string, options: ScanOptions): Promise<IdOwner[]> {
  // The files `coe lint DIR` would lint.
  const targets = await discover(['.'], { cwd: dir, include: options.include, ignore: options.ignore, base: options.base });
  const files = targets.filter((t) => !t.problem).map((t) => t.file);
  const owners: IdOwner[] = [];
  for (const file of files.sort()) {
    // A file that cannot be read (a FIFO, a device, over the size limit) holds no id we can use.
    const read = await readLimited(path.join(dir, file), DEFAULT_LIMITS.maxBytes);
    if (!read.ok) continue;
    const id = frontmatterId(new TextDecoder().decode(read.bytes));
    if (id !== undefined) owners.push({ id, file });
  }
  return owners;
}

/** The frontmatter's `id`, when the text has frontmatter and it holds a string id. */
export function frontmatterId(text: string): string | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const top = head(source);
  // Over a limit, the parser may take seconds or overflow its stack.
  if (checkLimits(top, DEFAULT_LIMITS)) return undefined;
  try {
    const yaml = parseMarkdown(top).children.find((n): n is Yaml => n.type === 'yaml');
    // Read past YAML errors elsewhere in the frontmatter ("title: a: b"): an
    // id written there is taken all the same, and the next one must differ.
    const doc = yaml && yamlDocument(yaml.value);
    if (!doc) return undefined;
    const pairs = isMap(doc.contents) ? doc.contents.items.filter((pair) => isScalar(pair.key) && pair.key.value === 'id') : [];
    const id = pairs.at(-1)?.value;
    return isScalar(id) && typeof id.value === 'string' ? id.value.trim() : undefined;
  } catch {
    return undefined; // too deeply nested YAML holds no id we can trust
  }
}

// Frontmatter is at the top; parsing a whole folder of long documents to read
// it costs seconds. The text up to the first closing `---` line is enough for
// the parser to find the frontmatter; the parser still decides what it is.
// Without an opening and a closing line there is none: nothing to parse.
function head(source: string): string {
  const lines = source.split(/\r?\n|\r/);
  if (lines[0]?.trimEnd() !== '---') return '';
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  return close === -1 ? '' : lines.slice(0, close + 1).join('\n');
}

/** The next id of the year: one more than the highest of that prefix and year. */
export function nextId(ids: readonly string[], prefix: string, year: string): string {
  const stem = `${prefix}-${year}-`;
  // BigInt: an id may hold more digits than a double keeps exactly.
  let highest = 0n;
  for (const id of ids) {
    if (!id.startsWith(stem)) continue;
    const digits = id.slice(stem.length);
    if (/^\d+$/.test(digits) && BigInt(digits) > highest) highest = BigInt(digits);
  }
  return `${stem}${String(highest + 1n).padStart(3, '0')}`;
}
