// Which `L<n>` and `AI-<n>` tokens of a block (a paragraph, heading or table
// cell) are references. `AI-<n>` always is. `L<n>` is also how people name
// network layers ("the L4 load balancer"), so an `L<n>` that no lesson defines
// is a reference only where it stands as one (format 3.3): after an arrow,
// inside parentheses or brackets, in a comma-separated list of ids, in inline
// code holding only ids, or as the last word of the block.
import type { Reference, TextRun } from '../model/types.js';
import { isIdCode, referenceAt, referenceTokens } from '../model/text.js';

export interface BlockRun {
  run: TextRun;
  code: boolean;
}

const ID = String.raw`(?:L[1-9]\d*|AI-[1-9]\d*)`;
// The arrows that lead to a reference: →, ->, => and ⇒ (arrowAt reads the same).
const ARROW = String.raw`(?:\u2192|->|=>|\u21D2)`;

/** An arrow that ends the text ("L1 →"): what follows it is a reference. */
export const AFTER_ARROW = new RegExp(String.raw`${ARROW}\s*$`, 'u');

/** The length of the arrow at `at` of the text, 0 for none. */
export function arrowAt(text: string, at: number): number {
  const c = text[at];
  if (c === '\u2192' || c === '\u21D2') return 1;
  return (c === '-' || c === '=') && text[at + 1] === '>' ? 2 : 0;
}
const AFTER_ID_IN_LIST = new RegExp(String.raw`(?<!\p{L}|\p{N}|[_-])${ID}\s*,\s*$`, 'u');
const BEFORE_ID_IN_LIST = new RegExp(String.raw`^\s*,\s*${ID}(?!\p{L}|\p{N}|_)`, 'u');
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The references of one block's runs, in order. */
export function blockReferences(runs: BlockRun[], lessonIds: ReadonlySet<string>): Reference[] {
  const out: Reference[] = [];
  let joined: string | undefined;
  let depths: Int32Array | undefined;
  let lastWordEnd = -1;
  let offset = 0;
  for (const { run, code } of runs) {
    const start = offset;
    offset += run.text.length;
    if (code && !isIdCode(run.text)) continue;
    for (const token of referenceTokens(run.text)) {
      if (code || token.id.startsWith('AI-') || lessonIds.has(token.id)) {
        out.push(referenceAt(run, token));
        continue;
      }
      // Context is needed only for an undefined L<n>: build it once per block.
      if (joined === undefined) {
        joined = runs.map((r) => r.run.text).join('');
        depths = bracketDepths(joined);
        lastWordEnd = lastWordCharIndex(joined) + 1;
      }
      const at = start + token.index;
      if (standsAsReference(joined, at, token.id.length, depths!, lastWordEnd)) out.push(referenceAt(run, token));
    }
  }
  return out;
}

/** An arrow that starts the text ("→ L2"): what comes before it is a reference. */
export const BEFORE_ARROW = new RegExp(String.raw`^\s*${ARROW}`, 'u');

/**
 * Whether the `L<n>` at `at` of one text stands as a reference, as above,
 * or leads an arrow ("L1 → L2"): the export leaves out a lesson id of the
 * Impact where it does, and keeps "the L2 load balancer".
 */
export function standsAsReferenceIn(text: string, at: number, length: number): boolean {
  if (BEFORE_ARROW.test(text.slice(at + length, at + length + 8))) return true;
  return standsAsReference(text, at, length, bracketDepths(text), lastWordCharIndex(text) + 1);
}

function standsAsReference(text: string, at: number, length: number, depths: Int32Array, lastWordEnd: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  const after = text.slice(at + length, at + length + 40);
  if (AFTER_ARROW.test(before)) return true;
  if (AFTER_ID_IN_LIST.test(before) || BEFORE_ID_IN_LIST.test(after)) return true;
  if (depths[at]! > 0) return true;
  return at + length >= lastWordEnd;
}

/** How many parentheses or brackets are open at each index. */
export function bracketDepths(text: string): Int32Array {
  const depths = new Int32Array(text.length + 1);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    depths[i] = depth;
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
  }
  depths[text.length] = depth;
  return depths;
}

function lastWordCharIndex(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (WORD_CHAR.test(text[i]!)) return i;
  return -1;
}
