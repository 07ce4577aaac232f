// `coe init`: a starter configuration and the docs folder, and on request a
// GitHub Actions workflow and a pre-commit hook. It never overwrites a file.
// In a terminal it asks; otherwise flags decide (--github-actions,
// --pre-commit, --yes for everything).
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandIO } from './lint.js';
import { loadConfig, PACKAGE_KEY, SEARCH_PLACES } from '../config/load.js';
import { DEFAULT_CONFIG } from '../config/config.js';
import { UsageError } from '../files/discover.js';

export interface InitOptions {
  docs?: string;
  githubActions?: boolean;
  preCommit?: boolean;
  yes?: boolean;
}

export const CONFIG_FILE = '.coerc.json';
export const WORKFLOW_FILE = '.github/workflows/coe.yml';
export const PRE_COMMIT_FILE = '.pre-commit-config.yaml';

type State = 'created' | 'exists';
interface Outcome {
  path: string;
  state: State;
  note?: string;
}

interface Asker {
  input(message: string, fallback: string): Promise<string>;
  confirm(message: string, fallback: boolean): Promise<boolean>;
}

export async function runInit(options: InitOptions, io: CommandIO): Promise<number> {
  const asker = !options.yes && io.stdin.isTTY && io.stdout.isTTY ? await terminalAsker(io) : undefined;
  try {
    return await init(options, io, asker);
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError') return 130; // Ctrl-C at a prompt
    throw error;
  }
}

async function init(options: InitOptions, io: CommandIO, asker: Asker | undefined): Promise<number> {
  const cwd = io.cwd;
  // Every question first, so that Ctrl-C at a prompt leaves nothing written.
  const existing = await existingConfig(cwd);
  const docs = options.docs ?? (existing ? (await loadConfig(cwd)).docs : await ask(asker, 'Docs folder for the COEs', DEFAULT_CONFIG.docs));
  const workflow = options.githubActions ?? (options.yes || (await confirm(asker, 'Add a GitHub Actions workflow that lints the COEs on pull requests?', true)));
  const hook = options.preCommit ?? (options.yes || (await confirm(asker, `Add a pre-commit hook (${PRE_COMMIT_FILE})?`, false)));

  await checkFolder(cwd, docs);
  const outcomes: Outcome[] = [];
  outcomes.push(existing ? { path: existing, state: 'exists' } : await writeNew(cwd, CONFIG_FILE, starterConfig(docs)));
  outcomes.push(await makeFolder(cwd, docs));
  if (workflow) outcomes.push(await writeNew(cwd, WORKFLOW_FILE, await template('github-workflow.yml')));
  if (hook) outcomes.push(await writePreCommit(cwd, docs));

  io.stdout.write(summary(outcomes, { workflow, hook, asked: asker !== undefined || options.yes === true }));
  return 0;
}

async function ask(asker: Asker | undefined, message: string, fallback: string): Promise<string> {
  return asker ? (await asker.input(message, fallback)).trim() || fallback : fallback;
}

async function confirm(asker: Asker | undefined, message: string, fallback: boolean): Promise<boolean> {
  return asker ? asker.confirm(message, fallback) : false;
}

async function terminalAsker(io: CommandIO): Promise<Asker> {
  const prompts = await import('@inquirer/prompts');
  const context = { input: io.stdin, output: io.stdout };
  return {
    input: (message, fallback) => prompts.input({ message, default: fallback }, context),
    confirm: (message, fallback) => prompts.confirm({ message, default: fallback }, context),
  };
}

/** A configuration file in this folder, if any: init adds none beside it. */
async function existingConfig(cwd: string): Promise<string | undefined> {
  for (const name of SEARCH_PLACES) {
    const file = path.join(cwd, name);
    const content = await readFile(file, 'utf8').catch(() => undefined);
    if (content === undefined) continue;
    if (name !== 'package.json') return name;
    const pkg = safeJson(content) as Record<string, unknown> | undefined;
    if (pkg && typeof pkg === 'object' && pkg[PACKAGE_KEY] !== undefined) return `${name} ("${PACKAGE_KEY}" key)`;
  }
  return undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function starterConfig(docs: string): string {
  const config = {
    $schema: './node_modules/coe/schemas/config.schema.json',
    docs: toPosix(docs),
    idPrefix: DEFAULT_CONFIG.idPrefix,
    internalTerms: [],
    rules: {},
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

async function writeNew(cwd: string, file: string, content: string): Promise<Outcome> {
  const target = path.resolve(cwd, file);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    // "wx" fails if the file exists, even one created a moment ago.
    await writeFile(target, content, { flag: 'wx' });
    return { path: file, state: 'created' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { path: file, state: 'exists' };
    throw error;
  }
}

async function checkFolder(cwd: string, folder: string): Promise<void> {
  const info = await stat(path.resolve(cwd, folder)).catch(() => undefined);
  if (info && !info.isDirectory()) throw new UsageError(`${folder}: exists and is not a folder; choose another docs folder with --docs`);
}

async function makeFolder(cwd: string, folder: string): Promise<Outcome> {
  const target = path.resolve(cwd, folder);
  const shown = `${toPosix(folder).replace(/\/$/, '')}/`;
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory()) return { path: shown, state: 'exists' };
  await mkdir(target, { recursive: true });
  return { path: shown, state: 'created' };
}

async function writePreCommit(cwd: string, docs: string): Promise<Outcome> {
  const content = (await template('pre-commit-config.yaml')).replace('{{files}}', () => yamlQuoted(docsPattern(docs)));
  const outcome = await writeNew(cwd, PRE_COMMIT_FILE, content);
  if (outcome.state === 'exists') {
    const hook = content.slice(content.indexOf('  - repo: local'));
    outcome.note = `add this entry to its "repos" by hand:\n${hook}`;
  }
  return outcome;
}

/** The pre-commit `files` pattern: a regular expression of paths under the docs folder. */
export function docsPattern(docs: string): string {
  const folder = toPosix(path.normalize(docs)).replace(/^\.\/?/, '').replace(/\/$/, '');
  const escaped = folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return folder ? `^${escaped}/.*\\.(md|markdown)$` : '\\.(md|markdown)$';
}

function yamlQuoted(text: string): string {
  return text.replace(/'/g, "''");
}

async function template(name: string): Promise<string> {
  // dist/commands/init.js and src/commands/init.ts are both two levels down.
  return readFile(new URL(`../../templates/init/${name}`, import.meta.url), 'utf8');
}

function summary(outcomes: Outcome[], chosen: { workflow: boolean; hook: boolean; asked: boolean }): string {
  const lines = outcomes.map((o) => {
    const head = `${o.state === 'created' ? 'created' : 'exists '}  ${o.path}${o.state === 'exists' ? ' (left as it is)' : ''}`;
    return o.note ? `${head}\n  ${o.note.replace(/\n/g, '\n  ').trimEnd()}` : head;
  });
  const skipped = [!chosen.workflow && '--github-actions for a GitHub Actions workflow', !chosen.hook && '--pre-commit for a pre-commit hook'].filter(Boolean);
  if (!chosen.asked && skipped.length) lines.push('', `Run coe init again with ${skipped.join(', or ')}.`);
  lines.push('', 'Next: write a COE with `npx coe new`, then check it with `npx coe lint`.');
  return `${lines.join('\n')}\n`;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
