// Addresses in prose: URLs, e-mail addresses, host paths and file paths,
// read as words, not Markdown (the parser has already read that). Text in
// one is part of it: an id in "https://jira.example.com/browse/AI-42" is no
// reference, and the glossary does not reach into one (it is published as
// written, like a link target).
import type { TermMatch } from './terms.js';

// Punctuation around an address in prose is not part of it.
export const LEADING = new Set(['(', '<', '[', '"', "'", '“', '‘']);
export const TRAILING = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '>', '"', "'", '”', '’']);

/** One dotted part of a host name ("orders-api"), as a pattern's source. */
export const HOST_LABEL = String.raw`(?:\p{L}|\p{N}|[_-])+`;

// "https://…", "www.…", "ops@example.com", "jira.example.com/AI-44", "/srv/orders-api/logs".
const ADDRESS = new RegExp(
  String.raw`^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[^@\s]+@[^@\s]+\.[^@\s]+$|${HOST_LABEL}(?:\.${HOST_LABEL})+\/|\/[^/\s]+\/)`,
  'iu',
);

// A bare host name, "orders-api.internal" or "status.example.com:8443": its
// last label is two lower-case letters or more, as a domain's is, so that
// "e.g", "v1.2", "AI-2.Then" (a space left out) and "ASP.NET" are no host.
// Kept apart from ADDRESS, whose i flag would make \p{Ll} match capitals.
const HOST = new RegExp(String.raw`^${HOST_LABEL}(?:\.${HOST_LABEL})*\.\p{Ll}{2,}(?::\d{1,5})?$`, 'u');
const MAYBE_HOST = /[^\s.]\.\p{Ll}{2}/u;

// A relative file path: "./x", "../x", "~/x", "C:\x", or folders and a
// file with a lower-case extension ("runbooks/AI-7.md", "docs\AI-9.md").
// "AI-3/AI-4" (two ids) and "AI-2/AI-3.Then" (a space left out) are none.
const FILE_PATH = /^(?:\.{1,2}[/\\]|~\/|[A-Za-z]:[/\\])|^[^/\\]+(?:[/\\][^/\\]+)+\.[a-z0-9]{1,8}$/u;

/** Whether a text may hold an address: every one has a "/", a "\", an "@", "www." or a dot before two lower-case letters. Most prose has none. */
export function mayHoldAddress(text: string): boolean {
  return text.includes('/') || text.includes('\\') || text.includes('@') || /www\./i.test(text) || MAYBE_HOST.test(text);
}

/** The addresses of a text, each without the punctuation around it. */
export function addressSpans(text: string): TermMatch[] {
  const out: TermMatch[] = [];
  for (let i = 0; i < text.length;) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !/\s/.test(text[j]!)) j++;
    let from = i;
    let to = j;
    while (from < to && LEADING.has(text[from]!)) from++;
    while (to > from && TRAILING.has(text[to - 1]!)) to--;
    const word = text.slice(from, to);
    if (ADDRESS.test(word) || HOST.test(word) || FILE_PATH.test(word)) out.push({ index: from, length: to - from });
    i = j;
  }
  return out;
}

/**
 * Whether a match lies (partly) inside one of the spans, and that span holds
 * more than the match: a glossary term that is a whole address
 * (`status.example.com`, a service named `orders.api`) is the term itself.
 */
export function within(spans: TermMatch[], m: TermMatch): boolean {
  return spans.some(
    (s) => m.index < s.index + s.length && s.index < m.index + m.length && (s.index < m.index || s.index + s.length > m.index + m.length),
  );
}
