// Inputs at the limits in the shapes that stalled the export for seconds to
// hours (quadratic and cubic patterns when tidying removals, matching hosts
// and tokens, finding action cells and leak sources): lines of 99,000
// characters, 10,000 action items, 19,000 lines. Each runs in a child
// process (bench/pathological-export.mjs, on the built code) that is killed
// when it hangs, since a stalled pattern never lets a test time out. Each
// export must take a few seconds at most: it takes well under one, and took
// from 20 s to hours before.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathologicalExports } from '../../bench/pathological-export-shapes.mjs';
import { ROOT } from '../helpers/lint.js';

const LIMIT = 10; // seconds for one export or one run of customer-terms, on a busy machine

describe('export at the limits', () => {
  for (const { name } of pathologicalExports({ copies: 1, big: false })) {
    it(`${name}: no stall`, { timeout: 90_000 }, () => {
      const run = spawnSync(
        process.execPath,
        [path.join(ROOT, 'bench/pathological-export.mjs'), '--copies', '2', '--only', name, '--json'],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(run.signal, `killed after 60 s: ${name} stalls`).toBeNull();
      expect(run.stderr).toBe('');
      const result = JSON.parse(run.stdout) as { customerTerms: number; exports: Record<string, number>; leakedHost: boolean };
      expect(result.customerTerms).toBeLessThan(LIMIT);
      for (const [format, seconds] of Object.entries(result.exports)) expect(seconds, format).toBeLessThan(LIMIT);
      // However many internal hosts there are, none reaches the draft.
      expect(result.leakedHost).toBe(false);
    });
  }
});
