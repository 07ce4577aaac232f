// How many workers a run uses: --concurrency N, or the cores when there are
// files enough to pay for starting them. 1 is this thread alone.
import { availableParallelism } from 'node:os';

/** From this many files on, a pool of workers pays for starting it. */
export const POOL_THRESHOLD = 64;

export function poolSize(files: number, concurrency: number | 'auto'): number {
  if (concurrency !== 'auto') return Math.min(concurrency, files);
  const cores = availableParallelism();
  return files >= POOL_THRESHOLD && cores > 1 ? cores : 1;
}
