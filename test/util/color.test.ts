// makeChalk: colour as FORCE_COLOR, NO_COLOR and a TTY decide it; without
// colour, a stand-in that gives what chalk gives at level 0, without loading chalk.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { makeChalk } from '../../src/util/color.js';

describe('makeChalk', () => {
  it('without colour gives the text as chalk at level 0 does, whatever is chained', async () => {
    const plain = await makeChalk({ isTTY: false }, {});
    const chalk = new Chalk({ level: 0 });
    expect(plain.level).toBe(0);
    for (const style of ['red', 'yellow', 'dim', 'underline', 'bold', 'gray', 'bgRed', 'greenBright', 'bgYellowBright'] as const) {
      expect(plain[style]('a', 'b'), style).toBe(chalk[style]('a', 'b'));
      expect(plain[style].bold.underline('x'), style).toBe(chalk[style].bold.underline('x'));
      expect(plain[style](), style).toBe(chalk[style]());
      expect(plain[style](5 as unknown as string), style).toBe(chalk[style](5 as unknown as string));
    }
    expect(plain('a', 'b')).toBe(chalk('a', 'b'));
  });

  it('colours as FORCE_COLOR says, then NO_COLOR, then a TTY', async () => {
    expect((await makeChalk({ isTTY: true }, { FORCE_COLOR: '3' })).level).toBe(3);
    expect((await makeChalk({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' })).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect((await makeChalk({ isTTY: true }, { FORCE_COLOR: '0' })).level).toBe(0);
    expect((await makeChalk({ isTTY: true }, { NO_COLOR: '1' })).level).toBe(0);
    expect((await makeChalk({ isTTY: false }, { NO_COLOR: '' })).level).toBe(0);
    expect((await makeChalk({ isTTY: false }, { FORCE_COLOR: 'yes' })).level).toBeGreaterThanOrEqual(1);
  });
});
