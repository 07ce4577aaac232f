// Finds and reads the configuration: `--config PATH`, or the first of
// SEARCH_PLACES found going up from the working directory (lilconfig), or the
// defaults. YAML is loaded only for a YAML file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { lilconfig } from 'lilconfig';
import type * as Yaml from 'yaml';
import { DEFAULT_CONFIG, type ResolvedConfig } from './config.js';
import { ConfigError, resolveConfig } from './resolve.js';

export { ConfigError } from './resolve.js';

/** Where the configuration may be, in the order tried in each folder. */
export const SEARCH_PLACES = ['.coerc.json', '.coerc.yaml', '.coerc.yml', 'coe.config.json', 'package.json'];
export const PACKAGE_KEY = 'coe';

export async function loadConfig(cwd: string, explicit?: string): Promise<ResolvedConfig> {
  const found = explicit === undefined ? await search(cwd) : await loadFile(cwd, explicit);
  if (!found) return structuredClone(DEFAULT_CONFIG);
  return resolveConfig(found.config, { file: found.file, cwd });
}

interface Found {
  file: string;
  config: unknown;
}

async function search(cwd: string): Promise<Found | undefined> {
  const json = (file: string, content: string) => parseJson(content, nameOf(file, cwd));
  const yaml = (file: string, content: string) => parseYaml(content, nameOf(file, cwd));
  const searcher = lilconfig(PACKAGE_KEY, {
    searchPlaces: SEARCH_PLACES,
    ignoreEmptySearchPlaces: false,
    cache: false,
    loaders: { '.json': json, '.yaml': yaml, '.yml': yaml, noExt: yaml },
  });
  const result = await searcher.search(cwd);
  return result ? { file: result.filepath, config: result.config } : undefined;
}

async function loadFile(cwd: string, given: string): Promise<Found> {
  const file = path.resolve(cwd, given);
  const content = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'it is a folder' : error.message;
    throw new ConfigError(`--config ${given}: ${why}`);
  });
  if (path.basename(file) === 'package.json') {
    const pkg = parseJson(content, given) as Record<string, unknown> | null;
    const config = pkg?.[PACKAGE_KEY];
    if (config === undefined) throw new ConfigError(`${given}: has no "${PACKAGE_KEY}" key`);
    return { file, config };
  }
  const isJson = path.extname(file).toLowerCase() === '.json';
  return { file, config: isJson ? parseJson(content, given) : await parseYaml(content, given) };
}

function nameOf(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function parseJson(content: string, name: string): unknown {
  if (content.trim() === '') return undefined;
  try {
    return JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${name}: not valid JSON: ${oneLine((error as Error).message)}`);
  }
}

async function parseYaml(content: string, name: string): Promise<unknown> {
  // Bundled, the exports of this CommonJS package are those of its `default`.
  const yaml = (await import('yaml')) as typeof Yaml & { default?: typeof Yaml };
  const { parseDocument } = yaml.default ?? yaml;
  const doc = parseDocument(content, { uniqueKeys: true, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const where = at === undefined ? '' : `:${at.line}:${at.col}`;
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(`${name}${where}: not valid YAML: ${message}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError(`${name}: not valid YAML: ${oneLine((error as Error).message)}`);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
