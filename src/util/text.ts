export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The text on one line: each run of white space (`\s`) one space, none at
 * either end. Text with nothing to change is returned as it is, without the
 * regular expression: most text is such, and the model asks for it often.
 */
export function oneLine(text: string): string {
  let spaceBefore = true; // a space at the start is trimmed
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (spaceBefore) return collapsed(text);
      spaceBefore = true;
    } else if (c < 0x20 ? c >= 0x09 && c <= 0x0d : c >= 0xa0 && isOtherSpace(c)) return collapsed(text);
    else spaceBefore = false;
  }
  return spaceBefore && text.length > 0 ? collapsed(text) : text;
}

function collapsed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// What `\s` matches above U+009F (Unicode's Zs, and U+2028, U+2029, U+FEFF).
function isOtherSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
