// Redaction of the text customers read: glossary terms become customer
// wording; internal ids, @handles and anything on an internal host are left
// out. It works in two steps, so that a name split by emphasis or a link
// ("wiki.*corp*.example.com") is still found: `mask` blanks ids and handles in
// one text value of the syntax tree, then `edits` reads the values of a
// paragraph (or cell, or heading) joined, as a reader sees them, and says
// what to remove or replace. Never works on Markdown source.
import { domainToUnicode } from 'node:url';
import { findHost, fold, NameSet, type Folded, type TermMatch } from '../util/terms.js';
import { escapeRegExp, wholePattern } from '../util/regex.js';
import { oneLine } from '../util/text.js';
import { standsAsReferenceIn } from '../parse/references.js';
import { addressSpans, HOST_LABEL, LEADING, mayHoldAddress, TRAILING, within } from '../util/addresses.js';
import { MARK, tidyMarked } from './tidy.js';
import type { CoeDocument } from '../model/types.js';
import type { ResolvedConfig } from '../config/config.js';

export { MARK, tidyMarked } from './tidy.js';

export interface RedactionSettings {
  /** Internal term -> customer wording, or false for a term customers never see. */
  glossary: Record<string, string | false>;
  /** Ticket URLs of the COE: links to them, and to their hosts, are internal. */
  tickets: string[];
  /** Configured internal domains (a host and its subdomains). */
  internalDomains: string[];
  /** Lesson ids defined in the COE: `L<n>` is only an id when it is one of these. */
  lessonIds: Set<string>;
  /** The COE id prefix ("COE"): ids like COE-2024-113 are internal. */
  idPrefix: string;
}

/** A change to joined text: remove [index, index + length), or put `text` there. */
export interface Edit extends TermMatch {
  text: string | undefined;
}

export interface MaskOptions {
  /** Every lesson id, not only one that stands as a reference (an Action cell). */
  lessons?: boolean;
  /** Code: @handles are not people here. */
  code?: boolean;
}

