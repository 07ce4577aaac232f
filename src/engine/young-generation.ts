// How V8 grows this process's young generation (its new space, where objects
// start) when it fills: by this factor, up to 2 × 16 MiB. V8 reads the flag
// each time it grows it, so a run can change it as it goes; bin/load-cli.js
// sets the first one from the command line.
import v8 from 'node:v8';

/**
 * 1: keep the size it has, for a process that hands files to workers and
 * keeps their results (grown, it would hold 32 MiB to little use); 2: V8's
 * default doubling, for linting here; 16: full size at once, for a few files.
 */
export function setYoungGenerationGrowth(factor: 1 | 2 | 16): void {
  v8.setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}
