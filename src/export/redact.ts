// Redaction of one text value or one link target: glossary terms become
// customer wording; internal ids, @handles and internal URLs are left out.
// Works on single text values from the syntax tree, never on Markdown.
import { findTerm, type TermMatch } from '../util/terms.js';

export interface RedactionSettings {
  /** Internal term -> customer wording. */
  glossary: Record<string, string>;
  /** Ticket URLs of the COE: links to them, and to their hosts, are internal. */
  tickets: string[];
  /** Configured internal domains (a host and its subdomains). */
  internalDomains: string[];
  /** Lesson ids defined in the COE: `L<n>` is only an id when it is one of these. */
  lessonIds: Set<string>;
  /** The COE id prefix ("COE"): ids like COE-2024-113 are internal. */
  idPrefix: string;
}

/** Stands where something was removed, until the text around it is tidied (NUL never survives decoding). */
export const MARK = '\u0000';

export interface Redactor {
  /** The text with internal ids, handles and URLs removed and glossary terms replaced. */
  text(value: string): string;
  /** The same, with MARK where something was removed; tidy it with `tidyMarked` once joined with its neighbours. */
  marked(value: string): string;
  /** A link target customers may follow, or undefined when the link must be dropped. */
  href(url: string): string | undefined;
  /** Whether a URL or host points inside the company (tickets, internal domains). */
  isInternalUrl(url: string): boolean;
}

interface Span {
  index: number;
  length: number;
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const ACTION_ID = /(?<![\p{L}\p{N}_-])AI-[1-9]\d*(?![\p{L}\p{N}_])/gu;
const LESSON_ID = /(?<![\p{L}\p{N}_-])L[1-9]\d*(?![\p{L}\p{N}_])/gu;
const HANDLE = /(?<![\p{L}\p{N}_.@/-])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?/gu;
const TOKEN = /\S+/g;
// Punctuation around a URL in prose is not part of it.
const TOKEN_EDGES = /^[(<["'“‘]*(.*?)[.,;:!?)\]>"'”’]*$/su;

export function makeRedactor(settings: RedactionSettings): Redactor {
  const hosts = internalHosts(settings);
  const tickets = new Set(settings.tickets.map(normalizeUrl));
  // Wording is one line: a newline in it would start a new block of the draft.
  const glossary = Object.entries(settings.glossary)
    .map(([term, wording]): [string, string] => [term, wording.replace(/\s+/g, ' ').trim()])
    .filter(([term]) => term.trim() !== '')
    .sort(([a], [b]) => b.trim().length - a.trim().length);
  const coeId = new RegExp(`(?<![\\p{L}\\p{N}_-])${escapeRegExp(settings.idPrefix)}-\\d{4}-\\d{3,}(?![\\p{L}\\p{N}_])`, 'gu');

  // A host on an internal domain anywhere in a value, glued to punctuation or
  // not, with a user@ before it and a :port or /path after it (but not the
  // sentence's closing punctuation).
  const hostPatterns = hosts.map(
    (h) => new RegExp(`(?<![\\p{L}\\p{N}._%+-])(?:[\\p{L}\\p{N}._%+-]+@)?(?:[\\p{L}\\p{N}-]+\\.)*${escapeRegExp(h)}(?![\\p{L}\\p{N}-])(?:[:/][^\\s)\\]>"']*[^\\s)\\]>"'.,;:!?])?`, 'giu'),
  );

  const isInternalUrl = (url: string): boolean => {
    if (tickets.has(normalizeUrl(url))) return true;
    const host = hostOf(url);
    return host !== undefined && hosts.some((h) => host === h || host.endsWith(`.${h}`));
  };

  const removals = (value: string): Span[] => [
    ...matches(value, ACTION_ID),
    ...matches(value, LESSON_ID).filter((m) => settings.lessonIds.has(value.slice(m.index, m.index + m.length))),
    ...matches(value, coeId),
    ...matches(value, HANDLE),
    ...internalTokens(value, isInternalUrl),
    ...hostPatterns.flatMap((pattern) => matches(value, pattern)),
  ];

  const marked = (value: string): string => {
    const spans = removals(value);
    return replaceTerms(spans.length > 0 ? remove(value, spans) : value, glossary);
  };
  return {
    text: (value) => tidyMarked(marked(value)),
    marked,
    href(url) {
      let parsed: URL;
      try {
        parsed = new URL(url.trim());
      } catch {
        return undefined; // relative links point into the docs repository
      }
      if (!SAFE_PROTOCOLS.has(parsed.protocol)) return undefined;
      if (isInternalUrl(parsed.href)) return undefined;
      // mailto: may name several recipients; any internal one drops the link.
      if (parsed.protocol === 'mailto:' && decodeURIComponent(parsed.pathname).split(',').some((to) => isInternalUrl(`mailto:${to}`))) return undefined;
      return parsed.href;
    },
    isInternalUrl,
  };
}

function matches(value: string, pattern: RegExp): Span[] {
  return [...value.matchAll(pattern)].map((m) => ({ index: m.index, length: m[0].length }));
}

// Bare URLs, host names and e-mail addresses in prose that point inside the company.
function internalTokens(value: string, isInternal: (url: string) => boolean): Span[] {
  const spans: Span[] = [];
  for (const m of value.matchAll(TOKEN)) {
    const core = TOKEN_EDGES.exec(m[0])?.[1] ?? m[0];
    if (!core.includes('.') || !isInternal(core)) continue;
    spans.push({ index: m.index + m[0].indexOf(core), length: core.length });
  }
  return spans;
}

function remove(value: string, spans: Span[]): string {
  const sorted = [...spans].sort((a, b) => a.index - b.index);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.index < at) {
      at = Math.max(at, s.index + s.length);
      continue;
    }
    out += value.slice(at, s.index) + MARK;
    at = s.index + s.length;
  }
  return out + value.slice(at);
}

/** Drops the marks and what removing them left behind: "(see )", "(, )", a dangling arrow, ", .", doubled spaces. */
export function tidyMarked(value: string): string {
  if (!value.includes(MARK)) return value;
  return value
    .replace(/\(\s*(?:see also|see|cf\.?)?[\s,;\0]*\0[\s,;\0]*\)/giu, MARK)
    .replace(/\[[\s,;\0]*\0[\s,;\0]*\]/g, MARK)
    .replace(/\s*(?:→|->|=>)[\s,;\0]*\0(?=[\s,;\0]*(?:$|[.,;:)\]]))/g, MARK)
    .replace(/[,;][\s,;\0]*\0[\s,;\0]*(?=[).!?])/g, MARK)
    .replace(/,(?:[\s\0]*\0[\s\0]*,)+/g, ',')
    .replace(/[ \t]*\0[ \t\0]*/g, closeGap);
}

