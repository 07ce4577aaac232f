// Property tests (fast-check) over mutated COEs: linting never throws, gives
// the same result twice and always names the file. With test/property/export,
// 6,000 cases a run (COE_FC_LINT_RUNS, COE_FC_EXPORT_RUNS), seeded: a failure
// prints its seed and path to replay it (COE_FC_SEED=… COE_FC_PATH=…).
// The chunks are shared between two test files (lint-1, lint-2), which
// vitest runs side by side: alone, this was the run's longest file.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../src/config/config.js';
import { lintBytes } from '../../src/engine/lint.js';
import { caseArb, chunks, mutate, seedDocuments } from './mutate.js';

const LINT_RUNS = Number(process.env.COE_FC_LINT_RUNS ?? 3000);

const seeds = seedDocuments();
const config: ResolvedConfig = { ...structuredClone(DEFAULT_CONFIG), internalDomains: ['corp.example.com'], internalTerms: ['shard-7'] };
const settings = { now: '2025-10-23', internalTerms: config.internalTerms };

/** The tests of every `parts`-th chunk from `part` (0-based). */
export function lintProperty(part: number, parts: number): void {
  const mine = chunks(LINT_RUNS).filter((_, i) => i % parts === part);
  describe(`lint of mutated COEs never throws, is deterministic and names the file (${LINT_RUNS} cases, part ${part + 1} of ${parts})`, () => {
    it.each(mine)(
      '$name',
      ({ settings: runSettings }) => {
        fc.assert(
          fc.property(caseArb(seeds.length), ({ seed, mutations }) => {
            const bytes = mutate(seeds[seed]!.text, mutations);
            const first = lintBytes('mutated.md', bytes, config, settings);
            const second = lintBytes('mutated.md', bytes, config, settings);
            expect(JSON.stringify(second)).toBe(JSON.stringify(first));
            expect(first.file).toBe('mutated.md');
            for (const m of first.messages) {
              expect(m.line).toBeGreaterThanOrEqual(1);
              expect(m.column).toBeGreaterThanOrEqual(1);
              expect(typeof m.message).toBe('string');
              expect(m.message).not.toMatch(/\n\s+at /); // no stack trace in a message
            }
          }),
          runSettings,
        );
      },
      600_000,
    );
  });
}
