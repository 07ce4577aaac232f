// Interactive `coe new`: asks for each value the flags did not give, with a
// default where one makes sense and the same checks as the flags, so a bad
// answer is refused at the prompt. Loaded only in a terminal.
import { execFile } from 'node:child_process';
import type { select as selectPrompt } from '@inquirer/prompts';
import { DETECTION_SOURCES, type DetectionSource } from '../model/frontmatter-schema.js';
import { DEFAULT_TEMPLATE, type TemplateInfo } from './templates.js';
import type { GivenValues } from './flags.js';
import {
  checkDetectedAfter,
  checkList,
  checkText,
  checkTime,
  DETECTION_MEANINGS,
  isoTimeOf,
  nowMinute,
  SEVERITY_MEANINGS,
  splitList,
  type Check,
  type NewValues,
} from './values.js';

export interface PromptIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  cwd: string;
}

export interface Answers {
  values: NewValues;
  template: string;
}

const TIME_HINT = 'e.g. 2025-10-20 06:48 UTC or 2025-10-20 08:48 +02:00; no offset is UTC';

// Inquirer wants true or a message; the checks return a message or undefined.
const asValidate = (check: Check) => (value: string) => check(value) ?? true;

export async function ask(given: GivenValues, template: string | undefined, templates: TemplateInfo[], io: PromptIO): Promise<Answers> {
  const { input, select } = await import('@inquirer/prompts');
  const context = { input: io.input, output: io.output };
  const text = (message: string, check: Check, fallback?: string) =>
    input({ message, default: fallback, validate: asValidate(check) }, context).then((s) => s.trim());

  const title = given.title ?? (await text('Title (what customers experienced, in a few words):', checkText));
  const severity =
    given.severity ??
    (await select<number>(
      {
        message: 'Severity:',
        choices: [1, 2, 3, 4, 5].map((n) => ({ value: n, name: `${n}  ${SEVERITY_MEANINGS[n]}`, short: String(n) })),
        default: 3,
      },
      context,
    ));
  const services = given.services ?? splitList(await text('Impacted services (internal names, separated by commas):', checkList(true)));
  const regions = given.regions ?? splitList(await text('Regions (optional, separated by commas):', checkList(false), ''));
  const owner = given.owner ?? (await text('Owner (the team or person accountable for this COE):', checkText));
  const gitUser = given.authors ? undefined : await gitUserName(io.cwd);
  const authors = given.authors ?? splitList(await text('Authors (separated by commas):', checkList(true), gitUser));
  // Times in any form a timeline entry takes; the frontmatter gets ISO 8601.
  const start = given.start ?? isoTimeOf(await text(`When did impact begin? (${TIME_HINT}):`, checkTime, nowMinute()));
  const detected = given.detected ?? isoTimeOf(await text(`When did we know? (${TIME_HINT}):`, checkDetectedAfter(start), start));
  const detectedBy =
    given.detectedBy ??
    (await select<DetectionSource>(
      {
        message: 'How was it detected?',
        choices: DETECTION_SOURCES.map((s) => ({ value: s, name: `${s.padEnd(16)} ${DETECTION_MEANINGS[s]}`, short: s })),
        // Every choice on screen, and no wrapping round: the list has an end.
        pageSize: DETECTION_SOURCES.length,
        loop: false,
      },
      context,
    ));
  const chosen = template ?? (await pickTemplate(templates, select, context));
  return { values: { title, severity, services, regions, owner, authors, start, detected, detectedBy }, template: chosen };
}

async function pickTemplate(
  templates: TemplateInfo[],
  select: typeof selectPrompt,
  context: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream },
): Promise<string> {
  if (templates.length === 1 && templates[0]) return templates[0].name;
  const width = Math.max(...templates.map((t) => t.name.length)) + 2;
  return select<string>(
    {
      message: 'Template:',
      choices: templates.map((t) => ({ value: t.name, name: templateLabel(t, width), short: t.name })),
      default: DEFAULT_TEMPLATE,
      pageSize: Math.min(templates.length, 15),
      loop: false,
    },
    context,
  );
}

const BUILTIN_TEMPLATES: Record<string, string> = {
  standard: 'every section of the format, for an event in one service or team',
  'multi-service': 'the same, plus impact by service and a place for each team',
};

function templateLabel(t: TemplateInfo, width: number): string {
  const about = t.builtin ? BUILTIN_TEMPLATES[t.name] : undefined;
  return `${t.name.padEnd(width)}${about ?? (t.builtin ? '' : t.file)}`.trimEnd();
}

/** The git user's name, when git knows one: the default author. */
export function gitUserName(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 2_000 }, (error, stdout) => {
      const name = error ? '' : stdout.trim();
      resolve(name && checkText(name) === undefined ? name : undefined);
    });
  });
}

/** Ctrl-C at a prompt. */
export function isCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}
