// Colour for terminal output. chalk reads FORCE_COLOR but not NO_COLOR, so
// the level is decided here: FORCE_COLOR wins, then NO_COLOR, then a TTY.
// chalk is loaded only for colour: its supports-color loads node:tty (and
// with it node:net), which most runs (CI, a pipe, a file) do not need.
import type { ChalkInstance } from 'chalk';

/** The level that FORCE_COLOR or NO_COLOR sets, 'detect' for the level chalk finds, 0 for no colour. */
function levelOf(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): 0 | 1 | 2 | 3 | 'detect' {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 'detect';
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return stream.isTTY ? 'detect' : 0;
}

export async function makeChalk(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Promise<ChalkInstance> {
  const level = levelOf(stream, env);
  if (level === 0) return PLAIN;
  const { Chalk, supportsColor } = await import('chalk');
  if (level !== 'detect') return new Chalk({ level });
  // FORCE_COLOR of another value is at least level 1; a TTY takes what chalk finds.
  const found = supportsColor ? supportsColor.level : 0;
  return new Chalk({ level: env.FORCE_COLOR !== undefined ? found || 1 : found });
}

// The styles a reporter may chain: chalk's modifiers and colours.
const MODIFIERS = ['reset', 'bold', 'dim', 'italic', 'underline', 'overline', 'inverse', 'hidden', 'strikethrough', 'visible'];
const COLORS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray', 'grey']
  .flatMap((c) => [c, `${c}Bright`])
  .flatMap((c) => [c, `bg${c[0]!.toUpperCase()}${c.slice(1)}`]);

/** What chalk gives at level 0, without loading it: the texts joined by a space, whatever styles are chained. */
const PLAIN: ChalkInstance = (() => {
  const plain = (...texts: unknown[]) => texts.join(' ');
  for (const style of [...MODIFIERS, ...COLORS]) Object.defineProperty(plain, style, { get: () => plain });
  Object.defineProperty(plain, 'level', { value: 0 });
  return plain as unknown as ChalkInstance;
})();
