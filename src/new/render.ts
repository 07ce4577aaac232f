// Fills a template's tokens. A template holds `{{title}}`, `{{id}}`,
// `{{owner}}`, `{{services}}`, `{{start}}` and `{{detected}}` (as timeline
// times), and blocks between a line `{{each service}}` and a line `{{end}}`,
// written once per service with `{{service}}` and `{{n}}` (1, 2, …).
// Values are escaped for Markdown, so a title shows as written.
import { escapeMarkdown } from '../util/markdown.js';
import type { NewValues } from './values.js';

export interface RenderInput {
  values: NewValues;
  id: string;
}

export class TemplateError extends Error {}

const TOKEN = /\{\{\s*([a-z][a-z-]*)\s*\}\}/g;
const EACH = 'each service';
const END = 'end';

export function render(template: string, input: RenderInput): string {
  const globals = globalTokens(input);
  const out: string[] = [];
  let block: string[] | undefined;
  for (const line of template.split(/\r?\n/)) {
    const directive = directiveOf(line);
    if (directive === EACH) {
      if (block) throw new TemplateError(`"{{${EACH}}}" inside another one; close the first with "{{${END}}}"`);
      block = [];
    } else if (directive === END) {
      if (!block) throw new TemplateError(`"{{${END}}}" without "{{${EACH}}}"`);
      out.push(...repeat(block, input.values.services, globals));
      block = undefined;
    } else if (block) {
      block.push(line);
    } else {
      out.push(fill(line, globals));
    }
  }
  if (block) throw new TemplateError(`"{{${EACH}}}" is never closed with "{{${END}}}"`);
  return out.join('\n');
}

function directiveOf(line: string): string | undefined {
  const m = /^\s*\{\{\s*([a-z ]+?)\s*\}\}\s*$/.exec(line);
  const name = m?.[1]?.replace(/\s+/g, ' ');
  return name === EACH || name === END ? name : undefined;
}

function repeat(block: string[], services: string[], globals: Map<string, string>): string[] {
  return services.flatMap((service, i) => {
    const tokens = new Map(globals).set('service', escapeMarkdown(service)).set('n', String(i + 1));
    return block.map((line) => fill(line, tokens));
  });
}

// One pass: a value that itself holds "{{…}}" is not filled again.
function fill(line: string, tokens: Map<string, string>): string {
  return line.replace(TOKEN, (whole, name: string) => {
    const value = tokens.get(name);
    if (value === undefined) throw new TemplateError(unknownToken(name, tokens));
    return value;
  });
}

function unknownToken(name: string, tokens: Map<string, string>): string {
  const inBlock = name === 'service' || name === 'n' ? ` ({{${name}}} works only between "{{${EACH}}}" and "{{${END}}}")` : '';
  return `unknown token {{${name}}}${inBlock}; known: ${[...tokens.keys()].map((k) => `{{${k}}}`).join(', ')}`;
}

function globalTokens({ values, id }: RenderInput): Map<string, string> {
  return new Map([
    ['title', escapeMarkdown(values.title.trim())],
    ['id', id],
    ['owner', escapeMarkdown(values.owner)],
    ['services', values.services.map(escapeMarkdown).join(', ')],
    ['start', timelineTime(values.start)],
    ['detected', timelineTime(values.detected)],
  ]);
}

/** 2025-10-20T08:48:30+02:00 -> "2025-10-20 08:48 +02:00"; Z -> "UTC". */
export function timelineTime(time: string): string {
  const t = time.trim();
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?([Zz]|([+-])(\d{2}):?(\d{2}))$/.exec(t);
  if (!m) return t;
  const zone = m[3] === 'Z' || m[3] === 'z' ? 'UTC' : `${m[4]}${m[5]}:${m[6]}`;
  return `${m[1]} ${m[2]} ${zone}`;
}
