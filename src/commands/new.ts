// `coe new`: scaffold a COE from a template. In a terminal it asks for what
// the flags did not give; with no terminal it takes flags only and never
// waits for input. It writes inside the folder, never over a file.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { CommandIO } from './io.js';
import { UsageError } from '../util/errors.js';
import { loadConfig } from '../config/load.js';
import { configFolder, type ResolvedConfig } from '../config/config.js';
import { givenValues, requireAll, type GivenValues, type NewFlags } from '../new/flags.js';
import { DEFAULT_TEMPLATE, describeTemplates, listTemplates, loadTemplate, type TemplateInfo } from '../new/templates.js';
import { newDocument } from '../new/document.js';
import { TemplateError } from '../new/render.js';
import { collectIds, nextId } from '../new/ids.js';
import { fileName } from '../new/slug.js';
import { ensureFolder, withFolderLock, writeExclusive } from '../new/write.js';
import { dateOf, type NewValues } from '../new/values.js';
import type { Answers } from '../new/prompts.js';

const FALLBACK_DIR = 'docs/coe';

export async function runNew(title: string | undefined, flags: NewFlags, io: CommandIO): Promise<number> {
  const config = await loadConfig(io.cwd, flags.config);
  const given = givenValues(title, flags, config.idPrefix);
  const repoTemplates = path.resolve(io.cwd, config.templates);
  const dir = path.resolve(io.cwd, flags.dir ?? (config.docs || FALLBACK_DIR));
  const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY);

  const answers = interactive
    ? await askMissing(given, flags.template, repoTemplates, io)
    : { values: requireAll(given), template: flags.template };
  if (answers === 'cancelled') {
    io.stderr.write('coe: cancelled; nothing was written\n');
    return 130;
  }
  const { values } = answers;
  const template = await loadTemplate(answers.template ?? DEFAULT_TEMPLATE, repoTemplates);
  const compose = (id: string) => composeWith(template, values, id);

  if (flags.stdout) {
    io.stdout.write(compose(await idFor(dir, values, config, flags.id)));
    return 0;
  }
  await ensureFolder(dir);
  const written = await withFolderLock(dir, async () => {
    const text = compose(await idFor(dir, values, config, flags.id));
    return writeExclusive(dir, (attempt) => fileName(dateOf(values.start), values.title, attempt), text);
  });
  io.stdout.write(`${shown(io.cwd, written)}\n`);
  if (interactive) io.stderr.write(`Fill in each TODO, then run: coe lint ${shown(io.cwd, written)}\n`);
  return 0;
}

async function askMissing(
  given: GivenValues,
  name: string | undefined,
  repoTemplates: string,
  io: CommandIO,
): Promise<Answers | 'cancelled'> {
  const { ask, isCancel } = await import('../new/prompts.js');
  const templates = await listTemplates(repoTemplates);
  // A bad --template is said before the questions, not after them.
  if (name !== undefined && !templates.some((t) => t.name === name)) {
    throw new UsageError(`--template: no template named "${name}"; there are: ${describeTemplates(templates)}`);
  }
  try {
    return await ask(given, name, templates, { input: io.stdin, output: io.stdout, cwd: io.cwd });
  } catch (error) {
    if (isCancel(error)) return 'cancelled';
    throw error;
  }
}

function composeWith(template: { info: TemplateInfo; text: string }, values: NewValues, id: string): string {
  try {
    return newDocument(values, id, template.text);
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(`template ${template.info.file}: ${error.message}`);
    throw error;
  }
}

// --id as given, unless a document in the folder holds it; else the next free id.
async function idFor(dir: string, values: NewValues, config: ResolvedConfig, given: string | undefined): Promise<string> {
  const owners = (await isFolder(dir)) ? await collectIds(dir, { ...config, base: configFolder(config) }) : [];
  if (given === undefined)
    return nextId(
      owners.map((o) => o.id),
      config.idPrefix,
      dateOf(values.start).slice(0, 4),
    );
  const id = given.trim();
  const owner = owners.find((o) => o.id === id);
  if (owner) throw new UsageError(`--id ${id} is taken by ${path.join(dir, owner.file)}; leave --id out to get the next free id`);
  return id;
}

async function isFolder(dir: string): Promise<boolean> {
  return (await stat(dir).catch(() => undefined))?.isDirectory() ?? false;
}

function shown(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}