// A removed piece leaves one space between words, none before punctuation or after "(".
// At either end of the text a space stays: it may separate the text from bold or a link.
function closeGap(gap: string, offset: number, whole: string): string {
  const before = whole[offset - 1];
  const after = whole[offset + gap.length];
  if (before === '(' || (after !== undefined && /[.,;:!?)\]]/.test(after))) return '';
  return /\s/.test(gap) ? ' ' : '';
}

/** Replaces glossary terms, longest first, whole words, case folded. */
export function replaceTerms(value: string, glossary: [string, string][]): string {
  const taken: (TermMatch & { wording: string })[] = [];
  for (const [term, wording] of glossary) {
    for (const m of findTerm(value, term)) {
      const overlaps = taken.some((t) => m.index < t.index + t.length && t.index < m.index + m.length);
      if (overlaps) continue;
      const startsSentence = /^\s*$|[.!?:]\s+$/.test(value.slice(0, m.index));
      taken.push({ ...m, wording: startsSentence ? capitalise(value.slice(m.index, m.index + m.length), term, wording) : wording });
    }
  }
  if (taken.length === 0) return value;
  taken.sort((a, b) => a.index - b.index);
  let out = '';
  let at = 0;
  for (const t of taken) {
    out += value.slice(at, t.index) + t.wording;
    at = t.index + t.length;
  }
  return out + value.slice(at);
}

// "Orders-api failed" at the start of a sentence becomes "Order placement failed".
function capitalise(found: string, term: string, wording: string): string {
  const first = found.trim()[0] ?? '';
  const termFirst = term.trim()[0] ?? '';
  const capitalised = first !== first.toLowerCase() && termFirst === termFirst.toLowerCase();
  return capitalised ? wording.charAt(0).toUpperCase() + wording.slice(1) : wording;
}

function internalHosts(settings: RedactionSettings): string[] {
  const hosts = settings.internalDomains.map((d) => hostOf(d) ?? '').filter(Boolean);
  for (const ticket of settings.tickets) {
    const host = hostOf(ticket);
    if (host) hosts.push(host);
  }
  return [...new Set(hosts)];
}

/** The host of a URL, an e-mail address or a bare host name, lower case. */
export function hostOf(value: string): string | undefined {
  const text = value.trim().toLowerCase();
  if (text.startsWith('mailto:') || (!text.includes('://') && text.includes('@'))) {
    const host = text.slice(text.lastIndexOf('@') + 1).split(/[/?#>]/)[0];
    return host || undefined;
  }
  const bare = text.includes('://') ? text.slice(text.indexOf('://') + 3) : text;
  const host = bare
    .replace(/^[^/?#]*@/, '')
    .split(/[/?#]/)[0]!
    .replace(/:\d+$/, '')
    .replace(/^\*?\./, '')
    .replace(/\.$/, '');
  return /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(host) ? host : undefined;
}

function normalizeUrl(url: string): string {
  return url.trim().toLowerCase().replace(/\/+$/, '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
