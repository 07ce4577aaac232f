// `coe init`: a starter configuration and the docs folder (with a README, so
// git keeps it), and on request coe in the devDependencies of package.json, a
// GitHub Actions workflow and a pre-commit hook. It never overwrites a file,
// and changes package.json only by adding coe to it. In a terminal it asks;
// otherwise flags decide (--package-json, --github-actions, --pre-commit,
// --yes for everything).
import { chmod, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandIO } from './io.js';
import { loadConfig, PACKAGE_KEY, SEARCH_PLACES } from '../config/load.js';
import { DEFAULT_CONFIG } from '../config/config.js';
import { UsageError } from '../util/errors.js';
import { makeFolders } from '../util/folders.js';
import { escapeRegExp } from '../util/regex.js';
import { packagePath } from '../util/package.js';
import { REPOSITORY_URL } from '../docs/project.js';
import { addDevDependency, newPackageJson } from '../util/package-json.js';

export interface InitOptions {
  docs?: string;
  githubActions?: boolean;
  preCommit?: boolean;
  packageJson?: boolean;
  coeSpec?: string;
  yes?: boolean;
}

export const CONFIG_FILE = '.coerc.json';
export const WORKFLOW_FILE = '.github/workflows/coe.yml';
export const PRE_COMMIT_FILE = '.pre-commit-config.yaml';
export const PACKAGE_FILE = 'package.json';
export const DOCS_README = 'README.md';

/** Where package.json takes coe from unless --coe-spec says otherwise: the project's git repository. */
export const DEFAULT_COE_SPEC = `github:${new URL(REPOSITORY_URL).pathname.replace(/^\/|\.git$|\/$/g, '')}`;

type State = 'created' | 'exists' | 'updated' | 'skipped';
interface Outcome {
  path: string;
  state: State;
  /** Shown after the path, in parentheses. */
  detail?: string;
  note?: string;
  /** Said on stderr; the run ends with exit 1. */
  problem?: string;
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
  const spec = checkSpec(options.coeSpec ?? DEFAULT_COE_SPEC);
  // Every question first, so that Ctrl-C at a prompt leaves nothing written.
  const existing = await existingConfig(cwd);
  const docs =
    options.docs ?? (existing ? (await loadConfig(cwd)).docs : await ask(asker, 'Docs folder for the COEs', DEFAULT_CONFIG.docs));
  const workflow =
    options.githubActions ??
    (options.yes || (await confirm(asker, 'Add a GitHub Actions workflow that lints the COEs on pull requests?', true)));
  const hook = options.preCommit ?? (options.yes || (await confirm(asker, `Add a pre-commit hook (${PRE_COMMIT_FILE})?`, false)));
  const pkg =
    options.packageJson ??
    (options.yes || (await confirm(asker, `Add coe (${spec}) to the devDependencies of ${PACKAGE_FILE}, so CI installs it?`, true)));

  await checkFolder(cwd, docs);
  const outcomes: Outcome[] = [];
  outcomes.push(existing ? { path: existing, state: 'exists' } : await writeNew(cwd, CONFIG_FILE, starterConfig(docs)));
  outcomes.push(await makeFolder(cwd, docs));
  // Git keeps no empty folder: a README keeps the docs folder in a fresh clone.
  outcomes.push(await writeNew(cwd, path.join(docs, DOCS_README), await template('docs-readme.md'), toPosix(path.join(docs, DOCS_README))));
  if (pkg) outcomes.push(await addCoeToPackage(cwd, spec), await ignoreNodeModules(cwd));
  if (workflow) outcomes.push(await writeNew(cwd, WORKFLOW_FILE, await template('github-workflow.yml')));
  if (hook) outcomes.push(await writePreCommit(cwd, docs));

  io.stdout.write(summary(outcomes, { workflow, hook, pkg, asked: asker !== undefined || options.yes === true }));
  const problems = outcomes.filter((o) => o.problem);
  for (const o of problems) io.stderr.write(`coe: ${o.problem}\n`);
  return problems.length > 0 ? 1 : 0;
}

function checkSpec(spec: string): string {
  // A spec is one word for npm: a version range, a git URL, a file: path.
  if (spec.trim() === '' || /[\s\p{Cc}]/u.test(spec))
    throw new UsageError(
      `--coe-spec must be one npm package spec without spaces (e.g. github:owner/coe#v0.1.0 or file:vendor/coe-0.1.0.tgz); got ${JSON.stringify(spec)}`,
    );
  return spec;
}

