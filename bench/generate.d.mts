/** Writes `n` generated COEs (5% other Markdown) into `dir`; the same seed gives the same files. */
export function generate(dir: string, n: number, seed?: number): string[];
