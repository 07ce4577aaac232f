// HTML character references (`&amp;`, `&#73;`, `&#x49;`), decoded as a
// browser decodes them when they end with ";". Names come from the package
// micromark uses, so both know the same ones.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** The text with its character references decoded; an unknown name stays as written, an invalid code point is U+FFFD. */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) {
      const value = decodeNamedCharacterReference(name);
      return value === false ? whole : value;
    }
    const n = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
    return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '\ufffd';
  });
}
