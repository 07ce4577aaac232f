// Times and dates in words, in UTC, for customers: "06:48 UTC on October 20, 2025".
// Month names are spelt here rather than by Intl, so output never depends on the locale.

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** October 20, 2025 */
export function dayInWords(time: number): string {
  const d = new Date(time);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** 06:48 */
export function clock(time: number): string {
  return new Date(time).toISOString().slice(11, 16);
}

function sameUtcDay(a: number, b: number): boolean {
  return new Date(a).toISOString().slice(0, 10) === new Date(b).toISOString().slice(0, 10);
}

/**
 * The window of impact in words: "Between 06:48 and 07:58 UTC on October 20, 2025",
 * "From 23:27 UTC on January 31, 2017 to 18:14 UTC on February 1, 2017", or
 * "Since 06:48 UTC on October 20, 2025" while the end is unknown.
 */
export function windowInWords(start: number | undefined, end: number | undefined): string {
  if (start === undefined) return 'At a time not yet confirmed';
  if (end === undefined) return `Starting at ${clock(start)} UTC on ${dayInWords(start)}`;
  if (sameUtcDay(start, end)) return `Between ${clock(start)} and ${clock(end)} UTC on ${dayInWords(start)}`;
  return `From ${clock(start)} UTC on ${dayInWords(start)} to ${clock(end)} UTC on ${dayInWords(end)}`;
}

/** Oct 20 */
export function shortDay(time: number): string {
  const d = new Date(time);
  return `${MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${d.getUTCDate()}`;
}

export function spansDays(a: number, b: number): boolean {
  return !sameUtcDay(a, b);
}