export interface Redactor {
  /**
   * The value, same length, with internal ids and @handles replaced by MARK
   * characters. Lesson ids (`L<n>` that a lesson defines): with `lessons`
   * (an Action cell) every one; otherwise only where one stands as a
   * reference ("(see L2)", "→ L2", "L1 → L2", last word), since elsewhere
   * "the L2 load balancer" is prose, as the lint reads it. In `code`,
   * handles stay: `@Retryable(…)` and `@types/node` name no one.
   */
  mask(value: string, options?: MaskOptions): string;
  /**
   * The words of text joined from masked values that hold an internal host
   * or are a ticket URL. `folded`: the text folded, or what folds it (asked
   * only when there are hosts or tickets to look for).
   */
  removals(joined: string, folded?: Folded | (() => Folded)): TermMatch[];
  /** What to change in text joined from masked values: those words out, glossary terms in customer words. */
  edits(joined: string, folded?: Folded): Edit[];
  /** One value redacted and tidied (a title, a code block, a region); options as for `mask`. */
  text(value: string, options?: MaskOptions): string;
  /** A link target customers may follow, or undefined when the link must be dropped. */
  href(url: string): string | undefined;
  /** Whether a URL or host points inside the company (tickets, internal domains). */
  isInternalUrl(url: string): boolean;
  /** The internal hosts: configured domains and the hosts of ticket URLs. */
  hosts: string[];
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const ACTION_ID = wholePattern(['AI-[1-9]\\d*'], 'g');
const LESSON_ID = wholePattern(['L[1-9]\\d*'], 'g');
// Not a scope or a call after it: "@aws-sdk/client-s3", "@Retryable(3)".
const HANDLE =
  /(?<!\p{L}|\p{N}|[_.@/-])@(?:\p{L}|\p{N}|_)(?:(?:\p{L}|\p{N}|[_.-])*(?:\p{L}|\p{N}|_))?(?!(?:\p{L}|\p{N}|[_/(])|[.-](?:\p{L}|\p{N}|_))/gu;

/** The redactor for a COE: its glossary, tickets and lessons, and the configured domains and id prefix. */
export function redactorFor(doc: CoeDocument, config: Pick<ResolvedConfig, 'internalDomains' | 'idPrefix'>): Redactor {
  const fm = doc.frontmatter.data;
  return makeRedactor({
    glossary: fm.glossary ?? {},
    tickets: fm.tickets ?? [],
    internalDomains: config.internalDomains,
    lessonIds: new Set((doc.lessons ?? []).flatMap((l) => (l.id ? [l.id] : []))),
    idPrefix: config.idPrefix,
  });
}

export function makeRedactor(settings: RedactionSettings): Redactor {
  const hosts = internalHosts(settings);
  const tickets = new Set(settings.tickets.map(normalizeUrl));
  // Wording is one line: a newline in it would start a new block of the draft.
  const glossary = new Map<string, string>();
  for (const [term, wording] of Object.entries(settings.glossary)) {
    if (typeof wording === 'string' && term.trim() !== '') glossary.set(term, oneLine(wording));
  }
  const terms = new NameSet(glossary.keys());
  const coeId = wholePattern([`${escapeRegExp(settings.idPrefix)}-\\d{4}-\\d{3,}`], 'g');

  const isInternalUrl = (url: string): boolean => {
    if (tickets.has(normalizeUrl(url))) return true;
    const host = hostOf(url);
    if (host !== undefined && hosts.some((h) => host === h || host.endsWith(`.${h}`))) return true;
    // Anywhere in it, as a reader of the address sees it: in user info
    // ("https://corp.example.com@evil.example/"), in the path, encoded.
    const shown = readableUrl(url);
    return hosts.some((h) => findHost(fold(shown), h).length > 0);
  };

  // Same length: indices into the masked value are indices into the value, and so into the file.
  const mask = (value: string, { lessons = false, code = false }: MaskOptions = {}): string => {
    if (!/[@\d]/.test(value)) return value; // every id has a digit, every handle an @
    const spans: TermMatch[] = [
      ...matches(value, ACTION_ID),
      ...matches(value, LESSON_ID).filter(
        (m) =>
          settings.lessonIds.has(value.slice(m.index, m.index + m.length)) && (lessons || standsAsReferenceIn(value, m.index, m.length)),
      ),
      ...matches(value, coeId),
      ...(code ? [] : matches(value, HANDLE)),
    ];
    if (spans.length === 0) return value;
    // An id in an address is part of it ("https://jira.example.com/browse/AI-42"): kept, as written.
    const addresses = mayHoldAddress(value) ? addressSpans(value) : [];
    const ids = addresses.length === 0 ? spans : spans.filter((s) => !within(addresses, s));
    if (ids.length === 0) return value;
    const units = value.split('');
    for (const s of ids) units.fill(MARK, s.index, s.index + s.length);
    return units.join('');
  };

  // A word is a ticket URL only when it is long enough: lower case makes a
  // text at most twice as long (U+0130 is two characters), and trimming shorter.
  const shortestTicket = Math.min(...[...tickets].map((t) => t.length));
  const removals = (joined: string, folded?: Folded | (() => Folded)): TermMatch[] => {
    if (hosts.length === 0 && tickets.size === 0) return [];
    const f = typeof folded === 'function' ? folded() : (folded ?? fold(joined));
    return hostTokens(joined, f, hosts, tickets, shortestTicket);
  };

  const edits = (joined: string, folded?: Folded): Edit[] => {
    if (hosts.length === 0 && tickets.size === 0 && terms.size === 0) return [];
    const f = folded ?? fold(joined);
    const removed = removals(joined, f);
    const out: Edit[] = removed.map((r) => ({ ...r, text: undefined }));
    if (terms.size > 0) {
      let r = 0;
      const addresses = addressSpans(joined);
      for (const m of terms.mentions(f)) {
        if (within(addresses, m)) continue; // an address is published as written, like a link target
        while (r < removed.length && removed[r]!.index + removed[r]!.length <= m.index) r++;
        const hit = removed[r];
        if (hit && hit.index < m.index + m.length) continue; // inside something removed
        const found = joined.slice(m.index, m.index + m.length);
        const wording = glossary.get(m.name)!;
        out.push({
          index: m.index,
          length: m.length,
          text: startsSentence(joined, m.index) ? capitalise(found, m.name, wording) : wording,
        });
      }
    }
    return out.sort((a, b) => a.index - b.index);
  };

  return {
    mask,
    removals,
    edits,
    text(value, options) {
      const masked = mask(value, options);
      return tidyMarked(applyEdits(masked, edits(masked)));
    },
    href(url) {
      let parsed: URL;
      try {
        parsed = new URL(url.trim());
      } catch {
        return undefined; // relative links point into the docs repository
      }
      if (!SAFE_PROTOCOLS.has(parsed.protocol)) return undefined;
      if (isInternalUrl(url) || isInternalUrl(parsed.href)) return undefined;
      // mailto: may name several recipients; any internal one drops the link.
      if (
        parsed.protocol === 'mailto:' &&
        safeDecode(parsed.pathname)
          .split(',')
          .some((to) => isInternalUrl(`mailto:${to}`))
      )
        return undefined;
      return parsed.href;
    },
    isInternalUrl,
    hosts,
  };
}

/** Applies edits (sorted, not overlapping) to a text: a removal leaves a MARK. */
export function applyEdits(value: string, edits: Edit[]): string {
  if (edits.length === 0) return value;
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.index < at) continue;
    out += value.slice(at, e.index) + (e.text ?? MARK);
    at = e.index + e.length;
  }
  return out + value.slice(at);
}

