// Colour for terminal output. chalk reads FORCE_COLOR but not NO_COLOR, so
// the level is decided here: FORCE_COLOR wins, then NO_COLOR, then a TTY.
import { Chalk, supportsColor, type ChalkInstance } from 'chalk';

export function colorLevel(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : supportsColor ? supportsColor.level || 1 : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!stream.isTTY) return 0;
  return supportsColor ? supportsColor.level : 0;
}

export function makeChalk(stream: { isTTY?: boolean }, env?: NodeJS.ProcessEnv): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, env) });
}
