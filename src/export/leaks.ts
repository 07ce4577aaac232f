// The leak check: after rendering, no internal name may be left in the draft.
// The draft is read as a reader sees it (reader.ts: markup, escapes and
// character references undone), and names are matched whole with the same
// folding as the glossary (invisible characters, compatibility forms, case,
// lookalike letters: src/util/terms.ts). Internal domains are matched as
// hosts, with any subdomain. Each leak is traced to the part of the COE it
// came from.
import type { CoeDocument } from '../model/types.js';
import type { ResolvedConfig } from '../config/config.js';
import { findHost, fold, foldName, NameSet, type Folded, type NamedMatch } from '../util/terms.js';
import { MONTHS } from './dates.js';
import { hostOf } from './redact.js';
import { lastAtOrBefore } from '../util/arrays.js';
import type { ReaderView } from './reader.js';
import type { Origin } from './build.js';
import { frontmatterNames, peopleIn } from './names.js';

export interface InternalName {
  name: string;
  /** Why it is internal: "a services entry", "an author", … */
  kinds: string[];
  /** A domain: it leaks with any subdomain ("wiki.corp.example.com"). */
  domain?: boolean;
}

export interface Leak extends InternalName {
  /** Lines of the rendered draft where the name appears. */
  draftLines: number[];
  /** Parts of the COE the name came from. */
  sources: string[];
}

/** Every name that must not reach customers: services, authors, owners, internal terms and domains. */
export function internalNames(doc: CoeDocument, config: Pick<ResolvedConfig, 'internalTerms' | 'internalDomains'>): InternalName[] {
  const byName = new Map<string, InternalName & { seen: Set<string> }>();
  const add = (name: string | undefined, kind: string, domain = false) => {
    const trimmed = name?.trim();
    const key = trimmed ? `${domain ? 'host:' : ''}${foldName(trimmed)}` : '';
    if (!trimmed || key === '' || key === 'host:') return;
    const entry = byName.get(key) ?? { name: trimmed, kinds: [], seen: new Set<string>(), ...(domain ? { domain } : {}) };
    if (!entry.seen.has(kind)) {
      entry.seen.add(kind);
      entry.kinds.push(kind);
    }
    byName.set(key, entry);
  };
  const names = frontmatterNames(doc);
  for (const s of names.services) add(s, 'a services entry');
  for (const a of names.authors.flatMap(peopleIn)) add(a, 'an author');
  for (const o of names.owner.flatMap(peopleIn)) add(o, 'the owner of the COE');
  for (const item of doc.actionItems?.items ?? []) {
    for (const o of peopleIn(item.owner)) add(o, `the owner of ${item.id || 'an action item'}`);
  }
  for (const t of config.internalTerms) add(t, 'a configured internal term');
  for (const term of names.internalOnly) add(term, 'internal only in the glossary');
  for (const d of config.internalDomains) add(hostOf(d), 'a configured internal domain', true);
  for (const t of names.tickets) add(hostOf(t), 'the host of a ticket link', true);
  return [...byName.values()].map(({ seen: _seen, ...entry }) => entry);
}

export function findLeaks(rendered: string, view: (draft: string) => ReaderView, names: InternalName[], origins: Origin[]): Leak[] {
  const find = finder(names);
  const seen = view(rendered);
  const lineStarts = lineStartsOf(rendered);
  const inDraft = find(fold(seen.text));
  let inSources: Map<InternalName, number[]>[] | undefined;
  const leaks: Leak[] = [];
  for (const entry of names) {
    const found = inDraft.get(entry);
    if (!found) continue;
    const draftLines = [...new Set(found.map((index) => lastAtOrBefore(lineStarts, seen.index[index] ?? 0) + 1))].sort((a, b) => a - b);
    // Where it came from: only read when something leaked.
    inSources ??= origins.map((o) => find(fold(o.text)));
    const sources = origins.filter((_, k) => inSources![k]!.has(entry)).map((o) => o.where);
    leaks.push({ ...entry, draftLines, sources: [...new Set(sources)] });
  }
  return leaks;
}

// Where each name is mentioned: every whole occurrence, names inside longer names included.
function finder(names: InternalName[]): (f: Folded) => Map<InternalName, number[]> {
  const domains = names.filter((n) => n.domain);
  const byName = new Map(names.filter((n) => !n.domain).map((n) => [n.name, n]));
  const set = new NameSet(byName.keys());
  return (f) => {
    const out = new Map<InternalName, number[]>();
    const add = (entry: InternalName, index: number) => {
      const list = out.get(entry);
      if (list) list.push(index);
      else out.set(entry, [index]);
    };
    for (const entry of domains) for (const m of findHost(f, entry.name)) add(entry, m.index);
    for (const m of set.all(f)) if (!startsDate(f, m)) add(byName.get(m.name)!, m.index);
    return out;
  };
}

// The draft writes dates in words ("By June 30, 2026", "Jun 30"): there a
// one-word name that is a month ("June", "May", "Jun") names the month.
const MONTH_WORDS = new Set(MONTHS.flatMap((month) => [foldName(month), foldName(month.slice(0, 3))]));

function startsDate(f: Folded, m: NamedMatch): boolean {
  if (!MONTH_WORDS.has(foldName(m.name))) return false;
  const after = m.index + m.length;
  return f.text[after] === ' ' && isDigit(f.text.charCodeAt(after + 1));
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** One line per leak: the name, why it is internal, where it is and where it came from. */
export function describeLeak(leak: Leak): string {
  const lines =
    leak.draftLines.length > 0
      ? `at ${leak.draftLines.length === 1 ? 'line' : 'lines'} ${leak.draftLines.join(', ')} of the draft`
      : 'in the draft';
  const from = leak.sources.length > 0 ? `, from ${leak.sources.join('; ')}` : '';
  return `"${leak.name}" (${kindsInWords(leak.kinds)}) ${lines}${from}`;
}

// "the owner of the COE", "the owner of AI-1" -> "the owner of the COE, AI-1"; a long list is cut short.
function kindsInWords(kinds: string[]): string {
  const OWNER = 'the owner of ';
  const owned = kinds.filter((k) => k.startsWith(OWNER)).map((k) => k.slice(OWNER.length));
  const others = kinds.filter((k) => !k.startsWith(OWNER));
  const MAX = 5;
  const shown = owned.length > MAX ? [...owned.slice(0, MAX), `${owned.length - MAX} more`] : owned;
  if (owned.length > 0) others.push(`${OWNER}${shown.join(', ')}`);
  return others.join(', ');
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
