// Cheap guards run before the Markdown parser: remark overflows the stack on
// very deep nesting and slows down badly on huge input.

export interface InputLimits {
  maxBytes: number;
  maxNesting: number;
  maxLineLength: number;
  /** Tables of tens of thousands of rows parse in super-linear time. */
  maxLines: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxNesting: 100,
  maxLineLength: 100_000,
  maxLines: 20_000,
};

/** Returns why the text is over a limit, with the line, or undefined. */
export function checkLimits(text: string, limits: InputLimits): { message: string; line: number } | undefined {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // A final newline ends the last line; it does not open another.
    if (start === text.length && line > 1) break;
    if (line > limits.maxLines) return { message: `more than ${limits.maxLines} lines`, line };
    const length = end - start - (text.charCodeAt(end - 1) === 0x0d ? 1 : 0);
    if (length > limits.maxLineLength) {
      return { message: `line is longer than ${limits.maxLineLength} characters`, line };
    }
    const depth = nestingDepth(text, start, end);
    if (depth > limits.maxNesting) {
      return { message: `nesting deeper than ${limits.maxNesting} levels (block quotes or lists)`, line };
    }
    start = end + 1;
    line++;
  }
  return undefined;
}

// Counts the container markers (">", list bullets) that open a line, and
// the indentation before them, which nests lists too (two columns a level).
function nestingDepth(text: string, start: number, end: number): number {
  let depth = 0;
  let i = start;
  let indent = 0;
  while (i < end && isSpace(text.charCodeAt(i))) indent += text.charCodeAt(i++) === 0x09 ? 4 : 1;
  // Indentation nests only when a container marker follows it: an indented
  // code line or a line of spaces nests nothing.
  const c0 = text.charCodeAt(i);
  const marker = c0 === 0x3e || ((c0 === 0x2d || c0 === 0x2a || c0 === 0x2b) && isSpace(text.charCodeAt(i + 1)));
  if (marker) depth += Math.floor(indent / 2);
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      i++;
    } else if (c === 0x3e /* > */) {
      depth++;
      i++;
    } else if ((c === 0x2d || c === 0x2a || c === 0x2b) && isSpace(text.charCodeAt(i + 1))) {
      depth++;
      i += 2;
    } else {
      break;
    }
  }
  return depth;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}
