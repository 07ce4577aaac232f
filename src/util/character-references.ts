// HTML character references (`&amp;`, `&#73;`, `&#x49;`), decoded as a
// browser decodes them when they end with ";". Names come from the package
// micromark uses, so both know the same ones.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

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
  const n = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
  return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '\ufffd';
}
