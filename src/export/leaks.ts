// The leak check: after rendering, no internal name may be left in the draft.
// Names are matched whole and case folded, as written and as the renderer
// escapes them; each leak is traced to the part of the COE it came from.
import type { CoeDocument } from '../model/types.js';
import type { ResolvedConfig } from '../config/config.js';
import { findTerm } from '../util/terms.js';
import type { Origin } from './build.js';

export interface InternalName {
  name: string;
  /** Why it is internal: "a services entry", "an author", … */
  kinds: string[];
}

export interface Leak extends InternalName {
  /** Lines of the rendered draft where the name appears. */
  draftLines: number[];
  /** Parts of the COE the name came from. */
  sources: string[];
}

/** Every name that must not reach customers: services, authors, owners, configured internal terms. */
export function internalNames(doc: CoeDocument, config: ResolvedConfig): InternalName[] {
  const fm = doc.frontmatter.data;
  const byName = new Map<string, InternalName>();
  const add = (name: string | undefined, kind: string) => {
    const trimmed = name?.trim();
    if (!trimmed) return;
    const key = trimmed.toLowerCase();
    const entry = byName.get(key) ?? { name: trimmed, kinds: [] };
    if (!entry.kinds.includes(kind)) entry.kinds.push(kind);
    byName.set(key, entry);
  };
  for (const s of fm.services ?? []) add(s, 'a services entry');
  for (const a of fm.authors ?? []) add(a, 'an author');
  add(fm.owner, 'the owner of the COE');
  for (const item of doc.actionItems?.items ?? []) add(item.owner, `the owner of ${item.id || 'an action item'}`);
  for (const t of config.internalTerms) add(t, 'a configured internal term');
  return [...byName.values()];
}

export function findLeaks(rendered: string, escape: (text: string) => string, names: InternalName[], origins: Origin[]): Leak[] {
  const lineStarts = lineStartsOf(rendered);
  const leaks: Leak[] = [];
  for (const entry of names) {
    const forms = [...new Set([entry.name, escape(entry.name)])];
    const draftLines = new Set<number>();
    for (const form of forms) for (const m of findTerm(rendered, form)) draftLines.add(lineAt(lineStarts, m.index));
    const sources = origins.filter((o) => findTerm(o.text, entry.name).length > 0).map((o) => o.where);
    if (draftLines.size > 0 || sources.length > 0) {
      leaks.push({ ...entry, draftLines: [...draftLines].sort((a, b) => a - b), sources: [...new Set(sources)] });
    }
  }
  return leaks;
}

/** One line per leak: the name, why it is internal, where it is and where it came from. */
export function describeLeak(leak: Leak): string {
  const lines = leak.draftLines.length > 0 ? `at ${leak.draftLines.length === 1 ? 'line' : 'lines'} ${leak.draftLines.join(', ')} of the draft` : 'in the draft';
  const from = leak.sources.length > 0 ? `, from ${leak.sources.join('; ')}` : '';
  return `"${leak.name}" (${kindsInWords(leak.kinds)}) ${lines}${from}`;
}

// "the owner of the COE", "the owner of AI-1" -> "the owner of the COE and of AI-1"
function kindsInWords(kinds: string[]): string {
  const OWNER = 'the owner of ';
  const owned = kinds.filter((k) => k.startsWith(OWNER)).map((k) => k.slice(OWNER.length));
  const others = kinds.filter((k) => !k.startsWith(OWNER));
  if (owned.length > 0) others.push(`${OWNER}${owned.join(', ')}`);
  return others.join(', ');
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
