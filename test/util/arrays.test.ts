import { describe, expect, it } from 'vitest';
import { lastAtOrBefore, pushAll } from '../../src/util/arrays.js';

describe('lastAtOrBefore', () => {
  const starts = [0, 10, 25, 40];
  it.each([
    [0, 0],
    [9, 0],
    [10, 1],
    [24, 1],
    [25, 2],
    [39, 2],
    [40, 3],
    [1000, 3],
  ])('value %i is after the start at position %i', (value, expected) => {
    expect(lastAtOrBefore(starts, value)).toBe(expected);
  });

  it('gives 0 when nothing is at or before the value, or the list is empty', () => {
    expect(lastAtOrBefore([5, 8], 2)).toBe(0);
    expect(lastAtOrBefore([], 7)).toBe(0);
  });

  it('finds the last of equal values', () => {
    expect(lastAtOrBefore([0, 3, 3, 3, 9], 3)).toBe(3);
  });
});

describe('pushAll', () => {
  it('appends more items than a call may take as arguments', () => {
    const target = [1];
    pushAll(
      target,
      Array.from({ length: 200_000 }, (_, i) => i),
    );
    expect(target).toHaveLength(200_001);
    expect(target.at(-1)).toBe(199_999);
  });
});
