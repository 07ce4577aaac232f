// `target.push(...items)` passes every item as an argument, and throws
// RangeError past about 100,000 of them: append in a loop instead.
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The position of the last of `sorted` at or before `value` (binary search); 0 when there is none. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Requests to the file system under way at once, for many files: more are no
 * faster (libuv's pool has four threads), and each one waiting holds memory.
 * Discovery's real paths of 10,000 files all at once left `coe lint` some 30
 * MiB larger for the whole run (memory the C library keeps).
 */
export const FS_AT_ONCE = 64;

/** `map` of an async `fn`, with at most `limit` calls under way at once; the results in the order of `items`. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const run = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return results;
}
