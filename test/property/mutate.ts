// Mutations of real COEs for the property tests: byte flips, line cuts and
// copies, section shuffles, YAML type swaps, and the Unicode and line-ending
// shapes that break parsers (bidi marks, zero-width characters, surrogates,
// NUL, CR and CRLF mixes, a byte-order mark).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { ROOT, FIXTURES } from '../helpers/lint.js';

/** The documents mutated: the examples, the test base and the export fixture. */
export function seedDocuments(): { name: string; text: string }[] {
  const examples = readdirSync(path.join(ROOT, 'examples'))
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .map((n) => path.join(ROOT, 'examples', n));
  const files = [...examples, path.join(FIXTURES, 'base.md'), path.join(FIXTURES, 'export/orders.md')];
  return files.map((file) => ({ name: path.relative(ROOT, file), text: readFileSync(file, 'utf8') }));
}

const SPECIAL = [
  '\u202E', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u200F', // right-to-left mark
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\u2060', // word joiner
  '\u00AD', // soft hyphen
  '\uFEFF', // byte-order mark inside the text
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  '\u0000',
  '\r',
  '\r\n',
  '\u2028', // line separator
  '\u0085', // next line
  '｀', // fullwidth grave accent
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '&lt;b&gt;',
  '&#x202E;',
  '`',
  '|',
  '\\',
  '*',
  '---',
  '## ',
  '- ',
  '> ',
  '<!-- coe-disable -->',
  '<!--',
];

const YAML_VALUES = [
  '[]',
  '{}',
  '1',
  'true',
  'null',
  '~',
  '"x"',
  '[a, b]',
  '{a: [b]}',
  '? a',
  '&a x',
  '*a',
  '!!binary AAAA',
  '- a',
  '| \n  text',
  '2025-13-45T99:99:99Z',
  "'unclosed",
  '[unclosed',
];

export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'cut'; from: number; count: number }
  | { kind: 'copy'; from: number; count: number; to: number }
  | { kind: 'shuffle'; order: number[] }
  | { kind: 'yaml'; line: number; value: number }
  | { kind: 'insert'; at: number; what: number }
  | { kind: 'endings'; every: number; crlf: boolean }
  | { kind: 'bom' }
  | { kind: 'disguise'; nth: number; at: number; what: number }
  | { kind: 'bytes'; at: number; bytes: readonly number[] };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('cut' as const), from: fc.nat(), count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), count: fc.integer({ min: 1, max: 8 }), to: fc.nat() }),
  fc.record({ kind: fc.constant('shuffle' as const), order: fc.array(fc.nat(), { minLength: 2, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('yaml' as const), line: fc.nat(), value: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.nat() }),
  fc.record({ kind: fc.constant('endings' as const), every: fc.integer({ min: 1, max: 5 }), crlf: fc.boolean() }),
  fc.constant({ kind: 'bom' as const }),
  fc.record({ kind: fc.constant('disguise' as const), nth: fc.nat(), at: fc.nat(), what: fc.nat() }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: fc.nat(),
    bytes: fc.constantFrom([0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xff], [0xe2, 0x80]),
  }),
);

/** A seed document and the mutations applied to it, in order. */
export const caseArb = (seeds: number) =>
  fc.record({ seed: fc.integer({ min: 0, max: seeds - 1 }), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }) });

export function mutate(text: string, mutations: Mutation[]): Buffer {
  let bytes: Buffer = Buffer.from(text, 'utf8');
  for (const m of mutations) bytes = apply(bytes, m);
  return bytes;
}

function apply(bytes: Buffer, m: Mutation): Buffer {
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const out = Buffer.from(bytes);
      const at = m.at % out.length;
      out[at] = out[at]! ^ (1 << m.bit);
      return out;
    }
    case 'bytes': {
      const at = m.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    }
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    default:
      return Buffer.from(applyText(bytes.toString('utf8'), m), 'utf8');
  }
}

