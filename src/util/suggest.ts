// "Did you mean …?": the closest known word to what was written, when it is
// close enough to be a slip (a typo, a missing or extra hyphen).

/** Levenshtein distance, case folded by the caller where it should be. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/**
 * The known word closest to `value` (case folded, `_` and spaces read as `-`),
 * or undefined when none is within a third of its length (at least 2 edits).
 * Long input is never compared: a slip is short.
 */
export function closest(value: string, known: readonly string[]): string | undefined {
  const fold = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-');
  const v = fold(value);
  if (v === '' || v.length > 64) return undefined;
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const w = fold(word);
    const limit = Math.max(2, Math.floor(w.length / 3));
    if (Math.abs(w.length - v.length) > limit) continue;
    const distance = w === v ? 0 : editDistance(v, w);
    if (distance <= limit && (!best || distance < best.distance)) best = { word, distance };
  }
  return best?.word;
}

/** ` (did you mean "x"?)`, or '' when nothing is close. */
export function didYouMean(value: string, known: readonly string[]): string {
  const match = closest(value, known);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
