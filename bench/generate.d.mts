// Types of bench/generate.mjs, for the tests that use its COEs.

/** The date the benchmarks lint with (`--now`): the generated incidents fall in the three years before it. */
export const NOW: string;

/** Writes `n` files into `dir` (5% of them Markdown that is not a COE); returns their names. The same seed gives the same files. */
export function generate(dir: string, n: number, seed?: number): string[];
