// `target.push(...items)` passes every item as an argument, and throws
// RangeError past about 100,000 of them: append in a loop instead.
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
