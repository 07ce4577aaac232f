// Adds a dev dependency to the text of a package.json, as npm itself would
// write it: the same indent, line endings and final newline, the other keys
// in their order, devDependencies sorted. Text that is not a JSON object is
// never rewritten: the caller is told why.

export type DevDependencyEdit =
  { kind: 'added'; text: string } | { kind: 'present'; where: string; spec: string } | { kind: 'unreadable'; reason: string };

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** A new package.json that holds only the dev dependency. */
export function newPackageJson(name: string, spec: string): string {
  return `${JSON.stringify({ private: true, devDependencies: { [name]: spec } }, null, 2)}\n`;
}

export function addDevDependency(text: string, name: string, spec: string): DevDependencyEdit {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  let pkg: unknown;
  try {
    pkg = JSON.parse(body);
  } catch (error) {
    return { kind: 'unreadable', reason: `not valid JSON${where(body, (error as Error).message)}` };
  }
  if (!isObject(pkg)) return { kind: 'unreadable', reason: 'not a JSON object' };
  for (const section of SECTIONS) {
    const deps = pkg[section];
    if (isObject(deps) && typeof deps[name] === 'string') return { kind: 'present', where: section, spec: deps[name] };
  }
  const dev = pkg.devDependencies;
  if (dev !== undefined && !isObject(dev)) return { kind: 'unreadable', reason: '"devDependencies" is not an object' };
  pkg.devDependencies = sortedKeys({ ...dev, [name]: spec });
  const newline = body.includes('\r\n') ? '\r\n' : '\n';
  const json = JSON.stringify(pkg, null, indentOf(body)).replace(/\n/g, newline);
  const end = /\r?\n\s*$/.test(body) ? newline : '';
  return { kind: 'added', text: `${bom}${json}${end}` };
}

// The indent of the first member, as npm keeps it; two spaces for `{}`.
function indentOf(text: string): string | number {
  const first = /^\s*\{\r?\n([ \t]+)\S/.exec(text);
  return first?.[1] ?? 2;
}

function sortedKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b, 'en')));
}

// JSON.parse says "at position N"; people read lines and columns.
function where(text: string, message: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at) return message.includes('end of JSON') ? ': it ends too soon' : '';
  const before = text.slice(0, Number(at[1])).split('\n');
  return ` at line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
