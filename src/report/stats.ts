// Order statistics for the report: percentiles by the nearest-rank method on
// sorted values (the value at rank ⌈p/100 · n⌉), so every figure is a value
// some COE had. No mean: a few long incidents would drag it anywhere.

/** The p-th percentile (0 < p ≤ 100) of values sorted ascending, or null for none. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function median(sorted: readonly number[]): number | null {
  return nearestRank(sorted, 50);
}

export function ascending(values: Iterable<number>): number[] {
  return [...values].sort((a, b) => a - b);
}