function applyText(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const pick = (n: number) => n % Math.max(1, lines.length);
  switch (m.kind) {
    case 'cut': {
      const from = pick(m.from);
      lines.splice(from, m.count);
      return lines.join('\n');
    }
    case 'copy': {
      const from = pick(m.from);
      const copied = lines.slice(from, from + m.count);
      lines.splice(pick(m.to), 0, ...copied);
      return lines.join('\n');
    }
    case 'shuffle': {
      const parts = text.split(/\n(?=## )/);
      const [head, ...sections] = parts;
      if (sections.length < 2) return text;
      const order = sections.map((s, i) => ({ s, key: m.order[i % m.order.length]! * 31 + i }));
      order.sort((a, b) => a.key - b.key);
      return [head, ...order.map((o) => o.s)].join('\n');
    }
    case 'yaml': {
      const keyed = lines.map((line, i) => ({ line, i })).filter(({ line, i }) => i < 40 && /^\s*[\w-]+:/.test(line));
      const target = keyed[m.line % Math.max(1, keyed.length)];
      if (!target) return text;
      lines[target.i] = target.line.replace(/:.*/, `: ${YAML_VALUES[m.value % YAML_VALUES.length]}`);
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + SPECIAL[m.what % SPECIAL.length] + text.slice(at);
    }
    case 'endings':
      return lines.map((line, i) => (i % m.every === 0 ? line + (m.crlf ? '\r' : '') : line)).join(m.crlf ? '\n' : '\r');
    case 'disguise': {
      // An internal name of the frontmatter, disguised where it appears in the body.
      const names = [...text.matchAll(/^(?:services|authors): \[(.*)\]$/gm)].flatMap((mm) => mm[1]!.split(',').map((n) => n.trim()));
      const name = names[m.nth % Math.max(1, names.length)];
      const body = text.indexOf('\n---', 4);
      const at = name ? text.indexOf(name, body) : -1;
      if (!name || at < 0) return text;
      const cut = 1 + (m.at % Math.max(1, name.length - 1));
      const mark = DISGUISES[m.what % DISGUISES.length]!;
      return text.slice(0, at + cut) + mark(name.slice(cut)) + text.slice(at + name.length);
    }
    default:
      return text;
  }
}

// Ways to write a name that a reader still reads as the name.
const DISGUISES: ((rest: string) => string)[] = [
  (rest) => `\u200B${rest}`,
  (rest) => `\u00AD${rest}`,
  (rest) => `\u2060${rest}`,
  (rest) => `&shy;${rest}`,
  (rest) => `&#8203;${rest}`,
  (rest) => rest.replace('-', '\u2011'),
  (rest) => rest.replace('-', '\u2010'),
  (rest) => rest.replace('o', '\u043E'), // Cyrillic o
  (rest) => rest.replace(/[a-z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), // fullwidth
  (rest) => `*${rest}*`,
];

/**
 * The runs of a property, in chunks of at most CHUNK cases, each a test of
 * its own with its own seed: a long synchronous run would starve vitest's
 * worker. A failure prints its seed and path: replay it with
 * COE_FC_SEED=… COE_FC_PATH=… (and the chunk's name, -t).
 */
export function chunks(total: number): { name: string; settings: fc.Parameters<unknown> }[] {
  const base = process.env.COE_FC_SEED ? Number(process.env.COE_FC_SEED) : 20261202;
  const path = process.env.COE_FC_PATH;
  const out: { name: string; settings: fc.Parameters<unknown> }[] = [];
  for (let done = 0, k = 0; done < total; done += CHUNK, k++) {
    const numRuns = Math.min(CHUNK, total - done);
    const seed = base + k;
    out.push({
      name: `cases ${done + 1}-${done + numRuns} (seed ${seed})`,
      settings: { seed, numRuns, ...(path ? { path, endOnFailure: true } : {}) },
    });
  }
  return out;
}

const CHUNK = 200;
