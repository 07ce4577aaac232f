/** A COE of `lines` lines within the limits, with a few findings, for the language server's benchmark. */
export function largeCoe(lines?: number): string;
