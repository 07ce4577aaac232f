// The internal names of the frontmatter, read even when it is invalid: a
// leak check that trusted only valid values would be switched off by a
// repeated key or a scalar where a list belongs (format 4.1: after a
// frontmatter-schema error the other rules run on what could be read).
import type { CoeDocument } from '../model/types.js';
import { oneLine } from '../util/text.js';

export interface FrontmatterNames {
  services: string[];
  authors: string[];
  owner: string[];
  /** Ticket links: their hosts are internal. */
  tickets: string[];
  /** Glossary terms marked false: internal only. */
  internalOnly: string[];
  /** Keys whose names could not be read at all (a YAML error hid them): the draft cannot be checked for them. */
  unreadable: string[];
}

const NAME_KEYS = ['services', 'authors', 'owner'] as const;

export function frontmatterNames(doc: CoeDocument): FrontmatterNames {
  const fm = doc.frontmatter;
  const valid = { services: fm.data.services, authors: fm.data.authors, owner: fm.data.owner === undefined ? undefined : [fm.data.owner] };
  const broken = fm.problems.some((p) => p.kind === 'syntax');
  const tickets = fm.data.tickets ?? stringsUnder(doc, 'tickets');
  const out: FrontmatterNames = { services: [], authors: [], owner: [], tickets, internalOnly: internalOnly(doc), unreadable: [] };
  for (const key of NAME_KEYS) {
    out[key] = valid[key] ?? stringsUnder(doc, key);
    if (out[key].length === 0 && broken) out.unreadable.push(key);
  }
  return out;
}

// Every string written under a key, whatever its shape; a scalar also split
// at commas, since "services: a, b" means a list.
function stringsUnder(doc: CoeDocument, key: string): string[] {
  const out: string[] = [];
  for (const s of doc.frontmatter.strings) {
    if (s.path !== key && !s.path.startsWith(`${key}.`)) continue;
    out.push(s.value, ...s.value.split(/[,;]/));
  }
  return [...new Set(out.map((v) => v.trim()).filter(Boolean))];
}

// Terms marked false; from an invalid glossary, every term whose value is not text.
function internalOnly(doc: CoeDocument): string[] {
  const glossary = doc.frontmatter.data.glossary;
  if (glossary) return Object.entries(glossary).flatMap(([term, wording]) => (wording === false ? [term] : []));
  const worded = new Set(doc.frontmatter.strings.map((s) => s.path));
  return [...doc.frontmatter.positions.keys()].flatMap((path) => {
    const term = /^glossary\.([^.]+)$/.exec(path)?.[1];
    return term !== undefined && !worded.has(path) ? [term] : [];
  });
}

// An e-mail address written beside a name.
const ADDRESS = /[^\s<>()@]+@[^\s<>()@]+/g;
// A handle ("@orders-team"), not an e-mail address nor an organisation
// before its team ("@acme/orders-team": acme is the company's name).
const HANDLE = /(?<![^\s,;|(<])@([\p{L}\p{N}][\p{L}\p{N}._-]*)(?![\p{L}\p{N}._/@-])/gu;

/**
 * The names of the people or teams a value names: the value itself, and
 * when it names several ("Dana Whitfield, Sam Lee", "payments / sre") or
 * adds to a name ("Sam Lee (SRE)", "Dana <dana@example.com>"), each name
 * and address in it (not the role in brackets), and the name of a handle
 * without its "@" ("@orders-team" is orders-team). Each is internal.
 */
export function peopleIn(value: string): string[] {
  const out = [value];
  for (const m of value.matchAll(HANDLE)) out.push(m[1]!);
  for (const part of value.split(/[,;/|\n]/)) {
    out.push(part);
    for (const m of part.matchAll(ADDRESS)) out.push(m[0]);
    out.push(part.replace(ADDRESS, ' ').replace(/[<>]|\([^()]*\)/g, ' '));
  }
  return [...new Set(out.map(oneLine).filter((v) => v.length > 1))];
}
