// A worker's first document costs some 0.3 to 0.7 s more than the next
// (compiling the linter's code and patterns), and a worker that replaces a
// stopped one starts cold. Each worker (engine/worker.ts) first does its job
// on this sample COE, so that the cost does not count against a file's time
// budget. The sample is one of the examples, shipped in the package.
import { readFileSync } from 'node:fs';
import { packagePath } from '../util/package.js';

export const WARM_UP_SAMPLE = packagePath('examples', '2026-09-08-checkout-database-failover.md');

/** The sample's bytes; none when it is missing (the worker then starts cold). */
export function warmUpBytes(): Uint8Array | undefined {
  try {
    return readFileSync(WARM_UP_SAMPLE);
  } catch {
    return undefined;
  }
}
