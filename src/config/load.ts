// Finds and reads the configuration: `--config PATH`, or the first of
// SEARCH_PLACES found going up from the working directory (lilconfig), or the
// defaults. YAML is loaded only for a YAML file.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { lilconfig } from 'lilconfig';
import { parseDocument } from 'yaml';
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
  const json = (file: string, content: string) => parseJson(content, nameOf(file, cwd), path.basename(file) === 'package.json');
  const yaml = (file: string, content: string) => parseYaml(content, nameOf(file, cwd));
  const searcher = lilconfig(PACKAGE_KEY, {
    searchPlaces: SEARCH_PLACES,
    ignoreEmptySearchPlaces: false,
    cache: false,
    loaders: { '.json': json, '.yaml': yaml, '.yml': yaml, noExt: yaml },
  });
  let result: Awaited<ReturnType<typeof searcher.search>>;
  try {
    result = await searcher.search(cwd);
  } catch (error) {
    throw unreadable(error, cwd);
  }
  if (!result) return undefined;
  // lilconfig hands an empty file over without calling its loader.
  if (result.isEmpty && path.extname(result.filepath) === '.json') parseJson('', nameOf(result.filepath, cwd));
  return { file: result.filepath, config: result.config };
}

async function loadFile(cwd: string, given: string): Promise<Found> {
  const file = path.resolve(cwd, given);
  const content = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    const why =
      error.code === 'ENOENT'
        ? 'no such file'
        : error.code === 'EISDIR'
          ? 'it is a folder'
          : error.code === 'EACCES' || error.code === 'EPERM'
            ? 'cannot be read: permission denied'
            : oneLine(error.message);
    throw new ConfigError(`--config ${given}: ${why}`);
  });
  if (path.basename(file) === 'package.json') {
    const pkg = parseJson(content, given, true) as Record<string, unknown> | null;
    const config = pkg?.[PACKAGE_KEY];
    if (config === undefined) throw new ConfigError(`${given}: has no "${PACKAGE_KEY}" key`);
    return { file, config };
  }
  const isJson = path.extname(file).toLowerCase() === '.json';
  return { file, config: isJson ? parseJson(content, given) : parseYaml(content, given) };
}

/**
 * A configuration file found but not read (a folder named .coerc.json, a file
 * without read permission): lilconfig's error names no file, so find which.
 */
function unreadable(error: unknown, cwd: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof ConfigError || code === undefined) return error;
  const why =
    code === 'EISDIR'
      ? 'it is a folder, not a file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : oneLine((error as Error).message);
  const file = (error as NodeJS.ErrnoException).path ?? firstFolder(cwd);
  return new ConfigError(`${file === undefined ? 'the configuration' : nameOf(file, cwd)}: cannot be read: ${why}`);
}

/** The first of the search places that is a folder, going up from `cwd`: the one lilconfig tried to read (EISDIR names no path). */
function firstFolder(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const place of SEARCH_PLACES) {
      const file = path.join(dir, place);
      if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) return file;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function nameOf(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function parseJson(content: string, name: string, isPackage = false): unknown {
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    if (isPackage) return undefined;
    throw new ConfigError(`${name}: the file is empty: a JSON configuration is an object of keys (docs, rules, …); write {} for none`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = oneLine((error as Error).message);
    const at = jsonErrorOffset(message, text);
    const where = at === undefined ? '' : `:${lineColumn(text, at)}`;
    throw new ConfigError(`${name}${where}: not valid JSON: ${plainJsonMessage(message)}`);
  }
  checkDuplicateKeys(text, name);
  if (data === null && !isPackage)
    throw new ConfigError(`${name}: the configuration must be an object of keys (docs, rules, …), not null; write {} for none`);
  if (isPackage && data !== null && typeof data === 'object' && (data as Record<string, unknown>)[PACKAGE_KEY] === null)
    throw new ConfigError(`${name}: "${PACKAGE_KEY}" is null: give it an object of keys (docs, rules, …), {} for none, or remove it`);
  return data;
}

// JSON.parse keeps the last of two equal keys without a word: the second is
// more likely a slip than a wish. The YAML parser (JSON is YAML) finds them with their place.
function checkDuplicateKeys(text: string, name: string): void {
  const duplicate = parseDocument(text, { uniqueKeys: true, prettyErrors: true }).errors.find((e) => e.code === 'DUPLICATE_KEY');
  if (!duplicate) return;
  const at = duplicate.linePos?.[0];
  const key = /^\s*"((?:[^"\\]|\\.)*)"/.exec(text.slice(duplicate.pos[0]))?.[1];
  const where = at === undefined ? '' : `:${at.line}:${at.col}`;
  throw new ConfigError(
    `${name}${where}: the key${key === undefined ? '' : ` "${key}"`} is given twice in the same object (JSON would keep the last)`,
  );
}

/** Where JSON.parse stopped, from its message (V8 says "at position N", or "line L column C", or that the input ended). */
function jsonErrorOffset(message: string, text: string): number | undefined {
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lc) return offsetOf(text, Number(lc[1]), Number(lc[2]));
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  return undefined;
}

function plainJsonMessage(message: string): string {
  return message
    .replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?/, '')
    .replace(/^Unexpected end of JSON input$/, 'it ends too early (a bracket or brace not closed?)');
}

/** "3:5": 1-based line and column of an offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `${line}:${column}`;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

function parseYaml(content: string, name: string): unknown {
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