/** Adds coe to package.json (created if missing); a file that is not JSON is left as it is. */
async function addCoeToPackage(cwd: string, spec: string): Promise<Outcome> {
  const file = path.join(cwd, PACKAGE_FILE);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new UsageError(`${PACKAGE_FILE}: cannot be read: ${error.message}`);
  });
  if (text === undefined) {
    const created = await writeNew(cwd, PACKAGE_FILE, newPackageJson('coe', spec));
    return created.state === 'created' ? { ...created, detail: `coe in devDependencies: ${spec}` } : addCoeToPackage(cwd, spec);
  }
  const edit = addDevDependency(text, 'coe', spec);
  if (edit.kind === 'present') return { path: PACKAGE_FILE, state: 'exists', detail: `coe is in ${edit.where}: ${edit.spec}` };
  if (edit.kind === 'unreadable') {
    const byHand = `add "devDependencies": { "coe": "${spec}" } to it by hand`;
    return {
      path: PACKAGE_FILE,
      state: 'skipped',
      detail: `left as it is: ${edit.reason}`,
      problem: `${PACKAGE_FILE} is ${edit.reason}, so coe init left it as it is: ${byHand}`,
    };
  }
  await replaceFile(file, edit.text);
  return { path: PACKAGE_FILE, state: 'updated', detail: `coe added to devDependencies: ${spec}` };
}

// Written beside the file, then renamed over it: a crash never leaves half a
// package.json. Through a symbolic link, the file it points to is replaced.
async function replaceFile(file: string, content: string): Promise<void> {
  const target = await realpath(file);
  const mode = (await stat(target)).mode & 0o7777;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.coe-init-${process.pid}`);
  await writeFile(temporary, content, { flag: 'wx', mode });
  await chmod(temporary, mode);
  await rename(temporary, target);
}

/** npm install makes node_modules/: a new .gitignore keeps it out of git. */
async function ignoreNodeModules(cwd: string): Promise<Outcome> {
  const outcome = await writeNew(cwd, '.gitignore', 'node_modules/\n');
  if (outcome.state === 'created') return outcome;
  const lines = (await readFile(path.join(cwd, '.gitignore'), 'utf8').catch(() => '')).split(/\r?\n/);
  const ignored = lines.some((line) => /^\/?node_modules\/?$/.test(line.trim()));
  return ignored ? outcome : { ...outcome, note: 'add a line node_modules/ to it, so npm install leaves git alone' };
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

async function writeNew(cwd: string, file: string, content: string, shown = file): Promise<Outcome> {
  const target = path.resolve(cwd, file);
  await makeFolders(path.dirname(target));
  try {
    // "wx" fails if the file exists, even one created a moment ago.
    await writeFile(target, content, { flag: 'wx' });
    return { path: shown, state: 'created' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { path: shown, state: 'exists' };
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
  await makeFolders(target);
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
  const folder = toPosix(path.normalize(docs))
    .replace(/^\.\/?/, '')
    .replace(/\/$/, '');
  const escaped = escapeRegExp(folder);
  return folder ? `^${escaped}/.*\\.(md|markdown)$` : '\\.(md|markdown)$';
}

function yamlQuoted(text: string): string {
  return text.replace(/'/g, "''");
}

async function template(name: string): Promise<string> {
  // dist/commands/init.js and src/commands/init.ts are both two levels down.
  return readFile(packagePath('templates', 'init', name), 'utf8');
}

function summary(outcomes: Outcome[], chosen: { workflow: boolean; hook: boolean; pkg: boolean; asked: boolean }): string {
  const lines = outcomes.map((o) => {
    const detail = o.detail ?? (o.state === 'exists' ? 'left as it is' : undefined);
    const head = `${o.state.padEnd(7)}  ${o.path}${detail ? ` (${detail})` : ''}`;
    return o.note ? `${head}\n  ${o.note.replace(/\n/g, '\n  ').trimEnd()}` : head;
  });
  const skipped = [
    !chosen.pkg && `--package-json to add coe to the devDependencies of ${PACKAGE_FILE}`,
    !chosen.workflow && '--github-actions for a GitHub Actions workflow',
    !chosen.hook && '--pre-commit for a pre-commit hook',
  ].filter(Boolean);
  if (!chosen.asked && skipped.length) lines.push('', `Run coe init again with ${skipped.join(', or ')}.`);
  lines.push('');
  const pkg = outcomes.find((o) => o.path === PACKAGE_FILE);
  if (pkg?.state === 'created' || pkg?.state === 'updated') {
    lines.push(
      'Next: run `npm install` to install coe and write package-lock.json, and commit both:',
      'with the lock file, CI installs exactly that coe (npm ci).',
    );
  }
  lines.push('Write a COE with `npx coe new`, then check it with `npx coe lint`.');
  return `${lines.join('\n')}\n`;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
