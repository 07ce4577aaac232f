// Text for a terminal table: how many columns a string takes, cutting it to
// a width with "…", and keeping a document's control characters from
// reaching the terminal (where an escape sequence could rewrite the screen).

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

const graphemes = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

// Tabs and line breaks read as spaces; other control characters, and the
// bidirectional overrides that can make text read other than it is, show as �.
export function terminalText(text: string): string {
  return text.replace(/[\t\n\v\f\r]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

const ZERO_WIDTH = /^(?:\p{Mark}|\p{Default_Ignorable_Code_Point})+$/u;
const EMOJI = /\p{Emoji_Presentation}|\ufe0f/u;
// East Asian Wide and Fullwidth characters (Unicode 15, the common blocks).
const WIDE =
  /^[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{1f200}-\u{1f2ff}\u{20000}-\u{3fffd}]/u;

function graphemeWidth(g: string): number {
  if (ZERO_WIDTH.test(g)) return 0;
  return EMOJI.test(g) || WIDE.test(g) ? 2 : 1;
}

/** The columns `text` takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  // ASCII, the usual case, is one column a character.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  for (const g of graphemes(text)) width += graphemeWidth(g);
  return width;
}

/** `text` in at most `width` columns: whole when it fits, else cut at a character and ended with "…". */
export function cut(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let kept = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = graphemeWidth(g);
    if (used + w > width - 1) break;
    kept += g;
    used += w;
  }
  return `${kept.trimEnd()}…`;
}

/** `text` followed by spaces up to `width` columns. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
