// The time budget of work done in this process (engine/budget.ts): what
// `fileTimeout` stops when no worker runs the file.
import { describe, expect, it } from 'vitest';
import { budgetMsOf, overBudget, withinBudget } from '../../src/engine/budget.js';
import { analyze } from '../../src/lsp/analysis.js';
import { baseDocument, testConfig } from '../helpers/lint.js';

const elapsed = (work: () => unknown): number => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

describe('withinBudget', () => {
  it('gives the value of work done in time', () => {
    expect(withinBudget(5_000, () => [1, 2, 3].map((n) => n * 2))).toEqual({ done: true, value: [2, 4, 6] });
  });

  it('stops a loop that never ends, at the budget', () => {
    let stopped: unknown;
    const ms = elapsed(() => {
      stopped = withinBudget(200, () => {
        for (;;);
      });
    });
    expect(stopped).toEqual({ done: false });
    expect(ms).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(5_000);
  });

  it('stops a regular expression that backtracks without end', () => {
    expect(withinBudget(200, () => /^(a+)+$/.test(`${'a'.repeat(64)}b`))).toEqual({ done: false });
  });

  it('passes the work’s own errors on, and works again after a stop', () => {
    expect(() =>
      withinBudget(1_000, () => {
        throw new RangeError('bad');
      }),
    ).toThrow(RangeError);
    withinBudget(50, () => {
      for (;;);
    });
    expect(withinBudget(1_000, () => 'again')).toEqual({ done: true, value: 'again' });
  });

  it('keeps an outer budget’s work when called inside it', () => {
    const outer = withinBudget(5_000, () => {
      const inner = withinBudget(50, () => {
        for (;;);
      });
      return { inner, after: 'outer goes on' };
    });
    expect(outer).toEqual({ done: true, value: { inner: { done: false }, after: 'outer goes on' } });
  });

  it('takes a budget under a millisecond (node:vm refuses 0) as one millisecond', () => {
    // Done or stopped, as the machine goes: never refused.
    expect(withinBudget(0.001, () => 7)).toHaveProperty('done');
  });
});

describe('budgetMsOf', () => {
  it('is fileTimeout in milliseconds, at most what a timer holds', () => {
    expect(budgetMsOf({ fileTimeout: 10 })).toBe(10_000);
    expect(budgetMsOf({ fileTimeout: 0.001 })).toBe(1);
    expect(budgetMsOf({ fileTimeout: 1e-9 })).toBe(1);
    expect(budgetMsOf({ fileTimeout: 9_999_999 })).toBe(2 ** 31 - 1);
  });
});

describe('overBudget', () => {
  it('is the fatal finding of a stopped file, the budget in seconds', () => {
    expect(overBudget('docs/a.md', 10_000).messages).toEqual([
      {
        ruleId: 'fatal',
        severity: 'error',
        message: 'File took longer than 10 s to lint; split or simplify it',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ]);
    expect(overBudget('a.md', 1).messages[0]!.message).toBe('File took longer than 0.001 s to lint; split or simplify it');
  });
});

describe('the language server’s analysis', () => {
  const at = { version: 1, folder: '/tmp' };
  const settings = (config: ReturnType<typeof testConfig>) => ({ now: '2025-10-23', internalTerms: config.internalTerms });

  it('gives the fatal finding of coe lint for a document over fileTimeout, and no model', () => {
    const config = testConfig({ fileTimeout: 0.001 });
    const analysis = analyze('a.md', baseDocument(), at, config, settings(config));
    expect(analysis.doc).toBeUndefined();
    expect(analysis.messages.map((m) => [m.ruleId, m.message])).toEqual([
      ['fatal', 'File took longer than 0.001 s to lint; split or simplify it'],
    ]);
  });

  it('checks the same document within the default budget', () => {
    const config = testConfig();
    const analysis = analyze('a.md', baseDocument(), at, config, settings(config));
    expect(analysis.doc).toBeDefined();
    expect(analysis.messages.filter((m) => m.ruleId === 'fatal')).toEqual([]);
  });
});
