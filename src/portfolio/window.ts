// The window of format 6: COEs whose incident began (the UTC date of
// incident.start) within --since..--until, inclusive.
import { DAY_MS, parseDay } from '../util/time.js';
import type { PortfolioCoe } from './types.js';

/**
 * The COEs whose incident began (its UTC date) within since..until,
 * inclusive, as format 6 narrows a window; a COE whose start cannot be read
 * is left out of a window and returned as unplaced.
 */
export function inWindow(coes: PortfolioCoe[], since?: string, until?: string): { coes: PortfolioCoe[]; unplaced: PortfolioCoe[] } {
  if (since === undefined && until === undefined) return { coes, unplaced: [] };
  const from = since === undefined ? -Infinity : parseDay(since)!;
  const to = until === undefined ? Infinity : parseDay(until)!;
  const kept: PortfolioCoe[] = [];
  const unplaced: PortfolioCoe[] = [];
  for (const coe of coes) {
    const start = coe.times.start;
    if (start === undefined) unplaced.push(coe);
    else {
      const day = Math.floor(start / DAY_MS) * DAY_MS;
      if (day >= from && day <= to) kept.push(coe);
    }
  }
  return { coes: kept, unplaced };
}
