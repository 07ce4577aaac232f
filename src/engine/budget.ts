// The time one file may take (`fileTimeout`), for work done in this thread,
// where there is no worker to stop: a few files, `--concurrency 1`, standard
// input, `coe export`, the language server. V8 ends the call when the budget
// runs out, as Node ends a script that node:vm runs with a timeout (a
// runaway regular expression too). Each call starts a watchdog thread, about
// 0.25 ms. The pool stops a worker instead (engine/pool.ts).
import vm from 'node:vm';
import { fatalResult, type FileResult } from './lint.js';

export type Budgeted<T> = { done: true; value: T } | { done: false };

// node:vm times a script, not a function: the script calls the work left here.
const SLOT = Symbol.for('coe.withinBudget');
const CALL = new vm.Script('globalThis[Symbol.for("coe.withinBudget")]()', { filename: 'coe-budget.js' });
// A timer holds at most 2^31 - 1 ms (24.8 days): Node fires a longer one at once.
const MAX_MS = 2 ** 31 - 1;

/** The milliseconds one file may take, from `fileTimeout` (seconds): at least 1, the least a timer waits. */
export function budgetMsOf(config: { fileTimeout: number }): number {
  return Math.min(MAX_MS, Math.max(1, config.fileTimeout * 1000));
}

// The first work of a process includes its warm-up (compiling the linter's
// code and patterns, 0.3 to 0.7 s): stopped, it is run once more, warm, so
// that a budget under a second does not stop a file only for being first.
let warm = false;

/**
 * The work's value, or `done: false` when it took longer than `ms` and was
 * stopped (the first work of the process: twice). The work must be free of
 * side effects, as it may run twice.
 */
export function withinBudget<T>(ms: number, work: () => T): Budgeted<T> {
  const first = !warm;
  warm = true;
  const run = runWithin(ms, work);
  return run.done || !first ? run : runWithin(ms, work);
}

function runWithin<T>(ms: number, work: () => T): Budgeted<T> {
  const slot = globalThis as unknown as Record<symbol, unknown>;
  const outer = slot[SLOT];
  slot[SLOT] = work;
  try {
    const timeout = Math.min(MAX_MS, Math.max(1, Math.ceil(ms)));
    return { done: true, value: CALL.runInThisContext({ timeout }) as T };
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { done: false };
    throw error;
  } finally {
    slot[SLOT] = outer;
  }
}

/** A budget in seconds, as written in messages. */
export const budgetSeconds = (ms: number): number => Number((ms / 1000).toPrecision(3));

/** The `fatal` result of a file stopped after `ms`. */
export function overBudget(file: string, ms: number): FileResult {
  return fatalResult(file, `File took longer than ${budgetSeconds(ms)} s to lint; split or simplify it`);
}
