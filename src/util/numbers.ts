// Whether a text carries a number (format 3.3): digits, or a number written
// in words ("forty minutes", "a third of requests", "half", "twice").

const UNITS =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen';
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety';
const SCALES = 'hundred hundreds thousand thousands million millions billion billions dozen dozens';
// Fractions and multiples: "half", "a third", "two thirds", "a quarter", "twice".
const PARTS =
  'half halves halved third thirds quarter quarters fifth fifths sixth sixths tenth tenths twice thrice double doubled triple tripled quadruple quadrupled tenfold hundredfold';

const WORDS = new Set([...UNITS.split(' '), ...TENS.split(' '), ...SCALES.split(' '), ...PARTS.split(' '), 'zero']);

export function carriesNumber(text: string): boolean {
  if (/(?<![\p{L}\p{N}_-])\d/u.test(text)) return true;
  // "forty-five" is two number words; "one-off" still begins with one.
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) if (WORDS.has(word)) return true;
  return false;
}