/** A URL as a reader of it sees it: percent-encoding decoded, an encoded host in its own letters. */
export function readableUrl(url: string): string {
  const decoded = safeDecode(url);
  return decoded.replace(/xn--[a-z0-9-]+/giu, (label) => domainToUnicode(label) || label);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%[0-9a-f]{2}/giu, (e) => {
      try {
        return decodeURIComponent(e);
      } catch {
        return e;
      }
    });
  }
}

function matches(value: string, pattern: RegExp): TermMatch[] {
  return [...value.matchAll(pattern)].map((m) => ({ index: m.index, length: m[0].length }));
}

// Every word (a run without spaces, as a reader sees it) that holds an
// internal host or is a ticket URL, without the punctuation around it:
// URLs, e-mail addresses, host names with any subdomain or user info.
function hostTokens(joined: string, f: Folded, hosts: string[], tickets: Set<string>, shortestTicket: number): TermMatch[] {
  const hits = hosts.flatMap((h) => findHost(f, h)).sort((a, b) => a.index - b.index);
  const out: TermMatch[] = [];
  let h = 0;
  const t = f.text;
  for (let i = 0; i < t.length;) {
    if (t[i] === ' ') {
      i++;
      continue;
    }
    let j = i;
    while (j < t.length && t[j] !== ' ') j++;
    let from = i;
    let to = j;
    while (from < to && LEADING.has(t[from]!)) from++;
    while (to > from && TRAILING.has(t[to - 1]!)) to--;
    if (from < to) {
      const start = f.starts[from]!;
      const end = f.ends[to - 1]!;
      while (h < hits.length && hits[h]!.index < f.starts[i]!) h++;
      const holdsHost = h < hits.length && hits[h]!.index < f.ends[j - 1]!;
      if (holdsHost || ((end - start) * 2 >= shortestTicket && tickets.has(normalizeUrl(joined.slice(start, end)))))
        out.push({ index: start, length: end - start });
    }
    i = j;
  }
  return out;
}

// At the start of the text or after ". ", "! ", "? ", ": ".
function startsSentence(text: string, index: number): boolean {
  let k = index - 1;
  // '"Orders-api" was slow' starts a sentence after its opening quote or bracket.
  while (k >= 0 && LEADING.has(text[k]!)) k--;
  const opened = k;
  while (k >= 0 && /\s/.test(text[k]!)) k--;
  if (k < 0) return true;
  return k < opened && '.!?:'.includes(text[k]!);
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

// Dotted parts, two or more: "corp.example.com".
const HOST_NAME = new RegExp(String.raw`^${HOST_LABEL}(?:\.${HOST_LABEL})+$`, 'u');

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
  return HOST_NAME.test(host) ? host : undefined;
}

function normalizeUrl(url: string): string {
  const text = url.trim().toLowerCase();
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}
