// The first work budgeted in a process (engine/budget.ts) includes the
// process's warm-up: stopped, it is run once more. This file's first call of
// withinBudget must be the one below (vitest gives each test file its own
// modules).
import { describe, expect, it } from 'vitest';
import { withinBudget } from '../../src/engine/budget.js';

describe('the first work of a process', () => {
  it('is run once more when stopped, and only the first', () => {
    let calls = 0;
    // Slow only the first time, as a cold start is.
    const coldOnce = () => {
      if (++calls === 1) for (;;);
      return 'linted';
    };
    expect(withinBudget(100, coldOnce)).toEqual({ done: true, value: 'linted' });
    expect(calls).toBe(2);

    calls = 0;
    expect(withinBudget(100, coldOnce)).toEqual({ done: false });
    expect(calls).toBe(1);
  });
});
