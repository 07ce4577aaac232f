// HTML character references (`&amp;`, `&#73;`, `&#x49;`), decoded as a
// browser decodes them when they end with ";". Names come from the package
// micromark uses, so both know the same ones. In the text of raw HTML a
// browser also reads some without the ";" (htmlReferenceAt); Markdown does not.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { characterEntitiesLegacy } from 'character-entities-legacy';

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;
// The same, only where it is asked for (`lastIndex`).
const REFERENCE_AT = new RegExp(REFERENCE.source, 'y');

/** The text with its character references decoded; an unknown name stays as written, an invalid code point is U+FFFD. */
export function decodeReferences(text: string): string {
  return text.includes('&') ? text.replace(REFERENCE, decoded) : text;
}

/** The character reference that starts at `at`, decoded, and its length in `text`. */
export function characterReferenceAt(text: string, at: number): { value: string; length: number } | undefined {
  REFERENCE_AT.lastIndex = at;
  const m = REFERENCE_AT.exec(text);
  if (!m) return undefined;
  const value = decoded(m[0], m[1], m[2], m[3]);
  return value === m[0] ? undefined : { value, length: m[0].length };
}

// A match of REFERENCE, decoded; an unknown name as written.
function decoded(whole: string, decimal: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (name !== undefined) {
    const value = decodeNamedCharacterReference(name);
    return value === false ? whole : value;
  }
  return codePoint(decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16));
}

// What a browser shows for a number of 0x80 to 0x9F: the character Windows-1252 has there (`&#150;` is an en dash).
// The five numbers it leaves unmapped (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as they are.
// prettier-ignore
const WINDOWS_1252 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** A number read as a browser reads it in HTML: NUL, a surrogate or past the last code point is U+FFFD. */
const codePoint = (n: number): string =>
  n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff)
    ? String.fromCodePoint(n >= 0x80 && n <= 0x9f ? WINDOWS_1252[n - 0x80]! : n)
    : '\ufffd';

// The names a browser reads without ";" (`&amp`, `&copy`), from the WHATWG list.
const LEGACY = new Set(characterEntitiesLegacy);
const LONGEST_LEGACY = Math.max(...characterEntitiesLegacy.map((name) => name.length));
const LONGEST_NAME = 32;

/**
 * The character reference that starts at `at`, as a browser reads it in the
 * text of raw HTML (not in an attribute): a number needs no ";" and may have
 * any number of digits (`&#73`, `&#x49`); a name without ";" is the longest
 * legacy name it starts with (`&copyright` is "©right").
 */
export function htmlReferenceAt(text: string, at: number): { value: string; length: number } | undefined {
  if (text[at] !== '&') return undefined;
  return text[at + 1] === '#' ? numericReferenceAt(text, at) : namedReferenceAt(text, at);
}

function numericReferenceAt(text: string, at: number): { value: string; length: number } | undefined {
  const hex = text[at + 2] === 'x' || text[at + 2] === 'X';
  const base = hex ? 16 : 10;
  const first = hex ? at + 3 : at + 2;
  let end = first;
  let n = 0;
  for (let digit = digitOf(text[end], base); digit >= 0; digit = digitOf(text[++end], base)) {
    // Past the last code point the value stays out of range, however many digits follow.
    n = Math.min(n * base + digit, 0x110000);
  }
  if (end === first) return undefined;
  return { value: codePoint(n), length: end - at + (text[end] === ';' ? 1 : 0) };
}

function digitOf(ch: string | undefined, base: number): number {
  const digit = ch === undefined ? -1 : '0123456789abcdef'.indexOf(ch.toLowerCase());
  return digit < base ? digit : -1;
}

function namedReferenceAt(text: string, at: number): { value: string; length: number } | undefined {
  let end = at + 1;
  while (end - at <= LONGEST_NAME && /[A-Za-z0-9]/.test(text[end] ?? '')) end++;
  if (text[end] === ';') {
    const value = decodeNamedCharacterReference(text.slice(at + 1, end));
    if (value !== false) return { value, length: end - at + 1 };
  }
  for (let length = Math.min(end - at - 1, LONGEST_LEGACY); length > 1; length--) {
    const name = text.slice(at + 1, at + 1 + length);
    const value = LEGACY.has(name) && decodeNamedCharacterReference(name);
    if (value) return { value, length: length + 1 };
  }
  return undefined;
}
