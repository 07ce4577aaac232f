// Whether a text carries a number (format 3.3): digits, or a number written
// in words ("forty minutes", "a third of requests", "half", "twice").

const UNITS =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen';
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety';
const SCALES = 'hundred hundreds thousand thousands million millions billion billions dozen dozens';
// Fractions and multiples: "half", "a third", "two thirds", "a quarter", "twice".
const PARTS =
  'half halves halved third thirds quarter quarters fourth fourths fifth fifths sixth sixths seventh sevenths eighth eighths ninth ninths tenth tenths twice thrice double doubled triple tripled quadruple quadrupled tenfold hundredfold';

const WORDS = new Set([...UNITS.split(' '), ...TENS.split(' '), ...SCALES.split(' '), ...PARTS.split(' '), 'zero']);

// Digits of any script ("４５", "٣٠", "४५") that start a token are data; digits inside an identifier ("L1",
// "us-east-2", "ec2") are not. Scripts written without spaces put digits
// right after a letter ("注文APIの3%"): there the letter is no identifier. A
// multiplier "x10" or "×3" is data too.
const UNSPACED =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const DIGITS = new RegExp(`(?<!(?![${UNSPACED}])(?:\\p{L}|\\p{N}|[_-]))(?:[x×](?=\\p{Nd}+(?!\\p{L}|\\p{N}|[_-])))?\\p{Nd}`, 'u');

export function carriesNumber(text: string): boolean {
  if (DIGITS.test(text)) return true;
  // "forty-five" is two number words; "one-off" still begins with one.
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) if (WORDS.has(word)) return true;
  return false;
}
