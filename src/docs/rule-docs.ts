// Renders a rule's documentation page, docs/rules/<id>.md, from its metadata:
// what it checks, why, its options with their defaults, and a failing and a
// passing example. Whatever metadata is missing is said to be missing, so a
// page can always be generated.
import * as z from 'zod';
import { strictOptions, type RuleMeta } from '../engine/rule.js';
import type { CatalogEntry } from './catalog.js';
import { exampleOf, readMarkers } from './examples.js';

export const GENERATED_NOTE = '<!-- Generated from the rule metadata by `npm run generate`: edit the rule, not this page. -->';

export function renderRuleDoc({ meta, configurable }: CatalogEntry): string {
  const out = [`# ${meta.id}`, '', GENERATED_NOTE, '', sentence(meta.description), '', ...facts(meta, configurable), ''];
  out.push('## Why', '', meta.docs.rationale.trim() || sentence(meta.description), '');
  if (configurable) out.push(...optionsSection(meta));
  out.push(...examples(meta));
  return `${out.join('\n').trimEnd()}\n`;
}

function facts(meta: RuleMeta, configurable: boolean): string[] {
  const draft = meta.draftSeverity ? ` (\`${meta.draftSeverity}\` while the COE's status is \`draft\`)` : '';
  const lines = [`- Default severity: \`${meta.severity}\`${draft}`];
  if (configurable) {
    const takesOptions = (optionRows(meta.options) ?? [undefined]).length > 0;
    lines.push(`- Configure: \`"rules": { "${meta.id}": "off" | "warn" | "error" }\`${takesOptions ? ', or `[level, { options }]`' : ''}`);
    lines.push(`- Turn off for part of a document: \`<!-- coe-disable ${meta.id} -->\` … \`<!-- coe-enable ${meta.id} -->\``);
  } else {
    lines.push('- Not configurable: neither configuration nor a `coe-disable` comment turns it off');
  }
  return lines;
}

interface OptionRow {
  name: string;
  type: string;
  default: unknown;
  description: string;
}

function optionsSection(meta: RuleMeta): string[] {
  const rows = optionRows(meta.options);
  if (rows === undefined) return ['## Options', '', 'The options are described in the rule\'s source.', ''];
  if (rows.length === 0) return ['## Options', '', 'This rule has no options.', ''];
  const described = rows.some((r) => r.description);
  const head = described ? ['| option | type | default | description |', '|---|---|---|---|'] : ['| option | type | default |', '|---|---|---|'];
  const table = [
    ...head,
    ...rows.map((r) => {
      const cells = [`\`${r.name}\``, cell(r.type), r.default === undefined ? '' : `\`${JSON.stringify(r.default)}\``];
      if (described) cells.push(cell(r.description));
      return `| ${cells.join(' | ')} |`;
    }),
  ];
  const defaults = Object.fromEntries(rows.filter((r) => r.default !== undefined).map((r) => [r.name, r.default]));
  const inline = Object.entries(defaults).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ');
  const example = ['{', '  "rules": {', `    "${meta.id}": ["${meta.severity}", { ${inline} }]`, '  }', '}'].join('\n');
  return ['## Options', '', ...table, '', 'In the configuration file, with the defaults:', '', '```json', example, '```', ''];
}

/** The options as rows, or undefined when the schema cannot be described. */
export function optionRows(options: z.ZodType): OptionRow[] | undefined {
  let schema: Record<string, unknown>;
  try {
    schema = z.toJSONSchema(strictOptions(options), { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (schema.type !== 'object' || !properties) return undefined;
  const defaults = defaultsOf(options);
  return Object.entries(properties).map(([name, prop]) => ({
    name,
    type: typeOf(prop),
    default: prop.default ?? defaults[name],
    description: typeof prop.description === 'string' ? prop.description : '',
  }));
}

function defaultsOf(options: z.ZodType): Record<string, unknown> {
  try {
    const parsed = options.parse({});
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function typeOf(prop: Record<string, unknown>): string {
  if (Array.isArray(prop.enum)) return prop.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(prop.anyOf)) return (prop.anyOf as Record<string, unknown>[]).map(typeOf).join(' or ');
  const type = typeof prop.type === 'string' ? prop.type : 'any';
  if (type === 'array') return `${typeOf((prop.items as Record<string, unknown>) ?? {})} list`;
  if (type === 'integer' || type === 'number') return `${type}${range(prop)}`;
  return type;
}

function range(prop: Record<string, unknown>): string {
  const min = typeof prop.minimum === 'number' ? prop.minimum : undefined;
  const max = typeof prop.maximum === 'number' && prop.maximum < Number.MAX_SAFE_INTEGER ? prop.maximum : undefined;
  if (min !== undefined && max !== undefined) return `, ${min} to ${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return '';
}

function examples(meta: RuleMeta): string[] {
  const out = ['## Examples', ''];
  for (const [label, example] of [
    ['Reported', meta.docs.fail],
    ['Not reported', meta.docs.pass],
  ] as const) {
    const { text, now, options } = exampleOf(example);
    const shown = readMarkers(text).text.trim();
    if (!shown) continue;
    const settings = [now ? `\`--now ${now}\`` : '', options ? `the options \`${JSON.stringify(options)}\`` : ''].filter(Boolean);
    out.push(`${label}${settings.length ? ` (with ${settings.join(' and ')})` : ''}:`, '', ...fenced(shown), '');
  }
  return out.length > 2 ? out : [];
}

// A fence longer than any run of backticks in the example, which may hold fences of its own.
function fenced(text: string): string[] {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}markdown`, text, fence];
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** docs/rules/README.md: the list of rules with links to their pages. */
export function renderRuleIndex(entries: CatalogEntry[]): string {
  const rows = entries.map(({ meta }) => {
    const draft = meta.draftSeverity ? ` (${meta.draftSeverity} in draft)` : '';
    return `| [\`${meta.id}\`](${meta.id}.md) | ${meta.severity}${draft} | ${cell(meta.description)} |`;
  });
  return [
    '# Rules',
    '',
    GENERATED_NOTE,
    '',
    'Each rule has a page: what it checks, why, its options and an example. `coe rules` prints this list.',
    '',
    '| rule | default | checks |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
